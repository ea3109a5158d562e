// The CORS proxy end to end: it forwards signed calls to the emulator and to (a stand-in for)
// cas.aliyuncs.com; refuses every escape attempt without anything reaching an upstream; sends
// the CORS headers to allowed origins only; answers preflight; strips cookies and auth headers
// both ways; refuses redirects, oversize bodies and responses, slow upstreams; logs no secrets.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startProxy, formatLogLine } from '../../scripts/proxy/index.js';
import { startEmulator, DEMO_KEY } from '../../scripts/emulator/index.js';
import { signed, formEncode, rawRequest } from './helpers/emulator-rpc.js';
import { ESCAPES, assertCorsAnswer, assertPreflightAnswer } from './helpers/proxy-contract.js';
import { startRecorder, freePort } from './helpers/net.js';

const ORIGIN = 'http://127.0.0.1:8080';
const MAX_RESPONSE = 16 * 1024;

let recorder, emu, proxy;
const upstreamCalls = [];
const logEntries = [];
before(async () => {
  recorder = await startRecorder({ bigBytes: MAX_RESPONSE + 1 });
  emu = await startEmulator({ seed: 'proxy', certs: 20, orders: 10 });
  proxy = await startProxy({
    origins: [ORIGIN], allowLoopback: true, maxResponseBytes: MAX_RESPONSE,
    log: (entry) => logEntries.push(entry),
    // Record every upstream request; send what was meant for a CAS endpoint to the recorder.
    upstreamRequest: (options) => {
      upstreamCalls.push(options);
      const cas = !options.hostname.startsWith('127.');
      return http.request(cas ? { ...options, protocol: 'http:', hostname: '127.0.0.1', port: recorder.port, agent: false } : options);
    },
  });
});
after(async () => { await proxy.close(); await emu.close(); await recorder.close(); });
beforeEach(() => { recorder.requests.length = 0; upstreamCalls.length = 0; });

const via = (target, options) => rawRequest(proxy.port, { path: `/${target}`, ...options });
const recorderTarget = (query = '') => `http://127.0.0.1:${recorder.port}/${query}`;
const errorOf = (response) => JSON.parse(response.text);

test('forwards signed GET and POST calls to the emulator unchanged', async () => {
  const get = await via(`${emu.url}/?${formEncode(signed({ OrderType: 'CERT', ShowSize: '5' }))}`, { headers: { origin: ORIGIN } });
  assert.equal(get.status, 200, get.text);
  assert.equal(JSON.parse(get.text).TotalCount, emu.truth({ OrderType: 'CERT' }).TotalCount);
  assert.equal(get.headers['x-acs-request-id'], JSON.parse(get.text).RequestId);
  const body = formEncode(signed({ OrderType: 'UPLOAD', ShowSize: '5' }, { method: 'POST' }));
  const post = await via(`${emu.url}/`, { method: 'POST', body, headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(post.status, 200, post.text);
  assert.equal(JSON.parse(post.text).TotalCount, emu.truth({ OrderType: 'UPLOAD' }).TotalCount);
  // Errors of the service pass through as they are.
  const refused = await via(`${emu.url}/?${formEncode(signed({}, { key: { ...DEMO_KEY, accessKeySecret: 'wrong' } }))}`);
  assert.equal(refused.status, 400);
  assert.equal(JSON.parse(refused.text).Code, 'SignatureDoesNotMatch');
});

test('a CAS target goes to exactly that host over https, path "/" and the raw query', async () => {
  for (const host of ['cas.aliyuncs.com', 'cas.ap-southeast-1.aliyuncs.com']) {
    upstreamCalls.length = 0;
    recorder.requests.length = 0;
    const r = await via(`https://${host}/?Action=ListUserCertificateOrder&Keyword=%2A.a%20b&Signature=x%2By%3D`);
    assert.equal(r.status, 200, r.text);
    assert.equal(upstreamCalls.length, 1);
    assert.deepEqual([upstreamCalls[0].protocol, upstreamCalls[0].hostname, upstreamCalls[0].port, upstreamCalls[0].servername],
      ['https:', host, 443, host]);
    assert.equal(recorder.requests[0].headers.host, host);
    assert.equal(recorder.requests[0].url, '/?Action=ListUserCertificateOrder&Keyword=%2A.a%20b&Signature=x%2By%3D');
  }
});

// Loopback spellings aimed at the recorder's own port: if one slipped through, it would show up there.
const loopbackTricks = () => [
  [`/http://127.0.0.1:${recorder.port}@evil.com/`, 'ProxyForbiddenHost'],
  [`/http://evil.com@127.0.0.1:${recorder.port}/`, 'ProxyForbiddenHost'],
  [`/https://cas.aliyuncs.com@127.0.0.1:${recorder.port}/`, 'ProxyForbiddenHost'],
  [`/http://2130706433:${recorder.port}/`, 'ProxyForbiddenHost'],
  [`/http://0x7f.1:${recorder.port}/`, 'ProxyForbiddenHost'],
  [`/http://127.1:${recorder.port}/`, 'ProxyForbiddenHost'],
  [`/http://0177.0.0.1:${recorder.port}/`, 'ProxyForbiddenHost'],
  [`/http://[::1]:${recorder.port}/`, 'ProxyForbiddenHost'],
  [`/http://[::ffff:7f00:1]:${recorder.port}/`, 'ProxyForbiddenHost'],
  [`/http://127.0.0.1%3A${recorder.port}/`, 'ProxyForbiddenHost'],
  [`/http://127.0.0.1.nip.io:${recorder.port}/`, 'ProxyForbiddenHost'],
  [`/http://LocalHost:${recorder.port}/`, 'ProxyForbiddenHost'],
  [`/http://127.0.0.1:${recorder.port}/../`, 'ProxyBadTarget'],
  [`/http://127.0.0.1:${recorder.port}/admin`, 'ProxyBadTarget'],
  [`/http://127.0.0.1:${recorder.port}//`, 'ProxyBadTarget'],
];

test('no escape attempt is forwarded (GET, POST and OPTIONS); nothing reaches any upstream', async () => {
  const attempts = [...ESCAPES, ...loopbackTricks()];
  for (const [target, code] of attempts) {
    for (const method of ['GET', 'POST', 'OPTIONS']) {
      const r = await rawRequest(proxy.port, {
        method, path: target, body: method === 'POST' ? 'Action=x' : undefined,
        headers: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : { origin: ORIGIN, 'access-control-request-method': 'GET' },
      });
      assert.equal(errorOf(r).Code, code, `${method} ${target}`);
      assert.equal(r.status, code === 'ProxyBadTarget' ? 400 : 403, `${method} ${target}`);
      assert.deepEqual(Object.keys(errorOf(r)), ['Code', 'Message']);
    }
  }
  assert.deepEqual(upstreamCalls, []);
  assert.deepEqual(recorder.requests, []);
});

test('only GET, POST and OPTIONS: other methods are 405 and not forwarded', async () => {
  for (const method of ['PUT', 'DELETE', 'PATCH', 'TRACE', 'HEAD']) {
    const r = await via(recorderTarget(), { method, body: method === 'HEAD' ? undefined : 'x' });
    assert.equal(r.status, 405, method);
    assert.equal(r.headers.allow, 'GET, POST, OPTIONS');
    if (method !== 'HEAD') assert.equal(errorOf(r).Code, 'ProxyMethodNotAllowed');
  }
  assert.deepEqual(recorder.requests, []);
});

test('CORS: allowed origin gets Allow-Origin and Expose-Headers; others are refused; Vary: Origin always', async () => {
  const allowed = await via(recorderTarget(), { headers: { origin: ORIGIN } });
  assert.equal(allowed.status, 200);
  assertCorsAnswer(allowed, ORIGIN);

  const noOrigin = await via(recorderTarget());
  assert.equal(noOrigin.status, 200, 'tools without an Origin may use it');
  assert.equal(noOrigin.headers['access-control-allow-origin'], undefined);
  assert.equal(noOrigin.headers.vary, 'Origin');

  recorder.requests.length = 0;
  for (const origin of ['http://evil.example', 'http://127.0.0.1:8081', 'http://localhost:8080', 'null', `${ORIGIN}/`, ORIGIN.toUpperCase()]) {
    const r = await via(recorderTarget(), { headers: { origin } });
    assert.equal(r.status, 403, origin);
    assert.equal(errorOf(r).Code, 'ProxyForbiddenOrigin');
    assert.equal(r.headers['access-control-allow-origin'], undefined);
  }
  assert.deepEqual(recorder.requests, []);
  // The proxy's own errors carry the CORS headers, so the page can read them.
  const forbidden = await via('https://evil.example/', { headers: { origin: ORIGIN } });
  assert.equal(forbidden.headers['access-control-allow-origin'], ORIGIN);
});

test('preflight: answered here (never forwarded), GET/POST and Content-Type only', async () => {
  const ok = await via(recorderTarget(), { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'Content-Type' } });
  assertPreflightAnswer(ok, ORIGIN);
  const header = await via(recorderTarget(), { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-acs-action' } });
  assert.deepEqual([header.status, errorOf(header).Code], [403, 'ProxyForbiddenHeader']);
  const method = await via(recorderTarget(), { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'PUT' } });
  assert.deepEqual([method.status, errorOf(method).Code], [405, 'ProxyMethodNotAllowed']);
  const foreign = await via(recorderTarget(), { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' } });
  assert.deepEqual([foreign.status, foreign.headers['access-control-allow-origin']], [403, undefined]);
  assert.deepEqual(recorder.requests, []);
});

test('cookies, auth and identifying headers are stripped both ways', async () => {
  const r = await via(recorderTarget(), {
    method: 'POST', body: 'a=1',
    headers: {
      origin: ORIGIN, cookie: 'sid=browser', authorization: 'Basic dXNlcjpwYXNz', 'proxy-authorization': 'Basic eDp5',
      'x-forwarded-for': '10.0.0.1', referer: 'http://127.0.0.1:8080/?secret', 'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'casview-test', accept: 'application/json', 'x-acs-action': 'ListUserCertificateOrder',
    },
  });
  assert.equal(r.status, 200);
  const seen = recorder.requests[0];
  assert.deepEqual(Object.keys(seen.headers).sort(), ['accept', 'connection', 'content-length', 'content-type', 'host', 'user-agent']);
  assert.equal(seen.body, 'a=1');
  for (const name of ['set-cookie', 'www-authenticate', 'location', 'x-internal', 'access-control-allow-credentials']) {
    assert.equal(r.headers[name], undefined, name);
  }
  assert.equal(r.headers['access-control-allow-origin'], ORIGIN, 'ours, not the upstream "*"');
  assert.equal(r.headers['x-acs-request-id'], 'REQ-1');
  assert.equal(r.headers['x-acs-retry-after'], '250');
  assert.equal(r.text, '{"ok":true}');
});

test('upstream status codes pass through; a redirect is refused, not followed', async () => {
  const unavailable = await via(recorderTarget('?mode=error'));
  assert.equal(unavailable.status, 503);
  const r = await via(recorderTarget('?mode=redirect'), { headers: { origin: ORIGIN } });
  assert.equal(r.status, 502);
  assert.equal(errorOf(r).Code, 'ProxyRedirectRefused');
  assert.equal(r.headers.location, undefined);
  assert.equal(recorder.requests.length, 2, 'only the requests made, nothing followed');
  assert.equal(upstreamCalls.length, 2);
});

test('request bodies over 64 KiB are refused (413) and not forwarded; 64 KiB passes', async () => {
  const limit = 64 * 1024;
  const over = await via(recorderTarget(), { method: 'POST', body: 'a'.repeat(limit + 1), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.deepEqual([over.status, errorOf(over).Code], [413, 'ProxyRequestTooLarge']);
  assert.deepEqual(recorder.requests, []);
  const atLimit = await via(recorderTarget(), { method: 'POST', body: 'a'.repeat(limit), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(atLimit.status, 200);
  assert.equal(recorder.requests[0].body.length, limit);
});

test('responses over the size limit are refused, with or without Content-Length', async () => {
  for (const mode of ['big', 'bigchunked']) {
    const r = await via(recorderTarget(`?mode=${mode}`));
    assert.deepEqual([r.status, errorOf(r).Code], [502, 'ProxyResponseTooLarge'], mode);
  }
});

test('a slow upstream is cut off: 504 ProxyTimeout; an unreachable one is 502 ProxyUpstreamError', async () => {
  const quick = await startProxy({ origins: [ORIGIN], allowLoopback: true, upstreamTimeoutMs: 200, log: () => {} });
  try {
    const started = performance.now();
    const slow = await rawRequest(quick.port, { path: `/${recorderTarget('?mode=hang')}`, headers: { origin: ORIGIN } });
    assert.deepEqual([slow.status, JSON.parse(slow.text).Code], [504, 'ProxyTimeout']);
    assert.equal(slow.headers['access-control-allow-origin'], ORIGIN);
    assert.ok(performance.now() - started >= 190, 'waited for the limit');
  } finally { await quick.close(); }
  const down = await via(`http://127.0.0.1:${await freePort()}/`);
  assert.deepEqual([down.status, errorOf(down).Code], [502, 'ProxyUpstreamError']);
});

test('the log has method, host, status and duration only: no query string, body or AccessKeyId', async () => {
  logEntries.length = 0;
  const params = signed({ Keyword: 'secret-keyword' });
  await via(`${emu.url}/?${formEncode(params)}`);
  await via(`${emu.url}/`, { method: 'POST', body: formEncode(signed({}, { method: 'POST' })), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  await via(`https://evil.example/?AccessKeyId=${DEMO_KEY.accessKeyId}`);
  assert.equal(logEntries.length, 3);
  for (const entry of logEntries) assert.deepEqual(Object.keys(entry).sort(), ['durationMs', 'host', 'method', 'status']);
  assert.deepEqual(logEntries.map((e) => [e.method, e.host, e.status]),
    [['GET', new URL(emu.url).host, 200], ['POST', new URL(emu.url).host, 200], ['GET', undefined, 403]]);
  const lines = logEntries.map(formatLogLine).join('\n');
  for (const secret of ['?', 'AccessKeyId', DEMO_KEY.accessKeyId, 'Signature', params.Signature, 'secret-keyword', 'ListUserCertificateOrder']) {
    assert.ok(!lines.includes(secret), `log contains ${secret}: ${lines}`);
  }
  assert.match(lines.split('\n')[0], /^\d{4}-\d\d-\d\dT[\d:.]+Z GET 127\.0\.0\.1:\d+ 200 \d+ms$/);
});

test('startProxy refuses origins that are not origins', async () => {
  await assert.rejects(startProxy({ origins: ['http://127.0.0.1:8080/page'] }), /not an origin/);
  await assert.rejects(startProxy({ origins: ['null'] }), /not an origin/);
});
