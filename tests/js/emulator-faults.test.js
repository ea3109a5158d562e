// Fault injection: each kind answers as documented, faults are reproducible from a seed, can be
// forced one at a time, latency delays answers, and the request log records everything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, FAULT_KINDS } from '../../scripts/emulator/index.js';
import { createFaults } from '../../scripts/emulator/faults.js';
import { call, signed, formEncode } from './helpers/emulator-rpc.js';

async function withEmulator(options, fn) {
  const emu = await startEmulator({ certs: 30, orders: 10, rateLimit: false, ...options });
  try { return await fn(emu); } finally { await emu.close(); }
}

test('unavailable: 503 ServiceUnavailable in the gateway error shape', () => withEmulator({ faults: { rate: 1, kinds: ['unavailable'] } }, async (emu) => {
  const r = await call(emu.url);
  assert.equal(r.status, 503);
  assert.equal(r.json.Code, 'ServiceUnavailable');
  assert.equal(r.json.Message, 'The request has failed due to a temporary failure of the server.');
  assert.deepEqual(Object.keys(r.json), ['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
  assert.equal(emu.log[0].code, 'ServiceUnavailable');
  assert.equal(emu.log[0].fault, 'unavailable');
}));

test('throttling: 400 Throttling.User with x-acs-retry-after', () => withEmulator({ faults: { rate: 1, kinds: ['throttling'] } }, async (emu) => {
  const r = await call(emu.url);
  assert.equal(r.status, 400);
  assert.equal(r.json.Code, 'Throttling.User');
  assert.equal(r.headers.get('x-acs-retry-after'), '1000');
}));

test('html: a 502 HTML page from "a proxy"', () => withEmulator({ faults: { rate: 1, kinds: ['html'] } }, async (emu) => {
  const r = await call(emu.url);
  assert.equal(r.status, 502);
  assert.equal(r.headers.get('content-type'), 'text/html');
  assert.match(r.text, /^<!DOCTYPE HTML[\s\S]*<title>502 Bad Gateway<\/title>[\s\S]*<\/html>\r\n$/);
  assert.equal(r.json, undefined);
}));

test('truncated: 200 with the first half of the JSON body', () => withEmulator({ faults: { rate: 0 } }, async (emu) => {
  const whole = await call(emu.url, { OrderType: 'CERT' });
  emu.faults.inject('truncated');
  const cut = await call(emu.url, { OrderType: 'CERT' });
  assert.equal(cut.status, 200);
  assert.equal(Buffer.byteLength(cut.text), Buffer.byteLength(whole.text) >> 1); // same length: same rows, same-size RequestId
  assert.ok(cut.text.startsWith('{"ShowSize":50,"CurrentPage":1,"TotalCount":'));
  assert.throws(() => JSON.parse(cut.text), SyntaxError);
  assert.equal(cut.headers.get('content-length'), String(Buffer.byteLength(cut.text)));
  assert.equal(emu.log[1].code, 'fault:truncated');
}));

test('middlebox answers: 200 with HTML, an empty body, a non-object, a page without RequestId', () => withEmulator({ faults: { rate: 0 } }, async (emu) => {
  const whole = await call(emu.url, { OrderType: 'CERT' });
  for (const kind of ['html200', 'empty', 'notObject', 'noRequestId']) emu.faults.inject(kind);
  const [html, empty, notObject, noRequestId] = [await call(emu.url, { OrderType: 'CERT' }),
    await call(emu.url, { OrderType: 'CERT' }), await call(emu.url, { OrderType: 'CERT' }), await call(emu.url, { OrderType: 'CERT' })];
  for (const r of [html, empty, notObject, noRequestId]) assert.equal(r.status, 200);
  assert.equal(html.headers.get('content-type'), 'text/html');
  assert.match(html.text, /^<!DOCTYPE html>[\s\S]*<\/html>\r\n$/);
  assert.equal(empty.text, '');
  assert.equal(empty.headers.get('content-length'), '0');
  assert.equal(notObject.text, '[1,2,3]');
  const { RequestId, ...rest } = whole.json;
  assert.ok(RequestId, 'a normal answer has a RequestId');
  assert.equal(noRequestId.json.RequestId, undefined);
  assert.deepEqual(Object.keys(noRequestId.json), Object.keys(rest));
  assert.equal(noRequestId.json.TotalCount, rest.TotalCount);
  assert.deepEqual(emu.log.slice(1).map((e) => e.code), ['fault:html200', 'fault:empty', 'fault:notObject', 'fault:noRequestId']);
}));

test('hang: never answered; close() ends it', async () => {
  const emu = await startEmulator({ certs: 1, orders: 1, faults: { rate: 1, kinds: ['hang'] } });
  let settled = false;
  const pending = fetch(`${emu.url}/?${formEncode(signed())}`).then(() => 'answered', (err) => err.name)
    .finally(() => { settled = true; });
  for (let i = 0; i < 250 && emu.log[0]?.code !== 'fault:hang'; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(emu.log[0]?.code, 'fault:hang', 'the request arrived and was marked to hang');
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(settled, false, 'no answer');
  await emu.close(); // must not wait for the hanging request
  assert.equal(await pending, 'TypeError'); // fetch failed: the socket was closed
});

test('latency delays every answer by the given time', () => withEmulator({ latencyMs: 250 }, async (emu) => {
  const started = performance.now();
  assert.equal((await call(emu.url)).status, 200);
  assert.ok(performance.now() - started >= 245, 'at least the latency');
}));

test('a seed gives the same fault sequence; the rate is respected roughly', async () => {
  const sequence = async () => withEmulator({ faults: { rate: 0.5, kinds: ['unavailable', 'throttling', 'html', 'truncated'], seed: 'repeat' } }, async (emu) => {
    for (let i = 0; i < 40; i++) await call(emu.url);
    return emu.log.map((e) => e.fault);
  });
  const first = await sequence();
  assert.deepEqual(await sequence(), first);
  const faulted = first.filter(Boolean).length;
  assert.ok(faulted > 8 && faulted < 32, `${faulted} of 40`);
  assert.ok(new Set(first.filter(Boolean)).size >= 3, 'several kinds drawn');
  // The plan alone, without HTTP: also deterministic, and another seed differs.
  const plan = (seed) => { const f = createFaults({ rate: 0.5, seed }); return Array.from({ length: 64 }, () => f.next()); };
  assert.deepEqual(plan(1), plan(1));
  assert.notDeepEqual(plan(1), plan(2));
});

test('inject() forces the next answers, then the plan resumes', () => withEmulator({}, async (emu) => {
  emu.faults.inject('unavailable', 2);
  emu.faults.inject(null);
  emu.faults.inject('html');
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await call(emu.url)).status);
  assert.deepEqual(statuses, [503, 503, 200, 502, 200]);
  assert.throws(() => emu.faults.inject('explode'), /unknown kind/);
}));

test('bad fault options are refused', () => {
  assert.throws(() => createFaults({ rate: 2 }), /rate/);
  assert.throws(() => createFaults({ rate: 0.1, kinds: ['teapot'] }), /unknown kind/);
  assert.deepEqual(FAULT_KINDS, ['unavailable', 'throttling', 'html', 'truncated', 'hang',
    'html200', 'empty', 'notObject', 'noRequestId']);
});

test('the request log: method, path, headers, decoded merged params, code, status, time', () => withEmulator({}, async (emu) => {
  const params = signed({ Keyword: '测试 a+b' }, { method: 'POST' });
  await call(emu.url, { Keyword: '测试 a+b' }, { method: 'POST', nonce: params.SignatureNonce, now: Date.parse(params.Timestamp) });
  await call(emu.url, { OrderType: 'NOPE' });
  const [ok, refused] = emu.log;
  assert.equal(ok.method, 'POST');
  assert.equal(ok.path, '/');
  assert.equal(ok.params.Keyword, '测试 a+b');
  assert.equal(ok.params.Signature, params.Signature);
  assert.deepEqual([ok.code, ok.status, ok.fault], ['OK', 200, null]);
  assert.equal(typeof ok.time, 'number');
  assert.match(ok.headers['content-type'], /x-www-form-urlencoded/);
  assert.deepEqual([refused.method, refused.code, refused.status], ['GET', 'InvalidParameter', 400]);
}));
