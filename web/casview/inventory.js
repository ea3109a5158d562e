// createInventory: the certificate inventory, kept in WASM; the page queries the slice it shows.
import { answeredError, readAnswer, readAnswerText, requestOf, writeRequest } from './boundary.js';
import { setInventoryResolver } from './client.js';
import { loadCore } from './core.js';
import { invalidParameter } from './errors.js';
import { integerText, onlyKnownKeys, optionalString } from './validate.js';

const FILTER_FIELDS = ['search', 'kinds', 'statuses', 'orderTypes', 'expiryStates', 'expiresWithinDays',
  'notAfterFromMs', 'notAfterToMs', 'resourceGroupId', 'sites', 'covers', 'hideSuperseded'];
const QUERY_FIELDS = [...FILTER_FIELDS, 'sort', 'offset', 'limit'];
const KINDS = ['certificate', 'order'];
const ORDER_TYPES = ['CERT', 'UPLOAD', 'CPACK', 'BUY'];
const EXPIRY_STATES = ['expired', 'critical', 'warning', 'ok', 'unknown'];
// The page's sort keys (index.d.ts SortKey) → the core's (inventory_query.hpp).
const SORT_KEYS = {
  notAfter: 'notAfter', daysLeft: 'notAfter', notBefore: 'notBefore', name: 'name', domain: 'domain',
  sans: 'sanCount', issuer: 'issuer', status: 'status', orderType: 'orderType', kind: 'kind',
  resourceGroupId: 'resourceGroup', id: 'id', instanceId: 'instanceId', expiryState: 'expiryState',
  superseded: 'superseded', site: 'site',
};
const MAX_MS = 8.64e15;  // the largest time a JS Date holds

const ids = new WeakMap();  // Inventory → its WASM id, for listAll({ inventory })
/** The WASM id of an inventory (listAll's; not public: index.js does not export it). */
export function inventoryWasmId(inventory) {
  const id = ids.get(inventory);
  if (!id) throw invalidParameter('inventory', 'inventory must come from createInventory() and not be disposed');
  return id;
}
setInventoryResolver(inventoryWasmId);

function list(name, value, allowed) {
  if (value === undefined || value === null) return '';
  if (!Array.isArray(value)) throw invalidParameter(name, `${name} must be an array`);
  for (const item of value) {
    if (typeof item !== 'string' || item === '' || item.includes(',') || item.includes('\0') ||
        (allowed && !allowed.includes(item))) {
      throw invalidParameter(name, `${name} holds ${JSON.stringify(item)}${allowed ? `; allowed: ${allowed.join(', ')}` : ''}`);
    }
  }
  return value.join(',');
}

function filterFields(filter, nowMs) {
  let kinds = list('kinds', filter.kinds, KINDS);
  if (kinds.split(',').length === KINDS.length) kinds = '';  // both kinds: no filter
  if (filter.hideSuperseded !== undefined && typeof filter.hideSuperseded !== 'boolean') {
    throw invalidParameter('hideSuperseded', 'hideSuperseded must be a boolean');
  }
  const group = filter.resourceGroupId;
  return [
    String(nowMs), optionalString('search', filter.search), kinds,
    list('statuses', filter.statuses), list('orderTypes', filter.orderTypes, ORDER_TYPES),
    list('expiryStates', filter.expiryStates, EXPIRY_STATES),
    integerText('expiresWithinDays', filter.expiresWithinDays, { min: 0, max: 100000 }),
    integerText('notAfterFromMs', filter.notAfterFromMs, { min: -MAX_MS, max: MAX_MS }),
    integerText('notAfterToMs', filter.notAfterToMs, { min: -MAX_MS, max: MAX_MS }),
    group === undefined || group === null ? '' : `=${optionalString('resourceGroupId', group)}`,
    list('sites', filter.sites), optionalString('covers', filter.covers).trim(),
    filter.hideSuperseded ? '1' : '0',
  ];
}

function orderFields(query) {
  const sort = query.sort ?? { key: 'notAfter' };
  if (sort === null || typeof sort !== 'object' || !Object.hasOwn(SORT_KEYS, sort.key)) {
    throw invalidParameter('sort', `sort.key must be one of ${Object.keys(SORT_KEYS).join(', ')}`);
  }
  return [SORT_KEYS[sort.key], sort.descending ? '1' : '0',
    integerText('offset', query.offset, { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 }),
    integerText('limit', query.limit, { min: 0, max: Number.MAX_SAFE_INTEGER })];
}

class Inventory {
  #core;
  #id;
  #options;

  constructor(core, id, options) {
    this.#core = core;
    this.#id = id;
    this.#options = options;
    ids.set(this, id);
  }

  #live() {
    if (!ids.has(this)) throw invalidParameter('inventory', 'the inventory was disposed');
    return this.#core;
  }

  #now() {
    return this.#options.nowMs ?? Date.now();
  }

  // Sends one request; returns the answer's text or throws its error.
  #call(exported, fields, tail = '') {
    const core = this.#live();
    core[exported](this.#id, writeRequest(core, requestOf(fields) + tail));
    if (!readAnswer(core).ok) throw answeredError(core);
    return readAnswerText(core);
  }

  get size() {
    return this.#live()._casview_inventory_size(this.#id);
  }

  /** @see index.d.ts */
  add(entries, { orderType, site } = {}) {
    if (!Array.isArray(entries)) throw invalidParameter('entries', 'entries must be an array');
    if (!ORDER_TYPES.includes(orderType)) {
      throw invalidParameter('orderType', `orderType must be one of ${ORDER_TYPES.join(', ')}`);
    }
    // BigInt-free JSON: ids beyond 2^53 arrive from listAll as strings, which the parser reads.
    return Number(this.#call('_casview_inventory_add', [orderType, optionalString('site', site)],
      JSON.stringify(entries)));
  }

  /** @see index.d.ts */
  query(query = {}) {
    onlyKnownKeys('query', query, QUERY_FIELDS);
    return JSON.parse(this.#call('_casview_inventory_query', [...filterFields(query, this.#now()), ...orderFields(query)]));
  }

  /** @see index.d.ts */
  details(id) {
    if (typeof id !== 'string') throw invalidParameter('id', 'id must be a row id string');
    return JSON.parse(this.#call('_casview_inventory_details', [id]));
  }

  /** @see index.d.ts */
  resourceGroups() {
    return JSON.parse(this.#call('_casview_inventory_resource_groups', []));
  }

  /** @see index.d.ts */
  prepareSearch(options = {}) {
    onlyKnownKeys('options', options, ['maxEntries']);
    const { maxEntries = Infinity } = options;
    if (!(maxEntries >= 0) || (maxEntries !== Infinity && !Number.isInteger(maxEntries))) {
      throw invalidParameter('maxEntries', 'maxEntries must be a whole number ≥ 0 or Infinity');
    }
    return this.#live()._casview_inventory_prepare_search(this.#id, maxEntries) === 1;
  }

  /** @see index.d.ts */
  timeline(filter = {}) {
    onlyKnownKeys('filter', filter, FILTER_FIELDS);
    return JSON.parse(this.#call('_casview_inventory_timeline', filterFields(filter, this.#now())));
  }

  /** @see index.d.ts */
  export(format, query = {}) {
    if (format !== 'csv' && format !== 'json') throw invalidParameter('format', 'format must be "csv" or "json"');
    onlyKnownKeys('query', query, QUERY_FIELDS);
    return this.#call('_casview_inventory_export', [format, ...filterFields(query, this.#now()), ...orderFields(query)]);
  }

  clear() {
    this.#live()._casview_inventory_clear(this.#id);
  }

  dispose() {
    if (!ids.has(this)) return;
    ids.delete(this);
    this.#core._casview_inventory_destroy(this.#id);
  }
}

/** @see index.d.ts */
export async function createInventory(options = {}) {
  onlyKnownKeys('options', options, ['nowMs', 'criticalDays', 'warningDays']);
  const criticalDays = Number(integerText('criticalDays', options.criticalDays, { min: 0, max: 3650, fallback: 7 }));
  const warningDays = Number(integerText('warningDays', options.warningDays, { min: criticalDays, max: 3650, fallback: 30 }));
  if (options.nowMs !== undefined) integerText('nowMs', options.nowMs, { min: 0, max: MAX_MS });
  const core = await loadCore();
  return new Inventory(core, core._casview_inventory_create(criticalDays, warningDays), { nowMs: options.nowMs });
}
