// The emulated Alibaba Cloud account: its SSL certificates and certificate orders.
// Rows carry the documented field names and types of ListUserCertificateOrder
// (docs/alibaba-api.md §3.4). Generated accounts are deterministic: the same
// seed, counts and UTC day give the same account, byte for byte.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { createPrng } from './prng.js';
import { int64, parse as parseJson64 } from './json64.js';

/** Fields of a certificate row (OrderType CERT/UPLOAD), §3.4, in documented order. */
export const CERT_FIELDS = Object.freeze([
  'CertificateId', 'Name', 'CommonName', 'Fingerprint', 'Sha2', 'SerialNo', 'Issuer', 'OrgName',
  'Province', 'City', 'Country', 'Sans', 'Expired', 'Upload', 'StartDate', 'EndDate',
  'ResourceGroupId', 'InstanceId',
]);
/** Fields of an order row (OrderType CPACK/BUY), §3.4, in documented order. */
export const ORDER_FIELDS = Object.freeze([
  'Algorithm', 'AliyunOrderId', 'BuyDate', 'CertEndTime', 'CertStartTime', 'CertType', 'Domain',
  'DomainCount', 'DomainType', 'OrderId', 'PartnerOrderId', 'ProductCode', 'ProductName',
  'RootBrand', 'SourceType', 'Status', 'TrusteeStatus', 'WildDomainCount', 'InstanceId',
]);
const INT64_FIELDS = ['CertificateId', 'AliyunOrderId', 'BuyDate', 'CertEndTime', 'CertStartTime',
  'DomainCount', 'OrderId', 'WildDomainCount'];

export const ORDER_STATUSES = Object.freeze(['PAYED', 'CHECKING', 'CHECKED_FAIL', 'NOTACTIVATED',
  'ISSUED', 'WILLEXPIRED', 'EXPIRED', 'REVOKED']);
export const DOMAIN_TYPES = Object.freeze(['ONE', 'MULTIPLE', 'WILDCARD', 'M_WILDCARD', 'MIX']);
export const CERT_TYPES = Object.freeze(['DV', 'OV', 'EV', 'FREE']);

const DAY = 86_400_000;
/** A certificate counts as "will expire" this long before its end (the console's 30 days). */
export const WILL_EXPIRE_MS = 30 * DAY;

/**
 * ISSUED, WILLEXPIRED or EXPIRED for a certificate that ends at endMs, seen at nowMs. The service
 * derives these from the dates; the emulator does the same at query time, so an injected clock
 * moves certificates through their life.
 */
export function lifecycleStatus(endMs, nowMs) {
  if (nowMs >= endMs) return 'EXPIRED';
  return endMs - nowMs <= WILL_EXPIRE_MS ? 'WILLEXPIRED' : 'ISSUED';
}

// Date.parse was most of a listing's time on large accounts; there are few distinct dates.
const endOfDay = new Map();
/** A certificate row's EndDate (yyyy-MM-dd) is valid through that whole UTC day. */
export function certificateEndMs(cert) {
  let ms = endOfDay.get(cert.EndDate);
  if (ms === undefined) {
    if (endOfDay.size > 100_000) endOfDay.clear();
    ms = Date.parse(`${cert.EndDate}T00:00:00Z`) + DAY;
    endOfDay.set(cert.EndDate, ms);
  }
  return ms;
}

// Issuers as they appear in real chains; `issued` brands are sold through CAS, the others
// (Let's Encrypt) only show up as uploaded certificates.
const BRANDS = [
  { brand: 'Digicert', issued: true, issuers: ['DigiCert Global G2 TLS RSA SHA256 2020 CA1', 'Encryption Everywhere DV TLS CA - G2'] },
  { brand: 'GeoTrust', issued: true, issuers: ['GeoTrust CN RSA CA G1', 'GeoTrust G2 TLS CN RSA4096 SHA256 2022 CA1'] },
  { brand: 'GlobalSign', issued: true, issuers: ['GlobalSign GCC R3 DV TLS CA 2020', 'GlobalSign GCC R3 OV TLS CA 2024'] },
  { brand: 'WoTrus', issued: true, issuers: ['WoTrus DV Server CA', 'WoTrus OV Server CA'] },
  { brand: 'vTrus', issued: true, issuers: ['vTrus DV SSL CA', 'vTrus OV SSL CA G2'] },
  { brand: "Let's Encrypt", issued: false, issuers: ['R11', 'E5'] },
];
const ISSUED_BRANDS = BRANDS.filter((b) => b.issued);
const BASES = ['example.com', 'example.org', 'example.net', 'example.com.cn', 'shop-example.cn',
  'demo.example.io', 'bücher.example', '测试.中国', '例子.公司'];
const IDN_BASES = ['测试.中国', 'bücher.example', '例子.公司'];
const ASCII_BASES = BASES.filter((b) => !IDN_BASES.includes(b));
const SUBS = ['www', 'api', 'mail', 'cdn', 'static', 'pay', 'm', 'admin', 'dev', 'staging', 'auth', 'img'];
// Names of uploaded certificates are user-controlled (docs/security.md), so some are hostile on
// purpose.
const UPLOAD_NAMES = ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://evil.example","x")',
  '+cmd|\' /C calc\'!A0', 'prod "edge" & <cdn>', '证书-生产环境 🚀', 'Ünïcödé cert'];
const SUBJECTS = [
  { OrgName: 'Example Network Technology Co., Ltd.', Province: 'Zhejiang', City: 'Hangzhou', Country: 'CN' },
  { OrgName: '北京示例科技有限公司', Province: '北京市', City: '北京市', Country: 'CN' },
  { OrgName: 'Example Pte. Ltd.', Province: 'Singapore', City: 'Singapore', Country: 'SG' },
  { OrgName: 'Beispiel GmbH', Province: 'Bayern', City: 'München', Country: 'DE' },
  { OrgName: 'Example, Inc.', Province: 'California', City: 'San Francisco', Country: 'US' },
];
const NO_SUBJECT = { OrgName: '', Province: '', City: '', Country: '' };
// Days left at generation: expired, within 7 days, within 30 days, comfortably valid.
const LIFETIMES = [[-400, -1], [0, 7], [8, 30], [31, 700]];
const SHAPES = ['single', 'wildcard', 'multi', 'idn', 'single', 'multi'];

const ymd = (ms) => new Date(ms).toISOString().slice(0, 10);
const hexUpper = (algorithm, text) => createHash(algorithm).update(text).digest('hex').toUpperCase();

function names(rng, shape, upload, ctx) {
  // IDN bases take turns, so every one of them (测试.中国 first) shows up early.
  const base = shape === 'idn' ? IDN_BASES[ctx.idn++ % IDN_BASES.length] : rng.pick(ASCII_BASES);
  const ascii = domainToASCII(base);
  const sub = rng.pick(SUBS);
  switch (shape) {
    case 'wildcard':
      return { commonName: `*.${ascii}`, sans: [`*.${ascii}`, ascii] };
    case 'multi': {
      const other = domainToASCII(rng.pick(BASES));
      const sans = [...new Set([`${sub}.${ascii}`, ascii, `${rng.pick(SUBS)}.${ascii}`, `${rng.pick(SUBS)}.${other}`])];
      return { commonName: sans[0], sans };
    }
    case 'idn':
      // Certificates hold the A-label; an uploaded one may carry the U-label as its CN.
      return { commonName: upload ? base : ascii, sans: [ascii, `www.${ascii}`], display: base };
    default:
      return { commonName: `${sub}.${ascii}`, sans: [`${sub}.${ascii}`] };
  }
}

function generateCertificate(rng, i, ctx) {
  const upload = i % 5 === 1 || i % 5 === 3; // 40 % uploaded, interleaved with issued ones
  const k = upload ? ctx.uploads++ : ctx.issued++; // cycles brands within each kind
  const brand = upload ? BRANDS[k % BRANDS.length] : ISSUED_BRANDS[k % ISSUED_BRANDS.length];
  const shape = SHAPES[i % SHAPES.length];
  const { commonName, sans, display } = names(rng, shape, upload, ctx);
  const [minDays, maxDays] = LIFETIMES[i % LIFETIMES.length];
  const validityDays = brand.brand === "Let's Encrypt" ? 90 : rng.pick([90, 365, 397]);
  const endMs = ctx.today + rng.int(minDays, maxDays) * DAY;
  // Every 7th id is above 2^53, as int64 ids can be (§3.4); the rest look like today's ids.
  const id = i % 7 === 3 ? 9_007_199_254_740_993n + BigInt(i) * 7919n + BigInt(rng.int(0, 7000))
    : BigInt(10_000_000 + i * 1000 + rng.int(0, 999));
  const subject = rng.chance(0.4) ? rng.pick(SUBJECTS) : NO_SUBJECT;
  const name = !upload ? `cert-${rng.hex(6)}`
    : k % 2 === 0 ? UPLOAD_NAMES[(k / 2) % UPLOAD_NAMES.length] : `${display ?? commonName}-${ymd(endMs)}`;
  return {
    CertificateId: int64(id),
    Name: name,
    CommonName: commonName,
    Fingerprint: hexUpper('sha1', `${ctx.seed}/fp/${id}`),
    Sha2: hexUpper('sha256', `${ctx.seed}/sha2/${id}`),
    SerialNo: rng.hex(32),
    Issuer: rng.pick(brand.issuers),
    ...subject,
    Sans: sans.join(','),
    Expired: false, // derived from EndDate when listed
    Upload: upload,
    StartDate: ymd(endMs - validityDays * DAY),
    EndDate: ymd(endMs - DAY), // valid through the whole EndDate, see certificateEndMs
    ResourceGroupId: ctx.groups[i % 5 === 4 ? 0 : rng.int(0, ctx.groups.length - 1)],
    InstanceId: upload ? `cas-upload-${rng.hex(6)}` : `cas-cn-${rng.hex(10)}`,
  };
}

function orderDomains(rng, domainType) {
  const ascii = domainToASCII(rng.pick(BASES));
  const subs = () => [...new Set(Array.from({ length: rng.int(2, 4) }, () => `${rng.pick(SUBS)}.${ascii}`))];
  switch (domainType) {
    case 'ONE': return [`${rng.pick(SUBS)}.${ascii}`];
    case 'WILDCARD': return [`*.${ascii}`];
    case 'MULTIPLE': return subs();
    case 'M_WILDCARD': return [`*.${ascii}`, `*.${domainToASCII(rng.pick(BASES))}`];
    default: return [`*.${ascii}`, ...subs()]; // MIX
  }
}

function generateOrder(rng, i, ctx) {
  const status = ORDER_STATUSES[i % ORDER_STATUSES.length];
  const sourceType = Math.floor(i / ORDER_STATUSES.length) % 2 === 0 ? 'cpack' : 'buy';
  let certType = CERT_TYPES[i % CERT_TYPES.length];
  let domainType = DOMAIN_TYPES[i % DOMAIN_TYPES.length];
  if (certType === 'FREE') domainType = 'ONE'; // free certificates cover one domain
  if (certType === 'EV' && domainType.includes('WILDCARD')) certType = 'OV'; // no EV wildcards
  if (certType === 'EV' && domainType === 'MIX') domainType = 'MULTIPLE';
  const brand = ISSUED_BRANDS[(i >> 1) % ISSUED_BRANDS.length];
  const domains = orderDomains(rng, domainType);
  const buyDate = ctx.today - rng.int(30, 900) * DAY + rng.int(0, DAY - 1);
  const order = {
    Algorithm: rng.pick(['RSA', 'RSA', 'ECC', 'SM2']),
    AliyunOrderId: int64(BigInt(21_000_000_000_000 + i * 1_000_003 + rng.int(0, 999_999))),
    BuyDate: buyDate,
  };
  // Only orders whose certificate exists carry its dates (all row fields are optional).
  if (['ISSUED', 'WILLEXPIRED', 'EXPIRED', 'REVOKED'].includes(status)) {
    const [minDays, maxDays] = { ISSUED: [31, 700], WILLEXPIRED: [1, 30], EXPIRED: [-300, -1], REVOKED: [-100, 300] }[status];
    const end = ctx.today + rng.int(minDays, maxDays) * DAY + rng.int(0, DAY - 1);
    Object.assign(order, { CertEndTime: end, CertStartTime: end - (certType === 'FREE' ? 90 : 365) * DAY });
  }
  const productCode = `${brand.brand.toLowerCase()}-${certType.toLowerCase()}-${domainType.toLowerCase()}`;
  const typeName = { ONE: '', MULTIPLE: ' Multi-Domain', WILDCARD: ' Wildcard', M_WILDCARD: ' Multi-Wildcard', MIX: ' Mixed' }[domainType];
  return {
    ...order,
    CertType: certType,
    Domain: domains.join(','),
    DomainCount: domains.length,
    DomainType: domainType,
    // Most order ids are 17 digits, beyond 2^53 (cf. OrderId 98987582437920968 in the docs).
    OrderId: int64(i % 4 === 0 ? BigInt(1_000_000_000 + i * 977 + rng.int(0, 976))
      : 98_987_582_437_000_000n + BigInt(i) * 1_000_003n + BigInt(rng.int(0, 999_999))),
    PartnerOrderId: sourceType === 'buy' ? `${brand.brand.slice(0, 2).toUpperCase()}${rng.int(10_000_000, 99_999_999)}` : '',
    ProductCode: productCode,
    ProductName: `${brand.brand} ${certType === 'FREE' ? 'DV' : certType} SSL${typeName}${certType === 'FREE' ? ' (Free)' : ''}`,
    RootBrand: brand.brand,
    SourceType: sourceType,
    Status: status,
    TrusteeStatus: rng.chance(0.3) ? 'trustee' : 'unTrustee',
    WildDomainCount: domains.filter((d) => d.startsWith('*.')).length,
    InstanceId: sourceType === 'cpack' ? `cas-ivauto-${rng.hex(6)}` : `cas-cn-${rng.hex(10)}`,
    // Not a documented order field; kept so ResourceGroupId filters orders too, never listed.
    ResourceGroupId: ctx.groups[rng.int(0, ctx.groups.length - 1)],
  };
}

/**
 * A realistic account. The first items of each list cycle through every category (upload and
 * issued, wildcard/multi-SAN/IDN, expired/7/30 days/valid, issuer, Status, DomainType,
 * CertType), so even small counts show the variety; the rest is drawn from the seed.
 * @param {{ seed?: number|string, certs?: number, orders?: number, now?: number }} [options]
 *   now: the account's dates are relative to the UTC day of this instant (default: now).
 * @returns {{ certificates: object[], orders: object[] }}
 */
export function generateAccount({ seed = 'casview-demo', certs = 60, orders = 30, now = Date.now() } = {}) {
  const rng = createPrng(seed);
  const today = Math.floor(now / DAY) * DAY;
  const groups = Array.from({ length: 4 }, () => `rg-acfm${rng.hex(11)}`);
  const ctx = { seed: String(seed), today, groups, uploads: 0, issued: 0, idn: 0 };
  return {
    certificates: Array.from({ length: certs }, (_, i) => generateCertificate(rng, i, ctx)),
    orders: Array.from({ length: orders }, (_, i) => generateOrder(rng, i, ctx)),
  };
}

/**
 * Checks an account given as an object (e.g. parsed from a file) and normalises its int64
 * fields (Number when safe, BigInt beyond 2^53; decimal strings are accepted too).
 * @throws {Error} naming the first bad row.
 */
export function normalizeAccount(account) {
  if (!account || !Array.isArray(account.certificates) || !Array.isArray(account.orders)) {
    throw new Error('account: expected {"certificates": [...], "orders": [...]}');
  }
  const fix = (row, where) => {
    const out = { ...row };
    for (const f of INT64_FIELDS) {
      if (out[f] === undefined) continue;
      try { out[f] = int64(out[f]); } catch { throw new Error(`${where}: ${f} is not an integer`); }
    }
    return out;
  };
  const certificates = account.certificates.map((c, i) => {
    const where = `account.certificates[${i}]`;
    if (c.CertificateId === undefined) throw new Error(`${where}: CertificateId is required`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(c.EndDate ?? '') || Number.isNaN(Date.parse(c.EndDate))) {
      throw new Error(`${where}: EndDate must be yyyy-MM-dd`);
    }
    return fix({ Upload: false, ...c }, where);
  });
  const orders = account.orders.map((o, i) => {
    const where = `account.orders[${i}]`;
    if (o.OrderId === undefined) throw new Error(`${where}: OrderId is required`);
    if (!['cpack', 'buy'].includes(o.SourceType)) throw new Error(`${where}: SourceType must be cpack or buy`);
    if (!ORDER_STATUSES.includes(o.Status)) throw new Error(`${where}: Status must be one of ${ORDER_STATUSES.join(', ')}`);
    return fix(o, where);
  });
  return { certificates, orders };
}

/** Reads an account JSON file; integers beyond 2^53 are kept exact. */
export function loadAccount(path) {
  return normalizeAccount(parseJson64(readFileSync(path, 'utf8')));
}

/**
 * The account as the emulator serves it, watched so that cached listings know when it changes.
 * `account` is what callers see and may change: its arrays take push, splice, sort, element
 * assignment and so on, each of which bumps `revision()`. Rows are frozen, a row put into an
 * array too (a changed row is a new object in its place), and the arrays cannot be replaced:
 * otherwise a change could happen without the emulator seeing it. `raw` holds the same arrays
 * unwrapped, for reading at full speed.
 * @param {{ certificates: object[], orders: object[] }} data
 */
export function watchAccount(data) {
  let revision = 0;
  const freezeRow = (key, value) => (typeof key === 'string' && /^\d+$/.test(key) && value && typeof value === 'object'
    ? Object.freeze(value) : value);
  const traps = {
    set(target, key, value) { revision++; return Reflect.set(target, key, freezeRow(key, value)); },
    deleteProperty(target, key) { revision++; return Reflect.deleteProperty(target, key); },
    defineProperty(target, key, descriptor) {
      revision++;
      const d = 'value' in descriptor ? { ...descriptor, value: freezeRow(key, descriptor.value) } : descriptor;
      return Reflect.defineProperty(target, key, d);
    },
  };
  const raw = { certificates: data.certificates, orders: data.orders };
  for (const list of [raw.certificates, raw.orders]) for (const row of list) Object.freeze(row);
  const account = Object.freeze({ certificates: new Proxy(raw.certificates, traps), orders: new Proxy(raw.orders, traps) });
  return { account, raw, revision: () => revision };
}
