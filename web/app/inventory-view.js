// The inventory view shared by the page and <cas-cert-table>: error banner, progress, status
// line, export, filters, timeline, table and details, over one Inventory. It owns the view
// state (url-state.js shape) and reports changes; where that state lives (the URL hash for the
// page) is the host's business. Nothing shown is lost to a reload: a load while rows are shown
// fills a second Inventory, which replaces the shown one only once it has every row; a failed
// or cancelled reload leaves the table as it was and says from when it is.
import { t, translateTree, onLanguageChange, language } from './i18n.js';
import { emptyState, toInventoryFilter } from './url-state.js';
import { createErrorBanner } from './error-banner.js';
import { createProgress, loadInventory } from './loader.js';
import { createStatusLine } from './status-line.js';
import { createFilters } from './filters.js';
import { createTimeline } from './timeline.js';
import { createTable } from './table.js';
import { createDetails } from './details.js';
import { exportRows } from './export.js';
import { afterPaint, whileIdle } from './after-paint.js';

const EMPTY_RESULT = Object.freeze({ total: 0, matched: 0, rows: [], counts: { byStatus: {}, byExpiryState: {} } });
const LOADING_REDRAW_MS = 150;
// Rows indexed for search per idle step (~1 ms each; inventory.prepareSearch).
const INDEX_SLICE = 500;

/** The next sort after a header click: the same column flips, another starts ascending. */
export function nextSort(sort, key) {
  return sort.key === key ? { key, descending: !sort.descending } : { key, descending: false };
}

/**
 * @param {Document} doc
 * @param {{ api: { createClient, createInventory }, state?: object,
 *   onStateChange?(state): void, onSelect?(row): void }} options
 */
export function createInventoryView(doc, { api, state: initial, onStateChange = () => {}, onSelect = () => {} }) {
  let state = { ...emptyState(), ...initial };
  let inventory = null;        // the Inventory shown
  let shown = null;            // { at: ms, complete } of the load that filled it, while it has rows
  let loading = null;          // AbortController of the load in progress
  let cancelTimeline = () => {};
  let cancelChoices = () => {};
  let indexing = false;        // search indexing is scheduled in idle time
  let redrawTimer = 0;

  const element = doc.createElement('section');
  element.className = 'inventory-view';
  const banner = createErrorBanner(doc);
  const progress = createProgress(doc, { onCancel: () => loading?.abort() });
  const status = createStatusLine(doc);
  const toolbar = doc.createElement('div');
  toolbar.className = 'toolbar';
  const exports = doc.createElement('div');
  exports.className = 'exports';
  const exportButtons = ['csv', 'json'].map((format) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.dataset.i18n = `export.${format}`;
    button.disabled = true;
    button.addEventListener('click', () => exportRows(doc, inventory, format, currentQuery()));
    return button;
  });
  const clearButton = doc.createElement('button');
  clearButton.type = 'button';
  clearButton.dataset.i18n = 'view.clear';
  clearButton.disabled = true;
  clearButton.addEventListener('click', clear);
  exports.append(...exportButtons, clearButton);
  toolbar.append(status.element, exports);

  const filters = createFilters(doc, {
    onChange: (patch) => changeState({ ...state, ...patch }),
    onReset: () => changeState({ ...emptyState(), sort: state.sort }),
  });
  const timeline = createTimeline(doc, {
    language,
    onSelect: (label) => changeState({ ...state, month: state.month === label ? '' : label }),
  });
  const table = createTable(doc, {
    source: (offset, limit) => (inventory ? inventory.query({ ...currentQuery(), offset, limit }) : EMPTY_RESULT),
    onSort: (key) => changeState({ ...state, sort: nextSort(state.sort, key) }),
    onSelect: (row) => {
      details.show(row, inventory.details(row.id));
      onSelect(row);
    },
  });
  const details = createDetails(doc);
  const results = doc.createElement('div');
  results.className = 'results-area';
  results.append(timeline.element, table.element);
  element.append(banner.element, banner.retryElement, progress.element, toolbar, filters.element, results, details.element);

  function currentQuery() {
    return { ...toInventoryFilter(state), sort: state.sort };
  }

  /** Redraws the table and status line now; the timeline follows after the paint. */
  function refresh({ keepScroll = false } = {}) {
    const result = table.update({ keepScroll });
    status.render(inventory ? result : null);
    for (const button of exportButtons) button.disabled = !inventory || result.matched === 0;
    clearButton.disabled = !inventory || result.total === 0 || Boolean(loading);
    // The timeline waits until the table has painted: a keystroke shows its rows first.
    cancelTimeline();
    cancelTimeline = afterPaint(drawTimeline);
    indexForSearch();
    return result;
  }

  /** Indexes new rows for search in idle time, so the first keystroke after a load does not. */
  function indexForSearch() {
    if (indexing || !inventory) return;
    indexing = true;
    whileIdle(() => {
      indexing = !inventory.prepareSearch({ maxEntries: INDEX_SLICE });
      return !indexing;
    });
  }

  function drawTimeline() {
    // Every filter but the month itself, so the other bars stay visible after a click.
    const buckets = inventory ? inventory.timeline(toInventoryFilter(state, { withMonth: false })) : [];
    timeline.render(buckets, state.month);
  }

  function showState() {
    filters.setState(state);
    table.setSort(state.sort);
  }

  function changeState(next) {
    state = next;
    showState();
    onStateChange(state);
    refresh();
  }

  /** What a load left (all of it, or what arrived before it failed or was cancelled): the Site
   * column if sites are merged, the table, the option lists from the table query's counts over
   * every row (statuses) and the sites, then, once the table has painted, the resource groups
   * (a pass over every row). */
  function showLoaded(sites) {
    table.setShowSite(sites.length > 1);
    const { allCounts } = refresh({ keepScroll: true });
    filters.setChoices({ statusCounts: allCounts?.byStatus ?? {}, sites });
    cancelChoices();
    cancelChoices = afterPaint(() => filters.setChoices({ resourceGroups: inventory.resourceGroups() }));
  }

  /** Empties the table (the user's Clear); a load in progress goes on. */
  function clear() {
    if (!inventory) return;
    inventory.clear();
    shown = null;
    table.setShowSite(false);
    filters.setChoices({ statusCounts: {}, resourceGroups: [], sites: [] });
    refresh();
  }

  async function load({ credentials, sites, proxy }) {
    loading?.abort();
    cancelChoices();
    const controller = new AbortController();
    loading = controller;
    banner.clear();
    progress.start();
    // Rows on screen make this a reload: it goes into a second Inventory, swapped in when whole
    // (for that time both are in the WASM heap). A first load fills the shown one as pages arrive.
    const kept = inventory?.size ? (shown ?? { at: Date.now(), complete: false }) : null;
    let target = null;
    refresh();  // Clear is off while loading
    try {
      if (kept) target = await api.createInventory();
      else {
        inventory ??= await api.createInventory();
        inventory.clear();
        target = inventory;
        refresh();
      }
      const loaded = await loadInventory({
        api, credentials, sites, proxy, inventory: target, signal: controller.signal,
        onProgress: (p) => {
          if (loading !== controller) return;
          progress.update(p);
          banner.setRetrying(p.retrying);
          if (!kept && !redrawTimer) redrawTimer = setTimeout(() => { redrawTimer = 0; refresh({ keepScroll: true }); }, LOADING_REDRAW_MS);
        },
      });
      if (loading !== controller) throw new DOMException('a newer load replaced this one', 'AbortError');
      if (kept) {
        const earlier = inventory;
        inventory = target;
        earlier.dispose();
      }
      target = null;
      shown = { at: Date.now(), complete: true };
      loading = null;
      progress.finish('done');
      banner.setRetrying(undefined);
      showLoaded(loaded.sites);
      return loaded;
    } catch (error) {
      if (kept) target?.dispose();
      // A newer load owns the progress bar and the banner now.
      if (loading !== controller) throw error;
      loading = null;
      const cancelled = controller.signal.aborted && error?.name === 'AbortError';
      progress.finish(cancelled ? 'cancelled' : 'failed', kept ? { keptAt: kept.at } : {});
      banner.setRetrying(undefined);
      if (!cancelled) banner.show(error, kept ? { keptAt: kept.at, keptComplete: kept.complete } : {});
      if (kept) refresh({ keepScroll: true });
      else if (inventory) {
        // What arrived before the stop stays visible.
        if (inventory.size) shown = { at: Date.now(), complete: false };
        showLoaded(sites.map((s) => s.site));
      }
      if (cancelled) return { cancelled: true };
      throw error;
    } finally {
      clearTimeout(redrawTimer);
      redrawTimer = 0;
    }
  }

  onLanguageChange(() => translateTree(element));
  translateTree(element);
  showState();
  refresh();

  return {
    element,
    banner,
    filters,
    load,
    clear,
    cancel() { loading?.abort(); },
    get inventory() { return inventory; },
    get state() { return state; },
    /** Shows a state (e.g. from the URL) without reporting it back. */
    setState(next) { state = { ...emptyState(), ...next }; showState(); refresh(); },
    refresh,
  };
}
