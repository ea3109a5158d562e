// Every gateway check of the emulator, with its exact code, HTTP status and body, in the
// gateway's order; the ±15 min Timestamp window, nonce replay and the 10 requests/second
// throttle are driven by an injected clock, so nothing here depends on real timing.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startEmulator, DEMO_KEY, DEMO_STS_KEY } from '../../scripts/emulator/index.js';
import { stringToSign } from '../../scripts/emulator/signature.js';
import { T0, fakeClock, signed, send, call, isoSeconds, rawRequest } from './helpers/emulator-rpc.js';

const MIN = 60_000;
const clock = fakeClock();
const EXPIRING_STS = { accessKeyId: 'STS.expiring', accessKeySecret: 'sts-secret-2', securityToken: 'CAISexpiring+token/2==', expiresAt: T0 + 1000 * 24 * 60 * MIN };
const DISABLED = { accessKeyId: 'LTAIdisabled', accessKeySecret: 'x', disabled: true };
let emu;
before(async () => {
  emu = await startEmulator({ clock, seed: 'gateway', certs: 20, orders: 10, keys: [DEMO_KEY, DEMO_STS_KEY, EXPIRING_STS, DISABLED] });
});
after(() => emu.close());
// Each test starts two hours after the last one (the clock only moves forward), so throttle and
// nonce state never leak between tests.
beforeEach(() => { clock.set(clock() + 120 * MIN); });

const now = () => clock();
const BODY_KEYS = ['RequestId', 'HostId', 'Code', 'Message', 'Recommend'];

async function expectError(response, code, status) {
  assert.equal(response.json?.Code, code, response.text);
  assert.equal(response.status, status, `${code}: HTTP status`);
  assert.deepEqual(Object.keys(response.json), BODY_KEYS);
  assert.equal(response.json.HostId, 'cas.aliyuncs.com');
  assert.equal(response.headers.get('x-acs-request-id'), response.json.RequestId);
  assert.match(response.json.RequestId, /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  assert.equal(response.json.Recommend, `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=cas&requestId=${response.json.RequestId}`);
  assert.match(response.headers.get('content-type'), /^application\/json/);
  return response.json;
}

test('a valid call: 200, Date from the emulator clock, x-acs-request-id = RequestId', async () => {
  const r = await call(emu.url, { OrderType: 'CERT' }, { now: now() });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.headers.get('date'), new Date(now()).toUTCString());
  assert.equal(r.headers.get('x-acs-request-id'), r.json.RequestId);
  assert.deepEqual(Object.keys(r.json), ['ShowSize', 'CurrentPage', 'TotalCount', 'CertificateOrderList', 'RequestId']);
});

for (const name of ['Action', 'Version', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp']) {
  test(`Missing${name} when ${name} is absent or empty`, async () => {
    for (const value of [undefined, '']) {
      const body = await expectError(await call(emu.url, { [name]: value }, { now: now() }), `Missing${name}`, 400);
      assert.equal(body.Message, `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
    }
  });
}

test('IncompleteSignature without Signature, echoing the server string to sign', async () => {
  const params = signed({}, { now: now() });
  delete params.Signature;
  const body = await expectError(await send(emu.url, params), 'IncompleteSignature', 400);
  assert.equal(body.Message, `The request signature does not conform to Aliyun standards. server string to sign is:${stringToSign('GET', params)}`);
});

test('InvalidSignatureMethod and InvalidSignatureVersion', async () => {
  await expectError(await call(emu.url, { SignatureMethod: 'HMAC-SHA256' }, { now: now() }), 'InvalidSignatureMethod', 400);
  await expectError(await call(emu.url, { SignatureVersion: '2.0' }, { now: now() }), 'InvalidSignatureVersion', 400);
});

test('InvalidVersion: only 2020-04-07', async () => {
  for (const version of ['2020-06-30', '2020-4-7', '2020-04-07 ']) {
    await expectError(await call(emu.url, { Version: version }, { now: now() }), 'InvalidVersion', 400);
  }
});

test('InvalidApi.NotFound for other actions (404)', async () => {
  for (const action of ['DescribeUserCertificateDetail', 'listUserCertificateOrder', 'ListUserCertificateOrders']) {
    await expectError(await call(emu.url, { Action: action }, { now: now() }), 'InvalidApi.NotFound', 404);
  }
});

test('InvalidTimeStamp.Format for anything but yyyy-MM-ddTHH:mm:ssZ', async () => {
  const t = isoSeconds(now());
  for (const bad of [t.replace('T', ' '), t.replace('Z', '.000Z'), t.replace('Z', '+08:00'), t.slice(0, -1),
    '2024-02-30T00:00:00Z', '2024-01-01T24:00:00Z', String(Math.floor(now() / 1000))]) {
    await expectError(await call(emu.url, { Timestamp: bad }, { now: now() }), 'InvalidTimeStamp.Format', 400);
  }
});

test('InvalidTimeStamp.Expired beyond ±15 minutes; exactly 15 minutes is accepted', async () => {
  for (const offset of [-15 * MIN, 15 * MIN]) {
    const r = await call(emu.url, {}, { now: now() + offset });
    assert.equal(r.status, 200, `offset ${offset}: ${r.text}`);
  }
  for (const offset of [-15 * MIN - 1000, 15 * MIN + 1000, -24 * 60 * MIN]) {
    await expectError(await call(emu.url, {}, { now: now() + offset }), 'InvalidTimeStamp.Expired', 400);
  }
});

test('InvalidAccessKeyId.NotFound (404) and .Inactive', async () => {
  await expectError(await call(emu.url, {}, { now: now(), key: { accessKeyId: 'LTAIunknown', accessKeySecret: 'x' } }), 'InvalidAccessKeyId.NotFound', 404);
  await expectError(await call(emu.url, {}, { now: now(), key: DISABLED }), 'InvalidAccessKeyId.Inactive', 400);
});

test('STS: the token is required, must be well formed, must belong to the key, must not be expired', async () => {
  const sts = (token, extra = {}) => call(emu.url, { SecurityToken: token }, { now: now(), key: DEMO_STS_KEY, ...extra });
  assert.equal((await sts(DEMO_STS_KEY.securityToken)).status, 200);
  await expectError(await sts(undefined), 'MissingSecurityToken', 400);
  await expectError(await sts(''), 'MissingSecurityToken', 400);
  await expectError(await sts('not a token'), 'InvalidSecurityToken.Malformed', 400);
  await expectError(await sts(EXPIRING_STS.securityToken), 'InvalidSecurityToken.MismatchWithAccessKey', 400);
  const expiring = () => call(emu.url, {}, { now: now(), key: EXPIRING_STS });
  clock.set(EXPIRING_STS.expiresAt - 1000);
  assert.equal((await expiring()).status, 200);
  clock.set(EXPIRING_STS.expiresAt);
  await expectError(await expiring(), 'InvalidSecurityToken.Expired', 400);
});

test('a permanent AccessKey may send an empty SecurityToken (legacy C++ SDK) but not a token', async () => {
  assert.equal((await call(emu.url, { SecurityToken: '' }, { now: now() })).status, 200);
  await expectError(await call(emu.url, { SecurityToken: DEMO_STS_KEY.securityToken }, { now: now() }), 'InvalidSecurityToken.MismatchWithAccessKey', 400);
  await expectError(await call(emu.url, { SecurityToken: '%%%' }, { now: now() }), 'InvalidSecurityToken.Malformed', 400);
});

test('SignatureDoesNotMatch: wrong secret, tampered parameter, wrong method; the echo is the server string', async () => {
  const prefix = 'Specified signature is not matched with our calculation. server string to sign is:';
  const wrongSecret = signed({ OrderType: 'CERT' }, { now: now(), key: { ...DEMO_KEY, accessKeySecret: 'wrong' } });
  let body = await expectError(await send(emu.url, wrongSecret), 'SignatureDoesNotMatch', 400);
  assert.equal(body.Message, prefix + stringToSign('GET', wrongSecret));

  const tampered = { ...signed({ Keyword: 'example' }, { now: now() }), Keyword: 'example.org' };
  body = await expectError(await send(emu.url, tampered), 'SignatureDoesNotMatch', 400);
  assert.ok(body.Message.includes('Keyword%3Dexample.org%26'), body.Message);

  const signedForGet = signed({}, { now: now(), method: 'GET' });
  body = await expectError(await send(emu.url, signedForGet, { method: 'POST' }), 'SignatureDoesNotMatch', 400);
  assert.ok(body.Message.startsWith(`${prefix}POST&%2F&`));
});

test('POST: query and form parameters are merged for signing; "+" on the wire is a space', async () => {
  const params = signed({ OrderType: 'CERT', Keyword: 'no such thing' }, { now: now(), method: 'POST' });
  const { Signature, Keyword, ...rest } = params;
  const query = new URLSearchParams(rest).toString();
  const res = await fetch(`${emu.url}/?${query}`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `Keyword=no+such+thing&Signature=${encodeURIComponent(Signature)}`,
  });
  assert.equal(res.status, 200, await res.clone().text());
  assert.equal((await res.json()).TotalCount, 0);
});

test('Format JSON and json are accepted; anything else is InvalidParameter', async () => {
  for (const format of ['JSON', 'json']) assert.equal((await call(emu.url, { Format: format }, { now: now() })).status, 200);
  for (const format of ['XML', undefined]) {
    await expectError(await call(emu.url, { Format: format }, { now: now() }), 'InvalidParameter', 400);
  }
});

test('SignatureNonceUsed: a nonce replayed within 15 minutes; accepted again after', async () => {
  const nonce = randomUUID();
  assert.equal((await call(emu.url, {}, { now: now(), nonce })).status, 200);
  await expectError(await call(emu.url, {}, { now: now(), nonce }), 'SignatureNonceUsed', 400);
  clock.advance(15 * MIN);
  await expectError(await call(emu.url, {}, { now: now(), nonce }), 'SignatureNonceUsed', 400);
  clock.advance(1000);
  assert.equal((await call(emu.url, {}, { now: now(), nonce })).status, 200);
});

test('a refused signature does not use up its nonce', async () => {
  const nonce = randomUUID();
  await expectError(await call(emu.url, {}, { now: now(), nonce, key: { ...DEMO_KEY, accessKeySecret: 'wrong' } }), 'SignatureDoesNotMatch', 400);
  assert.equal((await call(emu.url, {}, { now: now(), nonce })).status, 200);
});

test('Throttling.User: the 11th request within a sliding second, with x-acs-retry-after; fine after', async () => {
  const start = now();
  for (let i = 0; i < 10; i++) {
    clock.set(start + i * 50); // 10 requests spread over 450 ms
    assert.equal((await call(emu.url, {}, { now: now() })).status, 200, `request ${i + 1}`);
  }
  clock.set(start + 999);
  const throttled = await call(emu.url, {}, { now: now() });
  const body = await expectError(throttled, 'Throttling.User', 400);
  assert.equal(body.Message, 'Request was denied due to user flow control.');
  assert.equal(throttled.headers.get('x-acs-retry-after'), '1'); // the first request leaves the window at +1000
  // Another AccessKey has its own window.
  assert.equal((await call(emu.url, {}, { now: now(), key: DEMO_STS_KEY })).status, 200);
  clock.set(start + 1000);
  assert.equal((await call(emu.url, {}, { now: now() })).status, 200, 'the oldest request left the window');
  await expectError(await call(emu.url, {}, { now: now() }), 'Throttling.User', 400);
  clock.set(start + 2000);
  assert.equal((await call(emu.url, {}, { now: now() })).status, 200);
});

test('the rate limit is configurable', async () => {
  const e = await startEmulator({ clock, certs: 1, orders: 1, rateLimit: { limit: 2, windowMs: 500 } });
  try {
    assert.equal((await call(e.url, {}, { now: now() })).status, 200);
    assert.equal((await call(e.url, {}, { now: now() })).status, 200);
    const r = await call(e.url, {}, { now: now() });
    await expectError(r, 'Throttling.User', 400);
    assert.equal(r.headers.get('x-acs-retry-after'), '500');
  } finally { await e.close(); }
});

test('checks run in the gateway order: the first failing check answers', async () => {
  const k = (extra) => ({ now: now(), ...extra });
  const order = [
    [{ Timestamp: undefined, Version: '1999-01-01' }, {}, 'MissingTimestamp'],
    [{ Version: '1999-01-01', SignatureMethod: 'MD5' }, {}, 'InvalidSignatureMethod'],
    [{ Version: '1999-01-01', Action: 'Other', Timestamp: 'soon' }, {}, 'InvalidVersion'],
    [{ Action: 'Other', Timestamp: 'soon' }, {}, 'InvalidApi.NotFound'],
    [{ Timestamp: 'soon' }, { key: { accessKeyId: 'nobody', accessKeySecret: 'x' } }, 'InvalidTimeStamp.Format'],
    [{}, { now: now() - 20 * MIN, key: { accessKeyId: 'nobody', accessKeySecret: 'x' } }, 'InvalidTimeStamp.Expired'],
    [{ SecurityToken: 'bad' }, { key: { accessKeyId: 'nobody', accessKeySecret: 'x' } }, 'InvalidAccessKeyId.NotFound'],
    [{ SecurityToken: undefined }, { key: { ...DEMO_STS_KEY, accessKeySecret: 'wrong' } }, 'MissingSecurityToken'],
    [{ OrderType: 'NOPE' }, { key: { ...DEMO_KEY, accessKeySecret: 'wrong' } }, 'SignatureDoesNotMatch'],
  ];
  for (const [params, options, code] of order) {
    assert.equal((await call(emu.url, params, k(options))).json.Code, code, JSON.stringify(params));
  }
  // Replay beats throttling, throttling beats parameter validation.
  const nonce = randomUUID();
  await call(emu.url, {}, k({ nonce }));
  for (let i = 0; i < 9; i++) await call(emu.url, {}, k());
  assert.equal((await call(emu.url, { OrderType: 'NOPE' }, k({ nonce }))).json.Code, 'SignatureNonceUsed');
  assert.equal((await call(emu.url, { OrderType: 'NOPE' }, k())).json.Code, 'Throttling.User');
  clock.advance(1000);
  assert.equal((await call(emu.url, { OrderType: 'NOPE' }, k({ now: now() }))).json.Code, 'InvalidParameter');
});

test('InvalidParameter: OrderType, Status (and its OrderType rules), CurrentPage, ShowSize', async () => {
  const cases = [
    [{ OrderType: 'cert' }, 'OrderType'], [{ OrderType: 'ALL' }, 'OrderType'],
    [{ Status: 'VALID' }, 'Status'], [{ OrderType: 'CERT', Status: 'PAYED' }, 'Status'],
    [{ OrderType: 'UPLOAD', Status: 'REVOKED' }, 'Status'], [{ OrderType: 'CERT', Status: 'CHECKING' }, 'Status'],
    [{ CurrentPage: '0' }, 'CurrentPage'], [{ CurrentPage: '-1' }, 'CurrentPage'], [{ CurrentPage: '1.5' }, 'CurrentPage'],
    [{ ShowSize: '0' }, 'ShowSize'], [{ ShowSize: '101' }, 'ShowSize'], [{ ShowSize: 'ten' }, 'ShowSize'],
  ];
  for (const [params, name] of cases) {
    clock.advance(200); // stay under the rate limit
    const body = await expectError(await call(emu.url, params, { now: now() }), 'InvalidParameter', 400);
    assert.ok(body.Message.startsWith(`Specified parameter ${name} is not valid`), body.Message);
  }
  for (const params of [{ OrderType: 'BUY', Status: 'REVOKED' }, { OrderType: 'CPACK', Status: 'CHECKED_FAIL' }, { ShowSize: '100' }, { ShowSize: '1' }]) {
    clock.advance(200);
    assert.equal((await call(emu.url, params, { now: now() })).status, 200, JSON.stringify(params));
  }
});

test('other methods and paths: UnsupportedHTTPMethod, InvalidApi.NotFound', async () => {
  const query = new URLSearchParams(signed({}, { now: now() })).toString();
  for (const method of ['PUT', 'DELETE', 'OPTIONS']) {
    const r = await rawRequest(emu.port, { method, path: `/?${query}` });
    assert.equal(r.status, 400);
    assert.equal(JSON.parse(r.text).Code, 'UnsupportedHTTPMethod');
  }
  const r = await rawRequest(emu.port, { path: `/other?${query}` });
  assert.equal(r.status, 404);
  assert.equal(JSON.parse(r.text).Code, 'InvalidApi.NotFound');
});
