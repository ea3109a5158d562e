// Figure: the WebAssembly memory an inventory of 100,000 rows takes (budget 64 MB): a fresh
// module (a child process: WASM memory only grows, so figures measured earlier in this process
// would leave it larger), then the generator's certificates listed as the page lists them
// (CERT with ISSUED, WILLEXPIRED and EXPIRED, ShowSize 100), every response body exactly as the
// emulator sends it and added to one inventory inside WASM, page by page, as listAll does; then
// the page's first query (50 rows, which sorts and computes the superseded flags). The figure
// is memory.buffer.byteLength at the end: WASM memory never shrinks, so it is also the peak.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const SELF = fileURLToPath(import.meta.url);
const MB = 1e6;  // decimal: the stricter reading of "64 MB"

async function child(count) {
  const { generateAccount } = await import('../emulator/account.js');
  const { selectRows, validateQuery } = await import('../emulator/listing.js');
  const { stringify } = await import('../emulator/json64.js');
  const { createInventory } = await import('../../web/casview/index.js');
  const { inventoryWasmId } = await import('../../web/casview/inventory.js');
  const { answeredError, readAnswer, requestOf } = await import('../../web/casview/boundary.js');
  const { loadCore } = await import('../../web/casview/core.js');

  const now = Date.UTC(2026, 10, 29);
  const account = generateAccount({ seed: `bench-heap-${count}`, certs: count, orders: 0, now });
  const core = await loadCore();
  const initial = core.HEAPU8.buffer.byteLength;
  const inventory = await createInventory({ nowMs: now });
  const id = inventoryWasmId(inventory);
  const encoder = new TextEncoder();
  let bodies = 0;
  const started = performance.now();
  for (const Status of ['ISSUED', 'WILLEXPIRED', 'EXPIRED']) {
    // The emulator's own rows for this listing, cut into the pages it would answer.
    const { query } = validateQuery({ OrderType: 'CERT', Status, ShowSize: '100', CurrentPage: '1' });
    const rows = selectRows(account, query, now);
    for (let start = 0, CurrentPage = 1; start < rows.length; start += 100, CurrentPage++) {
      const body = stringify({ ShowSize: 100, CurrentPage, TotalCount: rows.length,
        CertificateOrderList: rows.slice(start, start + 100), RequestId: `BENCH-${Status}-${CurrentPage}` });
      const bytes = encoder.encode(requestOf(['CERT', '']) + body);
      const pointer = core._casview_input(bytes.length);
      core.HEAPU8.set(bytes, pointer);
      core._casview_inventory_add(id, bytes.length);
      if (!readAnswer(core).ok) throw answeredError(core);
      bodies += 1;
    }
  }
  const addMs = performance.now() - started;
  const afterAdd = core.HEAPU8.buffer.byteLength;
  const queryStart = performance.now();
  const shown = inventory.query({ limit: 50 }).rows.length;
  const queryMs = performance.now() - queryStart;
  return { rows: inventory.size, shown, bodies, initial, afterAdd, final: core.HEAPU8.buffer.byteLength, addMs, queryMs };
}

async function measure(count) {
  const { stdout } = await promisify(execFile)(process.execPath, [SELF, '--child', String(count)],
    { maxBuffer: 1 << 20, timeout: 600_000 });
  return JSON.parse(stdout);
}

export async function benchHeap({ smoke }) {
  const count = smoke ? 1000 : 100_000;
  const runs = [];
  for (let r = 0; r < (smoke ? 1 : 2); r++) runs.push(await measure(count));
  const r = runs[0];
  if (r.rows !== count || runs.some((x) => x.final !== r.final)) {
    throw new Error(`heap bench: ${r.rows} of ${count} rows; or runs disagree: ${runs.map((x) => x.final).join(', ')}`);
  }
  const mb = r.final / MB;
  return {
    figure: `WASM heap for ${count.toLocaleString('en')} rows (inventory + first query)`, unit: 'MB',
    median: mb, min: mb, max: mb, budget: '≤ 64 MB', pass: mb <= 64,
    detail: `memory.buffer.byteLength ${(r.initial / MB).toFixed(1)} MB at start, ${(r.afterAdd / MB).toFixed(1)} MB after ` +
      `${r.bodies} pages (${(r.addMs / 1000).toFixed(2)} s), ${mb.toFixed(1)} MB after the first query (${r.queryMs.toFixed(0)} ms)`,
  };
}

/** Every figure of this file, in table order (scripts/bench/main.js spreads it in). */
export const heapFigures = [benchHeap];

if (process.argv[2] === '--child') {
  process.stdout.write(JSON.stringify(await child(Number(process.argv[3]))));
}
