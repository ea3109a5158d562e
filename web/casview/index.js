// casview: the public ES module (docs/js-api.md). The page and every embedder import this
// file only.
export { CasError } from './errors.js';
export { configureCasview } from './core.js';
export { signRpcRequest } from './sign.js';
export { createClient } from './client.js';
export { createInventory } from './inventory.js';
