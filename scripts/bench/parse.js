// Figures: one 100-row ListUserCertificateOrder page (tests/fixtures/pages/*-100.json, about
// 53 KB) parsed by casview, against JSON.parse of the same body, in the same Node process.
//
// casview keeps rows in WASM and hands the page only the rows it shows (docs/performance.md),
// so "JS-usable rows with derived fields" is measured into WASM, and two longer paths for scale:
//  - into WASM: the body (as bytes in WASM memory, where Emscripten fetch puts a response) is
//    parsed and every row is added to an inventory with its derived fields (display name,
//    normalized SANs, validity, days left, expiry state, status, facets, …): what listAll
//    does with each page when it is given an inventory;
//  - with the search index: the same, then inventory.prepareSearch() indexes the rows for text
//    search (the page does that later, in idle time; a search does it first otherwise);
//  - full path: the same as "into WASM", then inventory.query({ limit: 100 }) hands JS all 100
//    rows as objects with their derived fields (the first query after a change also sorts and
//    computes the superseded flags).
// The last two are shown for scale: the budget is the first.
// The peer only turns the text into plain objects: no derived field, no validation.
import { readFile } from 'node:fs/promises';

import { createInventory } from '../../web/casview/index.js';
import { inventoryWasmId } from '../../web/casview/inventory.js';
import { answeredError, readAnswer, requestOf } from '../../web/casview/boundary.js';
import { loadCore } from '../../web/casview/core.js';
import { microsPerOpSideBySide } from './stats.js';

const FIXTURES = new URL('../../tests/fixtures/pages/', import.meta.url);

/** Adds one response body to the inventory inside WASM, as listAll does with each page. */
function addBody(core, id, bytes) {
  const pointer = core._casview_input(bytes.length);
  core.HEAPU8.set(bytes, pointer);  // HEAPU8 after the call: the allocation may grow memory
  core._casview_inventory_add(id, bytes.length);
  if (!readAnswer(core).ok) throw answeredError(core);
}

async function measure({ fixture, orderType, then }, { smoke }) {
  const body = await readFile(new URL(fixture, FIXTURES), 'utf8');
  const rows = JSON.parse(body).CertificateOrderList.length;
  const core = await loadCore();
  // A fixed clock: the derived fields (and the work) must not depend on the day of the run.
  const inventory = await createInventory({ nowMs: Date.UTC(2026, 10, 29) });
  const id = inventoryWasmId(inventory);
  // The request casview_inventory_add reads: orderType, site, then the body.
  const bytes = new TextEncoder().encode(requestOf([orderType, '']) + body);
  const batch = smoke ? 3 : 200;
  const repetitions = smoke ? 2 : 9;
  let shown = 0;
  let parsed = 0;
  // Alternating batches: both see the same load (the machine is shared).
  const { ours, peer, ratio } = await microsPerOpSideBySide(() => {
    inventory.clear();
    addBody(core, id, bytes);
    if (then === 'index') inventory.prepareSearch();
    if (then === 'query') shown = inventory.query({ limit: rows }).rows.length;
  }, () => { parsed += JSON.parse(body).CertificateOrderList.length; }, { batch, repetitions });
  if (inventory.size !== rows || (then === 'query' && shown !== rows) ||
      (then === 'index' && !inventory.prepareSearch({ maxEntries: 0 }))) {
    throw new Error(`parse bench (${then ?? 'add'}): ${inventory.size} rows added, ${shown} shown, ` +
      `search index complete: ${inventory.prepareSearch({ maxEntries: 0 })}; expected ${rows} rows`);
  }
  inventory.dispose();
  if (parsed === 0) throw new Error('parse bench: JSON.parse found no rows');
  const path = { index: '→ WASM inventory + search index', query: '→ rows in JS (full path)' }[then] ?? '→ WASM inventory';
  return {
    figure: `parse 100-row ${orderType} page (${Math.round(body.length / 1000)} KB) ${path}`,
    unit: 'µs/page', ...ours, peer: 'JSON.parse', peerMedian: peer.median, ratio,
    ...(then ? { budget: '(for scale)' } : { budget: '≤ 2× JSON.parse', pass: ratio <= 2 }),
  };
}

const figure = (options) => Object.defineProperty((flags) => measure(options, flags), 'name',
  { value: `parse ${options.orderType}${options.then ? ` ${options.then}` : ''}` });

const CERT = { fixture: 'certificates-100.json', orderType: 'CERT' };
const CPACK = { fixture: 'orders-100.json', orderType: 'CPACK' };
/** Every figure of this file, in table order (scripts/bench/main.js spreads it in). */
export const parseFigures = [
  figure(CERT), figure({ ...CERT, then: 'index' }), figure({ ...CERT, then: 'query' }),
  figure(CPACK), figure({ ...CPACK, then: 'index' }), figure({ ...CPACK, then: 'query' }),
];
