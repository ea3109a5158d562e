// The inventory view shared by the page and <cas-cert-table>: error banner, progress, status
// line, export, filters, timeline, table and details, over one Inventory. It owns the view
// state (url-state.js shape) and reports changes; where that state lives (the URL hash for the
// page) is the host's business.
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
  let inventory = null;
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
  exports.append(...exportButtons);
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

  async function load({ credentials, sites, proxy }) {
    loading?.abort();
    cancelChoices();
    const controller = new AbortController();
    loading = controller;
    banner.clear();
    progress.start();
    try {
      inventory ??= await api.createInventory();
      inventory.clear();
      refresh();
      const loaded = await loadInventory({
        api, credentials, sites, proxy, inventory, signal: controller.signal,
        onProgress: (p) => {
          if (loading !== controller) return;
          progress.update(p);
          banner.setRetrying(p.retrying);
          if (!redrawTimer) redrawTimer = setTimeout(() => { redrawTimer = 0; refresh({ keepScroll: true }); }, LOADING_REDRAW_MS);
        },
      });
      progress.finish('done');
      banner.setRetrying(undefined);
      showLoaded(loaded.sites);
      return loaded;
    } catch (error) {
      const cancelled = controller.signal.aborted && error?.name === 'AbortError' && loading === controller;
      progress.finish(cancelled ? 'cancelled' : 'failed');
      banner.setRetrying(undefined);
      if (!cancelled) banner.show(error);
      // What arrived before the stop stays visible.
      if (inventory) showLoaded(sites.map((s) => s.site));
      if (cancelled) return { cancelled: true };
      throw error;
    } finally {
      clearTimeout(redrawTimer);
      redrawTimer = 0;
      if (loading === controller) loading = null;
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
    cancel() { loading?.abort(); },
    get inventory() { return inventory; },
    get state() { return state; },
    /** Shows a state (e.g. from the URL) without reporting it back. */
    setState(next) { state = { ...emptyState(), ...next }; showState(); refresh(); },
    refresh,
  };
}
