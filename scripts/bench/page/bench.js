// The page's inventory view with the real casview inventory (WASM) and a stand-in client whose
// listAll "receives" a prepared account at once, so the measurement is the page, not the network:
//   window.bench.firstPaint()      ms from listAll resolving to the first paint of the full table
//   window.bench.searchReady()     ms from listAll resolving until the page has indexed every row
//                                  for search in idle time (inventory.prepareSearch)
//   window.bench.keystrokes(text)  per key typed into Search: ms of work, and ms to the next frame
//   window.bench.keystrokesPainted(text)  per key handled at a frame's start: ms until painted
import * as casview from './casview/index.js';
import { createInventoryView } from './app/inventory-view.js';

// The next frame with the page's changes laid out: frame callbacks run just before painting;
// reading offsetHeight there makes style and layout happen inside the measurement.
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => {
  void document.body.offsetHeight;
  resolve(performance.now());
}));

// A task posted from a frame callback runs after that frame's rendering (style, layout,
// paint): the time the frame is painted, as far as the page's main thread is concerned.
const afterPaint = () => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve(performance.now());
  channel.port2.postMessage(null);
});
const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => resolve(afterPaint())));

let arrived = 0;
const api = {
  createInventory: casview.createInventory,
  async createClient() {
    return {
      async listAll(query, { inventory, site, onProgress, returnEntries }) {
        if (query.OrderType !== 'CERT') return [];
        const entries = await (await fetch('entries.json')).json();
        inventory.add(entries, { orderType: 'CERT', site });
        onProgress({ pagesDone: 1, pagesTotal: 1, entriesLoaded: entries.length, totalCount: entries.length });
        arrived = performance.now();
        return returnEntries === false ? [] : entries;  // the page asks for none
      },
    };
  },
};

const view = createInventoryView(document, { api });
document.getElementById('view').append(view.element);

window.bench = {
  async firstPaint() {
    await view.load({ credentials: { accessKeyId: 'bench', accessKeySecret: 'bench' }, sites: [{ endpoint: 'http://127.0.0.1:1', site: 'bench' }], proxy: '' });
    return (await nextPaint()) - arrived;
  },
  async searchReady() {
    // Asks only whether it is complete (maxEntries 0): the page must have indexed on its own.
    while (!view.inventory.prepareSearch({ maxEntries: 0 })) {
      if (performance.now() - arrived > 30_000) throw new Error('the page did not index the rows for search within 30 s');
      await new Promise((resolve) => { setTimeout(resolve, 5); });
    }
    return performance.now() - arrived;
  },
  /**
   * Types `text` into Search and erases it, one key per frame. For each key: `work`, from the
   * input event to its rows laid out (what must fit in a frame), and `paint`, to the next frame
   * that shows them (adds the wait for that frame).
   */
  async keystrokes(text) {
    const search = view.filters.searchInput;
    search.focus();
    const work = [];
    const paint = [];
    const press = async (value, inputType) => {
      await nextFrame();  // start each key at a frame boundary, as a typist's keys land anywhere after one
      const start = performance.now();
      search.value = value;
      search.dispatchEvent(new InputEvent('input', { bubbles: true, inputType }));
      void document.body.offsetHeight;
      work.push(performance.now() - start);
      paint.push((await nextFrame()) - start);
    };
    for (let i = 1; i <= text.length; i++) await press(text.slice(0, i), 'insertText');
    for (let i = text.length - 1; i >= 0; i--) await press(text.slice(0, i), 'deleteContentBackward');
    return { work, paint };
  },
  /**
   * Types `text` into Search and erases it again, each key handled at the start of a frame
   * (in a frame callback): per key, the time from the input event to the end of that frame's
   * rendering, i.e. keystroke → painted without the wait for the display's next frame, which
   * is no work of the page's (a key can land anywhere in a frame).
   */
  async keystrokesPainted(text) {
    const search = view.filters.searchInput;
    search.focus();
    const painted = [];
    const press = (value, inputType) => new Promise((resolve) => requestAnimationFrame(() => {
      const start = performance.now();
      search.value = value;
      search.dispatchEvent(new InputEvent('input', { bubbles: true, inputType }));
      afterPaint().then((end) => resolve(end - start));
    }));
    // A typist's pause (the timeline draws after a paint, so it is done before the next key).
    const settle = () => new Promise((resolve) => { setTimeout(resolve, 50); });
    for (let i = 1; i <= text.length; i++) { painted.push(await press(text.slice(0, i), 'insertText')); await settle(); }
    for (let i = text.length - 1; i >= 0; i--) { painted.push(await press(text.slice(0, i), 'deleteContentBackward')); await settle(); }
    return painted;
  },
};
window.benchReady = true;
