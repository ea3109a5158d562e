// Figure: the WebAssembly memory an inventory of 100,000 rows takes (budget 64 MB), on the path
// the page takes: in headless Chromium, client.listAll({ OrderType: 'CERT', Status: [ISSUED,
// WILLEXPIRED, EXPIRED], ShowSize: 100 }, { inventory, returnEntries: false }) through the
// project's CORS proxy to the CAS emulator holding the generated certificates (rate limit off,
// the client at 100 requests/second: the limit is not what is measured), each page going into
// the inventory as it arrives; then the page's first query (50 rows, which sorts and computes
// the superseded flags), the search index the page builds in idle time (prepareSearch) and a
// search. A fresh page loads a fresh module. The figure is
// memory.buffer.byteLength at the end: WASM memory never shrinks, so it is also the peak.
// A second figure is the page's reload: the listing again into a second inventory while the
// first is still shown, the first disposed, then the query and index (the peak a reload reaches).
import { DEMO_KEY } from '../emulator/index.js';
import { startStack } from '../../tests/browser/helpers/stack.js';
import { summarize } from './stats.js';

const MB = 1e6;  // decimal: the stricter reading of "64 MB"
const STATUSES = ['ISSUED', 'WILLEXPIRED', 'EXPIRED'];

async function measure(stack, { reload = false } = {}) {
  const page = await stack.browser.context.newPage();
  try {
    await page.goto(`${stack.site.url}casview/index.d.ts`);  // any same-origin document
    // Not 1,000/s: that put every page in flight at once, and on a busy 2-core machine (the
    // emulator, the proxy and Chromium share it) the last ones waited past the timeout. 100/s
    // is a few pages in flight, about 10 s for 1,000 pages; 60 s rides out a stall of the machine.
    const options = { ...DEMO_KEY, endpoint: stack.emulator.url, proxy: stack.proxy.url, requestsPerSecond: 100, timeoutMs: 60_000 };
    const r = await page.evaluate(async ({ clientOptions, statuses, now, reload }) => {
      const api = await import('/casview/index.js');
      const { loadCore } = await import('/casview/core.js');
      const core = await loadCore();
      const initial = core.HEAPU8.buffer.byteLength;
      const client = await api.createClient(clientOptions);
      // One load as the page does it: listing, first query, search index, a search.
      // whenListed: what the page does once the listing is whole (a reload disposes the shown one).
      async function loadOnce(whenListed = () => {}) {
        const inventory = await api.createInventory({ nowMs: now });
        let pages = 0;
        const started = performance.now();
        const entries = await client.listAll({ OrderType: 'CERT', Status: statuses, ShowSize: 100 },
          { inventory, returnEntries: false, onProgress: (p) => { pages = p.pagesDone; } });
        const listMs = performance.now() - started;
        const afterList = core.HEAPU8.buffer.byteLength;
        whenListed();
        const queryStart = performance.now();
        const shown = inventory.query({ limit: 50 }).rows.length;
        const queryMs = performance.now() - queryStart;
        const afterQuery = core.HEAPU8.buffer.byteLength;
        const indexStart = performance.now();
        inventory.prepareSearch();
        const indexMs = performance.now() - indexStart;
        const found = inventory.query({ search: 'example', limit: 50 }).matched;
        return { inventory, rows: inventory.size, returned: entries.length, shown, found, pages, afterList, afterQuery, listMs, queryMs, indexMs };
      }
      const first = await loadOnce();
      const afterFirst = core.HEAPU8.buffer.byteLength;
      let last = first;
      // As the page reloads: the listing fills a second inventory; once whole, the first is
      // disposed, then the new one is queried and indexed.
      if (reload) last = await loadOnce(() => first.inventory.dispose());
      const { inventory, ...figures } = last;
      return { ...figures, initial, afterFirst, final: core.HEAPU8.buffer.byteLength };
    }, { clientOptions: options, statuses: STATUSES, now: Date.now(), reload });
    const truth = STATUSES.reduce((n, Status) => n + stack.emulator.truth({ OrderType: 'CERT', Status }).CertificateOrderList.length, 0);
    if (r.rows !== truth || r.returned !== 0 || r.shown !== Math.min(50, truth) || r.found === 0) {
      throw new Error(`heap bench: ${r.rows} rows in the inventory (${truth} listed), ${r.returned} returned, ${r.shown} shown, ${r.found} found`);
    }
    return r;
  } finally {
    await page.close();
  }
}

/** Runs `measure` on fresh pages over one emulator of 100,000 (smoke: 1,000) certificates. */
async function heapRuns({ smoke, reload }) {
  const count = smoke ? 1000 : 100_000;
  const stack = await startStack({ emulator: { certs: count, orders: 0, seed: `bench-heap-${count}` } });
  try {
    const runs = [];
    for (let r = 0; r < (smoke ? 1 : 2); r++) runs.push(await measure(stack, { reload }));
    return { first: runs[0], ...summarize(runs.map((x) => x.final / MB)), freshPages: runs.length };
  } finally {
    await stack.close();
  }
}

export async function benchHeap({ smoke }) {
  const { first: r, median, min, max, freshPages } = await heapRuns({ smoke, reload: false });
  return {
    figure: `WASM heap for ${r.rows.toLocaleString('en')} rows (listAll into an inventory, first query, search index)`, unit: 'MB',
    median, min, max, budget: '≤ 64 MB', pass: max <= 64,  // the larger run must fit
    detail: `${freshPages} fresh page(s); the first: memory.buffer.byteLength ${(r.initial / MB).toFixed(1)} MB at start, ${(r.afterList / MB).toFixed(1)} MB after ` +
      `listing ${r.pages} pages through the proxy (${(r.listMs / 1000).toFixed(1)} s), ${(r.afterQuery / MB).toFixed(1)} MB after ` +
      `the first query (${r.queryMs.toFixed(0)} ms), ${(r.final / MB).toFixed(1)} MB with the search index ` +
      `(prepareSearch ${r.indexMs.toFixed(0)} ms) and a search`,
  };
}

/** The peak of a reload: a second inventory filled while the first is shown (no budget of its own). */
export async function benchReloadHeap({ smoke }) {
  const { first: r, median, min, max, freshPages } = await heapRuns({ smoke, reload: true });
  return {
    figure: `WASM heap at the peak of a reload of ${r.rows.toLocaleString('en')} rows (a second inventory beside the shown one)`, unit: 'MB',
    median, min, max, budget: '(for scale)',
    detail: `${freshPages} fresh page(s); the first: ${(r.afterFirst / MB).toFixed(1)} MB with the first inventory, ` +
      `${(r.afterList / MB).toFixed(1)} MB with the second listed beside it, ${(r.final / MB).toFixed(1)} MB once the first is disposed and ` +
      'the second queried and indexed (WASM memory does not shrink; the next reload reuses it)',
  };
}

/** Every figure of this file, in table order (scripts/bench/main.js spreads it in). */
export const heapFigures = [benchHeap, benchReloadHeap];
