// The account generator (deterministic, realistic, varied), account files (int64 kept exact)
// and the int64-preserving JSON used for both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAccount, loadAccount, normalizeAccount, CERT_FIELDS, ORDER_FIELDS, ORDER_STATUSES, DOMAIN_TYPES, CERT_TYPES, certificateEndMs } from '../../scripts/emulator/account.js';
import { stringify, parse, int64 } from '../../scripts/emulator/json64.js';
import { startEmulator } from '../../scripts/emulator/index.js';
import { T0, fakeClock, call } from './helpers/emulator-rpc.js';

const DAY = 86_400_000;

test('same seed, counts and day → the identical account; another seed → another account', () => {
  const a = generateAccount({ seed: 42, certs: 80, orders: 40, now: T0 });
  assert.equal(stringify(generateAccount({ seed: 42, certs: 80, orders: 40, now: T0 + 3600_000 })), stringify(a));
  assert.notEqual(stringify(generateAccount({ seed: 43, certs: 80, orders: 40, now: T0 })), stringify(a));
  assert.equal(a.certificates.length, 80);
  assert.equal(a.orders.length, 40);
});

test('the default demo account has the required variety', () => {
  const { certificates: certs, orders } = generateAccount({ now: T0 });
  const days = certs.map((c) => (certificateEndMs(c) - T0) / DAY);
  assert.ok(certs.some((c) => c.Upload) && certs.some((c) => !c.Upload), 'uploaded and issued');
  assert.ok(certs.some((c) => c.CommonName.startsWith('*.')), 'wildcard');
  assert.ok(certs.some((c) => c.Sans.split(',').length >= 3), 'multi-SAN');
  assert.ok(days.some((d) => d <= 0), 'expired');
  assert.ok(days.some((d) => d > 0 && d <= 7), 'expiring within 7 days');
  assert.ok(days.some((d) => d > 7 && d <= 30), 'expiring within 30 days');
  assert.ok(days.some((d) => d > 30), 'valid');
  const issuers = new Set(certs.map((c) => c.Issuer));
  for (const brand of [/DigiCert|Encryption Everywhere/, /GeoTrust/, /GlobalSign/, /^R11$|^E5$/, /WoTrus/, /vTrus/]) {
    assert.ok([...issuers].some((i) => brand.test(i)), `issuer ${brand}`);
  }
  assert.ok(new Set(certs.map((c) => c.ResourceGroupId)).size >= 3, 'several resource groups');
  assert.ok(certs.some((c) => c.CommonName === '测试.中国'), 'a unicode name');
  assert.ok(certs.some((c) => c.Sans.includes('xn--0zwm56d.xn--fiqs8s')), 'its IDN (A-label) form');
  assert.ok(certs.some((c) => /[<>"=]/.test(c.Name)), 'hostile uploaded names (user-controlled)');
  for (const type of ['cpack', 'buy']) {
    for (const status of ORDER_STATUSES) assert.ok(orders.some((o) => o.SourceType === type && o.Status === status), `${type} ${status}`);
  }
  for (const t of DOMAIN_TYPES) assert.ok(orders.some((o) => o.DomainType === t), `DomainType ${t}`);
  for (const t of CERT_TYPES) assert.ok(orders.some((o) => o.CertType === t), `CertType ${t}`);
  assert.ok(certs.some((c) => typeof c.CertificateId === 'bigint' && c.CertificateId > 2n ** 53n), 'CertificateId > 2^53');
  assert.ok(orders.some((o) => typeof o.OrderId === 'bigint' && o.OrderId > 2n ** 53n), 'OrderId > 2^53');
  assert.ok(orders.some((o) => typeof o.OrderId === 'number'), 'and smaller ones');
  const fields = new Set([...certs.flatMap(Object.keys), ...orders.flatMap(Object.keys)]);
  const documented = new Set([...CERT_FIELDS, ...ORDER_FIELDS]);
  assert.equal(documented.size, 36);
  for (const f of documented) assert.ok(fields.has(f), f);
  assert.equal(new Set(certs.map((c) => String(c.CertificateId))).size, certs.length, 'unique certificate ids');
  assert.equal(new Set(orders.map((o) => String(o.OrderId))).size, orders.length, 'unique order ids');
});

test('orders are internally consistent', () => {
  for (const o of generateAccount({ seed: 7, certs: 0, orders: 200, now: T0 }).orders) {
    const domains = o.Domain.split(',');
    assert.equal(o.DomainCount, domains.length);
    assert.equal(o.WildDomainCount, domains.filter((d) => d.startsWith('*.')).length);
    if (o.CertType === 'FREE') assert.equal(o.DomainType, 'ONE');
    if (o.CertType === 'EV') assert.ok(o.WildDomainCount === 0);
    if (o.CertEndTime !== undefined) assert.ok(o.CertStartTime < o.CertEndTime);
  }
});

test('json64: integers beyond 2^53 round-trip exactly; the rest is plain JSON', () => {
  const text = '{"a":98987582437920968,"b":-9007199254740993,"c":12,"d":1.5e3,"e":"9007199254740993","f":[true,false,null],"g":{"h":"\\u6d4b\\"x"}}';
  const value = parse(text);
  assert.equal(value.a, 98987582437920968n);
  assert.equal(value.b, -9007199254740993n);
  assert.equal(value.c, 12);
  assert.equal(value.d, 1500);
  assert.equal(value.e, '9007199254740993');
  assert.deepEqual(value.g, { h: '测"x' });
  assert.equal(stringify(value), '{"a":98987582437920968,"b":-9007199254740993,"c":12,"d":1500,"e":"9007199254740993","f":[true,false,null],"g":{"h":"测\\"x"}}');
  for (const bad of ['{"a":1,}', '[1 2]', '{"a":01}', '"open', '{} x', '']) assert.throws(() => parse(bad), SyntaxError, bad);
  assert.equal(int64('9007199254740991'), 9007199254740991);
  assert.equal(int64('9007199254740992'), 9007199254740992n);
});

test('an account file: loaded with exact ids, served, and bad files refused clearly', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'casview-account-'));
  try {
    const file = join(dir, 'account.json');
    writeFileSync(file, `{"certificates":[{"CertificateId":98987582437920968,"Name":"n","CommonName":"a.example.com","Sans":"a.example.com",
      "Upload":true,"StartDate":"2023-06-01","EndDate":"2024-06-01","ResourceGroupId":"rg-1","InstanceId":"cas-upload-1"}],
      "orders":[{"OrderId":"18446744073709551615","SourceType":"buy","Status":"PAYED","Domain":"b.example.com","InstanceId":"cas-cn-1"}]}`);
    const account = loadAccount(file);
    assert.equal(account.certificates[0].CertificateId, 98987582437920968n);
    assert.equal(account.orders[0].OrderId, 18446744073709551615n);
    const emu = await startEmulator({ account: file, clock: fakeClock(T0) });
    try {
      const cert = await call(emu.url, { OrderType: 'UPLOAD' }, { now: T0 });
      assert.ok(cert.text.includes('"CertificateId":98987582437920968,'), cert.text);
      const order = await call(emu.url, { OrderType: 'BUY' }, { now: T0 });
      assert.ok(order.text.includes('"OrderId":18446744073709551615,'), order.text);
      assert.deepEqual(emu.truth({ OrderType: 'UPLOAD' }).CertificateOrderList.map((r) => r.CertificateId), ['98987582437920968']);
    } finally { await emu.close(); }
  } finally { rmSync(dir, { recursive: true, force: true }); }
  assert.throws(() => normalizeAccount({ certificates: [] }), /"orders"/);
  assert.throws(() => normalizeAccount({ certificates: [{ CertificateId: 1, EndDate: '2024/01/01' }], orders: [] }), /certificates\[0\]: EndDate/);
  assert.throws(() => normalizeAccount({ certificates: [], orders: [{ OrderId: 1, SourceType: 'gift', Status: 'PAYED' }] }), /orders\[0\]: SourceType/);
  assert.throws(() => normalizeAccount({ certificates: [], orders: [{ OrderId: 'x', SourceType: 'buy', Status: 'PAYED' }] }), /orders\[0\]: OrderId/);
});
