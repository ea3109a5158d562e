// What ListUserCertificateOrder returns (docs/alibaba-api.md §3.2–3.4): OrderType default and
// CERT vs UPLOAD, the empty-Status rules, Keyword, ResourceGroupId, paging and TotalCount
// against emu.truth(), row fields and types, int64 ids beyond 2^53 written as raw JSON integers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, DEMO_KEY } from '../../scripts/emulator/index.js';
import { CERT_FIELDS, ORDER_FIELDS } from '../../scripts/emulator/account.js';
import { parse as parseJson64 } from '../../scripts/emulator/json64.js';
import { T0, fakeClock, call } from './helpers/emulator-rpc.js';

const clock = fakeClock(T0);
let emu;
before(async () => { emu = await startEmulator({ clock, seed: 'listing', certs: 90, orders: 48, rateLimit: false }); });
after(() => emu.close());

// Parsed with json64: JSON.parse would round int64 ids beyond 2^53.
const list = async (params) => {
  const r = await call(emu.url, params, { now: clock() });
  assert.equal(r.status, 200, r.text);
  return parseJson64(r.text);
};
// Every page with the given size, as a client would fetch them.
async function listAll(params, showSize) {
  const rows = [];
  let total;
  for (let page = 1; ; page++) {
    const body = await list({ ...params, CurrentPage: String(page), ShowSize: String(showSize) });
    assert.equal(body.CurrentPage, page);
    assert.equal(body.ShowSize, showSize);
    total ??= body.TotalCount;
    assert.equal(body.TotalCount, total, 'TotalCount is the same on every page');
    rows.push(...body.CertificateOrderList);
    if (body.CertificateOrderList.length < showSize) break;
  }
  return { total, rows };
}
// Ids as exact decimal strings, the form truth() gives beyond 2^53.
const ids = (rows) => rows.map((r) => String(r.CertificateId ?? r.OrderId));

test('defaults: OrderType CPACK, CurrentPage 1, ShowSize 50; empty Status lists every order', async () => {
  const body = await list({});
  assert.equal(body.CurrentPage, 1);
  assert.equal(body.ShowSize, 50);
  const cpack = emu.account.orders.filter((o) => o.SourceType === 'cpack');
  assert.equal(body.TotalCount, cpack.length);
  assert.ok(body.CertificateOrderList.every((r) => r.SourceType === 'cpack'));
  assert.equal(new Set(body.CertificateOrderList.map((r) => r.Status)).size, 8, 'every order status');
  assert.deepEqual(ids(body.CertificateOrderList), ids(emu.truth({}).CertificateOrderList));
});

test('BUY lists only bought orders; a Status filters them', async () => {
  const buy = await listAll({ OrderType: 'BUY' }, 100);
  assert.equal(buy.total, emu.account.orders.filter((o) => o.SourceType === 'buy').length);
  assert.ok(buy.rows.every((r) => r.SourceType === 'buy'));
  for (const status of ['PAYED', 'CHECKING', 'CHECKED_FAIL', 'NOTACTIVATED', 'REVOKED', 'ISSUED', 'WILLEXPIRED', 'EXPIRED']) {
    const body = await list({ OrderType: 'BUY', Status: status });
    assert.ok(body.TotalCount > 0, status);
    assert.ok(body.CertificateOrderList.every((r) => r.Status === status), status);
  }
});

test('CERT: issued and uploaded; UPLOAD: uploaded only; empty Status: valid certificates only', async () => {
  const cert = await listAll({ OrderType: 'CERT' }, 100);
  const upload = await listAll({ OrderType: 'UPLOAD' }, 100);
  assert.ok(cert.rows.some((r) => r.Upload) && cert.rows.some((r) => !r.Upload));
  assert.ok(upload.rows.length > 0 && upload.rows.every((r) => r.Upload));
  assert.deepEqual(ids(upload.rows), ids(cert.rows.filter((r) => r.Upload)));
  for (const { rows } of [cert, upload]) assert.ok(rows.every((r) => r.Expired === false));
  const valid = await list({ OrderType: 'CERT', Status: 'ISSUED' });
  const soon = await list({ OrderType: 'CERT', Status: 'WILLEXPIRED' });
  const expired = await listAll({ OrderType: 'CERT', Status: 'EXPIRED' }, 100);
  assert.equal(cert.total, valid.TotalCount + soon.TotalCount);
  assert.equal(cert.total + expired.total, emu.account.certificates.length);
  assert.ok(expired.total > 0 && expired.rows.every((r) => r.Expired === true));
});

test('paging: every page size gives the complete listing of truth(), TotalCount included', async () => {
  for (const query of [{ OrderType: 'CERT' }, { OrderType: 'CERT', Status: 'EXPIRED' }, { OrderType: 'CPACK' }, { OrderType: 'UPLOAD', Keyword: 'example' }]) {
    const truth = emu.truth(query);
    for (const size of [1, 7, 50, 100]) {
      const { total, rows } = await listAll(query, size);
      assert.equal(total, truth.TotalCount, `${JSON.stringify(query)} / ${size}`);
      assert.deepEqual(ids(rows), ids(truth.CertificateOrderList), `${JSON.stringify(query)} / ${size}`);
    }
  }
  const beyond = await list({ OrderType: 'CERT', CurrentPage: '99', ShowSize: '10' });
  assert.deepEqual(beyond.CertificateOrderList, []);
  assert.equal(beyond.TotalCount, emu.truth({ OrderType: 'CERT' }).TotalCount);
});

test('Keyword: case-insensitive substring of Domain/CommonName/Sans or InstanceId', async () => {
  const keywordRows = async (params) => (await listAll(params, 100)).rows;
  const upper = await keywordRows({ OrderType: 'CERT', Keyword: 'EXAMPLE.ORG' });
  assert.ok(upper.length > 0);
  assert.deepEqual(ids(upper), ids(await keywordRows({ OrderType: 'CERT', Keyword: 'example.org' })));
  assert.ok(upper.every((r) => `${r.CommonName},${r.Sans}`.toLowerCase().includes('example.org')));

  const cert = emu.account.certificates.find((c) => c.Upload && emu.truth({ OrderType: 'UPLOAD' }).CertificateOrderList.some((r) => r.InstanceId === c.InstanceId));
  const byInstance = await keywordRows({ OrderType: 'UPLOAD', Keyword: cert.InstanceId.slice(4).toUpperCase() });
  assert.deepEqual(byInstance.map((r) => r.InstanceId), [cert.InstanceId]);

  const order = emu.account.orders.find((o) => o.SourceType === 'cpack' && o.DomainType === 'MIX');
  const byDomain = await keywordRows({ OrderType: 'CPACK', Keyword: order.Domain.split(',')[1] });
  assert.ok(byDomain.some((r) => r.InstanceId === order.InstanceId));

  const idn = await keywordRows({ OrderType: 'CERT', Status: 'EXPIRED', Keyword: 'xn--' });
  const idnAll = (await keywordRows({ OrderType: 'CERT', Keyword: 'xn--' })).concat(idn);
  assert.ok(idnAll.length > 0 && idnAll.every((r) => `${r.CommonName},${r.Sans}`.includes('xn--')));
  assert.equal((await list({ OrderType: 'CERT', Keyword: 'no-such-domain.invalid' })).TotalCount, 0);
  // Names are not searched: only domains and resource ids.
  assert.equal((await list({ OrderType: 'UPLOAD', Keyword: '<img' })).TotalCount, 0);
});

test('Keyword with unicode matches a unicode CommonName', async () => {
  const unicode = emu.account.certificates.filter((c) => /[^\x00-\x7f]/.test(c.CommonName));
  assert.ok(unicode.length > 0);
  const truth = emu.truth({ OrderType: 'CERT', Status: ['ISSUED', 'WILLEXPIRED', 'EXPIRED'], Keyword: '测试' });
  const rows = [];
  for (const status of ['ISSUED', 'WILLEXPIRED', 'EXPIRED']) rows.push(...(await listAll({ OrderType: 'CERT', Status: status, Keyword: '测试' }, 100)).rows);
  assert.deepEqual(ids(rows), ids(truth.CertificateOrderList));
  assert.ok(rows.some((r) => r.CommonName.includes('测试')));
});

test('ResourceGroupId filters certificates and orders', async () => {
  const group = emu.account.certificates[0].ResourceGroupId;
  const certs = await listAll({ OrderType: 'CERT', ResourceGroupId: group }, 100);
  assert.ok(certs.total > 0 && certs.total < emu.truth({ OrderType: 'CERT' }).TotalCount);
  assert.ok(certs.rows.every((r) => r.ResourceGroupId === group));
  const orders = await list({ OrderType: 'CPACK', ResourceGroupId: group, ShowSize: '100' });
  assert.equal(orders.TotalCount, emu.account.orders.filter((o) => o.SourceType === 'cpack' && o.ResourceGroupId === group).length);
  assert.ok(orders.CertificateOrderList.every((r) => !('ResourceGroupId' in r)), 'not an order row field');
  assert.equal((await list({ OrderType: 'CERT', ResourceGroupId: 'rg-nonexistent' })).TotalCount, 0);
});

test('rows have the documented fields and types; int64 ids beyond 2^53 are raw JSON integers', async () => {
  const r = await call(emu.url, { OrderType: 'CPACK', ShowSize: '100' }, { now: clock() });
  const rows = parseJson64(r.text).CertificateOrderList;
  for (const row of rows) {
    const issued = 'CertEndTime' in row;
    assert.deepEqual(Object.keys(row), ORDER_FIELDS.filter((f) => issued || !f.startsWith('Cert') || f === 'CertType'));
    for (const f of ['AliyunOrderId', 'OrderId']) assert.ok(['number', 'bigint'].includes(typeof row[f]), f);
    for (const f of ['BuyDate', 'DomainCount', 'WildDomainCount', ...(issued ? ['CertStartTime', 'CertEndTime'] : [])]) {
      assert.ok(Number.isSafeInteger(row[f]), f);
    }
    for (const f of ['Algorithm', 'CertType', 'Domain', 'DomainType', 'PartnerOrderId', 'ProductCode', 'ProductName', 'RootBrand', 'SourceType', 'Status', 'TrusteeStatus', 'InstanceId']) {
      assert.equal(typeof row[f], 'string', f);
    }
  }
  const big = rows.find((row) => typeof row.OrderId === 'bigint');
  assert.ok(big, 'some OrderId beyond 2^53');
  assert.ok(r.text.includes(`"OrderId":${big.OrderId}`), 'written without quotes');
  assert.equal(emu.truth({}).CertificateOrderList.find((t) => t.InstanceId === big.InstanceId).OrderId, big.OrderId.toString(),
    'truth() gives it as a decimal string');

  const certText = (await call(emu.url, { OrderType: 'CERT', ShowSize: '100' }, { now: clock() })).text;
  for (const row of parseJson64(certText).CertificateOrderList) {
    assert.deepEqual(Object.keys(row), CERT_FIELDS);
    assert.ok(['number', 'bigint'].includes(typeof row.CertificateId));
    assert.match(row.StartDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(row.EndDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(typeof row.Expired, 'boolean');
    assert.equal(typeof row.Upload, 'boolean');
    for (const f of ['Name', 'CommonName', 'Fingerprint', 'Sha2', 'SerialNo', 'Issuer', 'OrgName', 'Province', 'City', 'Country', 'Sans', 'ResourceGroupId', 'InstanceId']) {
      assert.equal(typeof row[f], 'string', f);
    }
  }
  assert.match(certText, /"CertificateId":\d{16,}/, 'a CertificateId beyond 2^53 too');
});

test('the emulator clock moves certificates through ISSUED → WILLEXPIRED → EXPIRED', async () => {
  const before = emu.truth({ OrderType: 'CERT', Status: 'EXPIRED' }).TotalCount;
  clock.set(T0 + 400 * 86_400_000);
  try {
    const later = await list({ OrderType: 'CERT', Status: 'EXPIRED' });
    assert.ok(later.TotalCount > before);
    assert.equal(later.TotalCount, emu.truth({ OrderType: 'CERT', Status: 'EXPIRED' }).TotalCount);
  } finally { clock.set(T0); }
});

test('truth(): Status arrays concatenate without duplicates; invalid queries throw', () => {
  const all = emu.truth({ OrderType: 'CERT', Status: ['ISSUED', 'WILLEXPIRED', 'EXPIRED', 'ISSUED'] });
  assert.equal(all.TotalCount, emu.account.certificates.length);
  assert.throws(() => emu.truth({ OrderType: 'CERT', Status: 'PAYED' }), /Status/);
  assert.throws(() => emu.truth({ OrderType: 'ALL' }), /OrderType/);
});

test('demo keys are what the CLI prints', () => {
  assert.deepEqual(DEMO_KEY, { accessKeyId: 'LTAIcasviewDEMO0001', accessKeySecret: 'casview-demo-secret-not-real' });
});
