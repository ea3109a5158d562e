// The view's filter and sort state, kept in location.hash so a view can be shared and
// bookmarked; and the connection presets read from the query string. Nothing secret is ever
// read from or written to the URL (docs/page.md, docs/security.md). Pure functions: no DOM here.

export const SORT_KEYS = Object.freeze(['name', 'domain', 'sans', 'issuer', 'status', 'orderType',
  'notAfter', 'daysLeft', 'resourceGroupId', 'id', 'kind', 'site']);
export const DEFAULT_SORT = Object.freeze({ key: 'notAfter', descending: false });
const KINDS = ['certificate', 'order'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A fresh, empty view state: no filter, soonest expiry first. */
export function emptyState() {
  return {
    search: '', status: '', orderType: '', within: null, kind: '', resourceGroup: '', site: '',
    covers: '', hideSuperseded: false, month: '', sort: { ...DEFAULT_SORT },
  };
}

// Hash parameter names: short, stable (shared links must keep working).
const FIELDS = [
  ['search', 'q'], ['status', 'status'], ['orderType', 'type'], ['kind', 'kind'],
  ['resourceGroup', 'rg'], ['site', 'site'], ['covers', 'covers'], ['month', 'month'],
];

/** Parses '#q=…&status=…' (or without '#'); unknown or malformed values fall back to defaults. */
export function parseHash(hash) {
  const params = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const state = emptyState();
  for (const [field, name] of FIELDS) state[field] = (params.get(name) ?? '').trim();
  if (!KINDS.includes(state.kind)) state.kind = '';
  if (state.month !== 'expired' && !MONTH.test(state.month)) state.month = '';
  const within = params.get('within');
  if (within !== null && /^\d{1,5}$/.test(within)) state.within = Number(within);
  state.hideSuperseded = params.get('hideSuperseded') === '1';
  const sort = params.get('sort');
  if (SORT_KEYS.includes(sort)) state.sort = { key: sort, descending: params.get('desc') === '1' };
  return state;
}

/** '#…' for the state, leaving defaults out; '' for the empty state. */
export function formatHash(state) {
  const params = new URLSearchParams();
  for (const [field, name] of FIELDS) if (state[field]) params.set(name, state[field]);
  if (state.within !== null && state.within !== undefined) params.set('within', String(state.within));
  if (state.hideSuperseded) params.set('hideSuperseded', '1');
  const sort = state.sort ?? DEFAULT_SORT;
  if (sort.key !== DEFAULT_SORT.key || Boolean(sort.descending) !== DEFAULT_SORT.descending) {
    params.set('sort', sort.key);
    if (sort.descending) params.set('desc', '1');
  }
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** UTC bounds [from, to) of a 'YYYY-MM' month. */
export function monthBounds(month) {
  const [year, m] = month.split('-').map(Number);
  return { fromMs: Date.UTC(year, m - 1, 1), toMs: Date.UTC(year, m, 1) };
}

/** The inventory filter for a state (design: InventoryFilter in index.d.ts). */
export function toInventoryFilter(state, { withMonth = true } = {}) {
  const filter = {};
  if (state.search.trim()) filter.search = state.search.trim();
  if (state.status) filter.statuses = [state.status];
  if (state.orderType) filter.orderTypes = [state.orderType];
  if (state.kind) filter.kinds = [state.kind];
  if (state.resourceGroup) filter.resourceGroupId = state.resourceGroup;
  if (state.site) filter.sites = [state.site];
  if (state.within !== null && state.within !== undefined) filter.expiresWithinDays = state.within;
  if (state.covers.trim()) filter.covers = state.covers.trim();
  if (state.hideSuperseded) filter.hideSuperseded = true;
  if (withMonth && state.month === 'expired') filter.expiryStates = ['expired'];
  else if (withMonth && state.month) Object.assign(filter, {
    notAfterFromMs: monthBounds(state.month).fromMs, notAfterToMs: monthBounds(state.month).toMs,
    // As the timeline counts it: what expired earlier in the current month is in "expired".
    expiryStates: ['critical', 'warning', 'ok'],
  });
  return filter;
}

/** The connection fields that the query string may preset: endpoint and proxy, nothing else. */
export function readPresets(search) {
  const params = new URLSearchParams(String(search ?? '').replace(/^\?/, ''));
  const presets = {};
  for (const name of ['endpoint', 'proxy']) {
    const value = params.get(name);
    if (value !== null) presets[name] = value.trim();
  }
  return presets;
}
