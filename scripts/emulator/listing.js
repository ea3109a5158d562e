// What ListUserCertificateOrder returns for valid parameters (docs/alibaba-api.md §3.2–3.4):
// - OrderType: CPACK (default) and BUY list orders of that SourceType; CERT lists issued and
//   uploaded certificates, UPLOAD only uploaded ones.
// - Status: PAYED, CHECKING, CHECKED_FAIL, NOTACTIVATED, REVOKED (orders only), ISSUED,
//   WILLEXPIRED, EXPIRED. Empty: CERT/UPLOAD give only valid certificates (ISSUED + WILLEXPIRED),
//   CPACK/BUY give every order.
// - Keyword: case-insensitive substring of a domain (Domain, CommonName, Sans) or of InstanceId.
// - ResourceGroupId: exact match. CurrentPage (default 1, ≥ 1), ShowSize (default 50, 1..100;
//   the docs give no maximum, the emulator takes the bound casview's client enforces).
// Rows keep the account's order, so paging is stable. createListing keeps each query's matches
// for its later pages, so a page costs the page, not the account.
import { CERT_FIELDS, ORDER_FIELDS, ORDER_STATUSES, WILL_EXPIRE_MS, lifecycleStatus, certificateEndMs } from './account.js';

export const ORDER_TYPES = Object.freeze(['CPACK', 'BUY', 'UPLOAD', 'CERT']);
const ORDER_ONLY = ['PAYED', 'CHECKING', 'CHECKED_FAIL', 'NOTACTIVATED', 'REVOKED'];
const LIFECYCLE = ['ISSUED', 'WILLEXPIRED', 'EXPIRED'];
export const MAX_SHOW_SIZE = 100;

const invalid = (name, why) => ({ error: { code: 'InvalidParameter', message: `Specified parameter ${name} is not valid: ${why}` } });

function integerParam(params, name, fallback, min, max) {
  const raw = params[name];
  if (raw === undefined || raw === '') return { value: fallback };
  const text = String(raw);
  const value = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) return invalid(name, `must be an integer from ${min} to ${max}.`);
  return { value };
}

/**
 * Checks the operation parameters.
 * @param {Record<string, string|number>} params
 * @returns {{ query: { OrderType, Status, Keyword, ResourceGroupId, CurrentPage, ShowSize } } | { error }}
 */
export function validateQuery(params) {
  const orderType = params.OrderType || 'CPACK';
  if (!ORDER_TYPES.includes(orderType)) return invalid('OrderType', `must be one of ${ORDER_TYPES.join(', ')}.`);
  const status = params.Status || '';
  if (status && !ORDER_STATUSES.includes(status)) return invalid('Status', `must be one of ${ORDER_STATUSES.join(', ')}.`);
  if (ORDER_ONLY.includes(status) && !['CPACK', 'BUY'].includes(orderType)) {
    return invalid('Status', `${status} applies to OrderType CPACK or BUY only.`);
  }
  const page = integerParam(params, 'CurrentPage', 1, 1, 1e9);
  if (page.error) return page;
  const size = integerParam(params, 'ShowSize', 50, 1, MAX_SHOW_SIZE);
  if (size.error) return size;
  return {
    query: {
      OrderType: orderType, Status: status, Keyword: String(params.Keyword ?? ''),
      ResourceGroupId: String(params.ResourceGroupId ?? ''), CurrentPage: page.value, ShowSize: size.value,
    },
  };
}

const project = (record, fields) => Object.fromEntries(fields.filter((f) => record[f] !== undefined).map((f) => [f, record[f]]));
const isCertificateQuery = (query) => query.OrderType === 'CERT' || query.OrderType === 'UPLOAD';

// The Status the service shows at `now`: lifecycle statuses are derived from the dates.
const certificateStatus = (cert, now) => lifecycleStatus(certificateEndMs(cert), now);
const orderStatus = (order, now) => (LIFECYCLE.includes(order.Status) && order.CertEndTime !== undefined
  ? lifecycleStatus(Number(order.CertEndTime), now) : order.Status);

// A row as the service returns it, from a matched record and its status.
function toRow({ record, status }, certificates) {
  return certificates
    ? project({ ...record, Expired: status === 'EXPIRED' }, CERT_FIELDS)
    : project({ ...record, Status: status }, ORDER_FIELDS);
}

// The times around `now` between which a status derived from an end date stays what it is at
// `now`: the boundaries are 30 days before the end (ISSUED → WILLEXPIRED) and the end (→ EXPIRED).
function steadyBetween(endMs, now) {
  if (now < endMs - WILL_EXPIRE_MS) return [-Infinity, endMs - WILL_EXPIRE_MS];
  return now < endMs ? [endMs - WILL_EXPIRE_MS, endMs] : [endMs, Infinity];
}
const ALWAYS = [-Infinity, Infinity];  // statuses not derived from dates
const certificateSteady = (cert, now) => steadyBetween(certificateEndMs(cert), now);
const orderSteady = (order, now) => (LIFECYCLE.includes(order.Status) && order.CertEndTime !== undefined
  ? steadyBetween(Number(order.CertEndTime), now) : ALWAYS);

// Records matching a validated query (paging ignored), in stable account order, with their
// status, and the times [validFrom, validUntil) around `now` within which that answer holds: no
// record that passes the other filters changes status then (else a row's Status or Expired would
// change, or it would enter or leave a Status filter). `stats.examined` counts the records looked at.
function matchRecords(account, query, now, stats) {
  const { OrderType, Status, ResourceGroupId } = query;
  const keyword = query.Keyword.toLowerCase();
  const certs = isCertificateQuery(query);
  const records = certs ? account.certificates : account.orders;
  const sourceType = OrderType.toLowerCase();
  const wanted = Status ? [Status] : certs ? ['ISSUED', 'WILLEXPIRED'] : null;
  const matches = [];
  let validFrom = -Infinity;
  let validUntil = Infinity;
  if (stats) stats.examined += records.length;
  for (const record of records) {
    if (certs ? OrderType === 'UPLOAD' && !record.Upload : record.SourceType !== sourceType) continue;
    if (ResourceGroupId && record.ResourceGroupId !== ResourceGroupId) continue;
    if (keyword) {
      const haystack = certs ? [record.CommonName, record.Sans, record.InstanceId] : [record.Domain, record.InstanceId];
      if (!haystack.some((text) => String(text ?? '').toLowerCase().includes(keyword))) continue;
    }
    const [from, until] = certs ? certificateSteady(record, now) : orderSteady(record, now);
    if (from > validFrom) validFrom = from;
    if (until < validUntil) validUntil = until;
    const status = certs ? certificateStatus(record, now) : orderStatus(record, now);
    if (!wanted || wanted.includes(status)) matches.push({ record, status });
  }
  return { matches, validFrom, validUntil };
}

function page(matches, query) {
  const start = (query.CurrentPage - 1) * query.ShowSize;
  return {
    ShowSize: query.ShowSize,
    CurrentPage: query.CurrentPage,
    TotalCount: matches.length,
    CertificateOrderList: matches.slice(start, start + query.ShowSize).map((m) => toRow(m, isCertificateQuery(query))),
  };
}

/** Every row matching a validated query (paging ignored), in stable account order. */
export function selectRows(account, query, now) {
  return matchRecords(account, query, now).matches.map((m) => toRow(m, isCertificateQuery(query)));
}

/** One page of the response body (without RequestId), filtering the whole account. */
export function listPage(account, query, now) {
  return page(matchRecords(account, query, now).matches, query);
}

/**
 * Pages of a watched account (watchAccount) in time proportional to the page: the records
 * matching a query are found once and kept for its later pages. A kept answer is used only while
 * the account is at the revision it was built from and the clock stays where no status of its
 * records changes (between the last change before the build and the next), so it is always what
 * listPage would give. `stats`: records examined, builds.
 * @param {ReturnType<import('./account.js').watchAccount>} store
 * @param {{ maxQueries?: number }} [options] how many queries' matches are kept (least recently used go)
 */
export function createListing(store, { maxQueries = 16 } = {}) {
  const kept = new Map();  // query key → { matches, revision, validFrom, validUntil }, oldest use first
  const stats = { examined: 0, builds: 0 };
  function matchesOf(query, now) {
    const key = JSON.stringify([query.OrderType, query.Status, query.Keyword.toLowerCase(), query.ResourceGroupId]);
    const hit = kept.get(key);
    kept.delete(key);
    if (hit && hit.revision === store.revision() && hit.validFrom <= now && now < hit.validUntil) {
      kept.set(key, hit);
      return hit.matches;
    }
    const revision = store.revision();
    const { matches, validFrom, validUntil } = matchRecords(store.raw, query, now, stats);
    stats.builds++;
    kept.set(key, { matches, revision, validFrom, validUntil });
    if (kept.size > maxQueries) kept.delete(kept.keys().next().value);
    return matches;
  }
  return {
    stats,
    /** One page of the response body (without RequestId). */
    listPage: (query, now) => page(matchesOf(query, now), query),
  };
}
