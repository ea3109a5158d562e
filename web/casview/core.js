// Loads the WebAssembly core once. Every API function awaits loadCore(); configureCasview()
// lets the host say where casview-core.wasm lives (or hand over its bytes) before first use.
// Asynchronous results (pages, progress) come back through one notification handler, routed
// here to whoever waits for that (target, operation).
import createCasviewCore from './casview-core.js';

let options = {};
let corePromise = null;
let core = null;
const listeners = new Map();

function isNode() {
  return typeof process !== 'undefined' && Boolean(process.versions?.node);
}

async function readBesideThisModule(name) {
  // Node has no fetch for file: URLs; a variable specifier keeps bundlers from pulling in fs.
  const fsModule = 'node:fs/promises';
  const { readFile } = await import(/* @vite-ignore */ fsModule);
  return readFile(new URL(name, import.meta.url));
}

async function instantiate() {
  const moduleOptions = { ...options };
  if (!moduleOptions.wasmBinary && !moduleOptions.locateFile && isNode()) {
    moduleOptions.wasmBinary = await readBesideThisModule('casview-core.wasm');
  }
  if (!moduleOptions.locateFile) {
    // The literal `new URL('./casview-core.wasm', import.meta.url)` is what bundlers (Vite,
    // webpack, Rollup, Parcel) recognise: they emit the .wasm as an asset and rewrite this URL.
    moduleOptions.locateFile = (path) => (path === 'casview-core.wasm'
      ? new URL('./casview-core.wasm', import.meta.url) : new URL(path, import.meta.url)).href;
  }
  const instance = await createCasviewCore(moduleOptions);
  instance.casviewNotify = (target, operation, kind, pointer, size) => {
    const listener = listeners.get(`${target}:${operation}`);
    if (listener) listener(kind, pointer, size);
  };
  return instance;
}

/**
 * Sets how the WebAssembly module is found: `locateFile(path)` returns its URL, or
 * `wasmBinary` gives its bytes. Only before the first API call.
 */
export function configureCasview({ locateFile, wasmBinary } = {}) {
  if (corePromise) throw new Error('casview: configureCasview() must be called before first use');
  options = { locateFile, wasmBinary };
}

/** The core if it is loaded already (saves an await on hot paths), else null. */
export function loadedCore() {
  return core;
}

export function loadCore() {
  if (!corePromise) {
    corePromise = instantiate().then((instance) => {
      core = instance;
      return instance;
    }, (error) => {
      corePromise = null;  // a failed load (offline, wrong path) may be retried
      throw error;
    });
  }
  return corePromise;
}

/** Routes notifications for (target, operation) to `listener(kind, pointer, size)`. */
export function listen(target, operation, listener) {
  listeners.set(`${target}:${operation}`, listener);
  return () => listeners.delete(`${target}:${operation}`);
}
