// Loading everything into one inventory: per site, certificates (CERT with ISSUED, WILLEXPIRED
// and EXPIRED, so expired ones are not silently missing) and orders (CPACK and BUY, every
// status), every page, through CasClient.listAll; progress summed over all listings; one
// AbortController cancels them all; the first failure cancels the rest.
import { t, formatNumber, formatTime, onLanguageChange } from './i18n.js';

export const ENDPOINTS = Object.freeze({
  cn: 'https://cas.aliyuncs.com',
  intl: 'https://cas.ap-southeast-1.aliyuncs.com',
  local: 'http://127.0.0.1:8788',
});

/** The listings of one site; ShowSize 100 (the maximum) keeps the request count low. */
export const LISTINGS = Object.freeze([
  { OrderType: 'CERT', Status: ['ISSUED', 'WILLEXPIRED', 'EXPIRED'], ShowSize: 100 },
  { OrderType: 'CPACK', ShowSize: 100 },
  { OrderType: 'BUY', ShowSize: 100 },
]);

/** A short site label for an endpoint: cn, intl, or the host. */
export function siteLabel(endpoint) {
  if (endpoint === ENDPOINTS.cn) return 'cn';
  if (endpoint === ENDPOINTS.intl) return 'intl';
  try { return new URL(endpoint).host; } catch { return endpoint; }
}

/** The sites to load: the endpoint alone, or both CAS sites when asked to merge them. */
export function sitesToLoad({ endpoint, bothSites }) {
  const endpoints = bothSites ? [ENDPOINTS.cn, ENDPOINTS.intl] : [endpoint];
  return endpoints.map((e) => ({ endpoint: e, site: siteLabel(e) }));
}

/**
 * Sums the latest ListProgress of every listing. Until each listing has reported once, the
 * total is unknown (null), so the bar stays indeterminate instead of jumping backwards.
 */
export function sumProgress(latest, listingCount) {
  const all = [...latest.values()];
  const sum = (name) => all.reduce((n, p) => n + (p[name] ?? 0), 0);
  return {
    pagesDone: sum('pagesDone'),
    pagesTotal: all.length < listingCount ? null : sum('pagesTotal'),
    entriesLoaded: sum('entriesLoaded'),
    retrying: all.find((p) => p.retrying)?.retrying,
  };
}

/**
 * Loads every listing of every site into `inventory`.
 * @param {{ api: { createClient }, credentials: { accessKeyId, accessKeySecret, securityToken? },
 *   sites: { endpoint, site }[], proxy: string, inventory, signal: AbortSignal,
 *   onProgress(progress): void }} options
 * Each page's rows go into `inventory` as the page arrives; no other copy of them is kept
 * (`returnEntries: false`: 100,000 rows stay within the WASM heap budget).
 * @returns {Promise<{ sites: string[] }>} the sites listed
 */
export async function loadInventory({ api, credentials, sites, proxy, inventory, signal, onProgress }) {
  const controller = new AbortController();
  const stop = () => controller.abort(signal.reason);
  if (signal.aborted) stop();
  signal.addEventListener('abort', stop, { once: true });
  const latest = new Map();
  const listingCount = sites.length * LISTINGS.length;
  try {
    const clients = await Promise.all(sites.map(({ endpoint }) => api.createClient({
      accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.accessKeySecret,
      securityToken: credentials.securityToken || undefined, endpoint, proxy,
    })));
    const listings = sites.flatMap(({ site }, s) => LISTINGS.map((query, q) => {
      const key = `${s}/${q}`;
      return clients[s].listAll(query, {
        // A site only when sites are merged: it qualifies row ids and fills the Site column.
        signal: controller.signal, inventory, site: sites.length > 1 ? site : undefined, returnEntries: false,
        onProgress: (progress) => {
          latest.set(key, progress);
          onProgress(sumProgress(latest, listingCount));
        },
      }).catch((error) => {
        controller.abort(error);  // one failure ends the whole load
        throw error;
      });
    }));
    // allSettled, then the first real failure: an AbortError caused by it is not the news.
    const results = await Promise.allSettled(listings);
    const failures = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
    if (failures.length) throw failures.find((e) => e?.name !== 'AbortError') ?? failures[0];
    return { sites: sites.map((s) => s.site) };
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/** The progress bar (<progress> labelled "Loading progress"), its text, and Cancel. */
export function createProgress(doc, { onCancel }) {
  const element = doc.createElement('div');
  element.className = 'progress';
  element.hidden = true;
  const label = doc.createElement('label');
  const labelText = doc.createElement('span');
  labelText.className = 'field-label';
  const bar = doc.createElement('progress');
  label.append(labelText, bar);
  const text = doc.createElement('span');
  text.className = 'progress-text';
  const cancel = doc.createElement('button');
  cancel.type = 'button';
  cancel.className = 'cancel';
  cancel.addEventListener('click', () => onCancel());
  element.append(label, text, cancel);
  let last = null;
  let keptAt = null;  // a reload that stopped: when the table's rows were loaded

  function render() {
    labelText.textContent = t('progress.label');
    cancel.textContent = t('progress.cancel');
    if (!last) { text.textContent = ''; return; }
    if (element.dataset.state === 'cancelled') {
      text.textContent = keptAt === null ? t('progress.cancelled') : t('progress.cancelledKept', { time: formatTime(keptAt) });
      return;
    }
    if (last.pagesTotal === null) bar.removeAttribute('value');  // indeterminate until totals are known
    else {
      bar.max = Math.max(1, last.pagesTotal);
      bar.value = last.pagesTotal ? last.pagesDone : 1;
    }
    text.textContent = t('progress.text', {
      done: formatNumber(last.pagesDone), total: last.pagesTotal === null ? '…' : formatNumber(last.pagesTotal),
      entries: formatNumber(last.entriesLoaded),
    });
  }
  onLanguageChange(render);
  render();

  return {
    element,
    bar,
    start() {
      last = { pagesDone: 0, pagesTotal: null, entriesLoaded: 0 };
      keptAt = null;
      element.hidden = false;
      element.dataset.state = 'loading';
      cancel.disabled = false;
      render();
    },
    update(progress) { last = progress; render(); },
    /**
     * The load ended ('done', 'cancelled' or 'failed'): Cancel is disabled, data-state says how.
     * keptAt: a reload stopped, and the table still shows the rows loaded then.
     */
    finish(state, { keptAt: at = null } = {}) {
      element.dataset.state = state;
      keptAt = at;
      cancel.disabled = true;
      render();
      if (last?.pagesTotal === null) bar.value = 0;  // stopped before any total was known: not "busy"
      else if (last && last.pagesDone >= last.pagesTotal) bar.value = bar.max;
    },
  };
}
