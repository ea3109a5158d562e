// The CORS proxy end to end: it forwards signed calls to the emulator and to (a stand-in for)
// cas.aliyuncs.com; refuses every escape attempt without anything reaching an upstream, with
// and without the demo's loopback targets; answers only for its own Host names; sends the CORS
// headers to allowed origins only; answers preflight; strips cookies and auth headers both
// ways; refuses redirects, oversize bodies and responses; gives one answer for every upstream
// failure; cuts off slow clients; logs no secrets.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { startProxy, formatLogLine } from '../../scripts/proxy/index.js';
import { startEmulator, DEMO_KEY } from '../../scripts/emulator/index.js';
import { signed, formEncode, rawRequest } from './helpers/emulator-rpc.js';
import { ESCAPES, assertCorsAnswer, assertPreflightAnswer } from './helpers/proxy-contract.js';
import { startRecorder } from './helpers/net.js';

const ORIGIN = 'http://127.0.0.1:8080';
const MAX_RESPONSE = 16 * 1024;

// proxy: demo mode, the emulator and the recorder as its loopback targets; plain: none. A
// bystander is a local service that neither may reach.
let recorder, bystander, emu, proxy, plain;
const upstreamCalls = [];
const logEntries = [];
// Record every upstream request; send what was meant for a CAS endpoint to the recorder.
const recordingUpstream = (options) => {
  upstreamCalls.push(options);
  const cas = !options.hostname.startsWith('127.');
  return http.request(cas ? { ...options, protocol: 'http:', hostname: '127.0.0.1', port: recorder.port, agent: false } : options);
};
before(async () => {
  recorder = await startRecorder({ bigBytes: MAX_RESPONSE + 1 });
  bystander = await startRecorder();
  emu = await startEmulator({ seed: 'proxy', certs: 20, orders: 10 });
  proxy = await startProxy({
    origins: [ORIGIN], allowLoopback: [new URL(emu.url).host, `127.0.0.1:${recorder.port}`], maxResponseBytes: MAX_RESPONSE,
    log: (entry) => logEntries.push(entry), upstreamRequest: recordingUpstream,
  });
  plain = await startProxy({ origins: [ORIGIN], log: () => {}, upstreamRequest: recordingUpstream });
});
after(async () => { await proxy.close(); await plain.close(); await emu.close(); await recorder.close(); await bystander.close(); });
beforeEach(() => { recorder.requests.length = 0; bystander.requests.length = 0; upstreamCalls.length = 0; });

// The page's calls: from the allowed origin unless told otherwise.
const via = (target, { headers, ...options } = {}) => rawRequest(proxy.port, { path: `/${target}`, headers: { origin: ORIGIN, ...headers }, ...options });
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

// Other local services, and the named targets under another name or port.
const otherLocal = () => [
  `/http://127.0.0.1:${bystander.port}/`, `/https://127.0.0.1:${bystander.port}/`, `/http://localhost:${bystander.port}/`,
  `/http://localhost:${recorder.port}/`, `/http://localhost:${emu.port}/`, `/http://127.0.0.1:${emu.port + 1}/`,
  '/http://127.0.0.1:22/', '/http://127.0.0.1:80/', '/http://127.0.0.1/', '/http://localhost:6379/',
  `/http://10.0.0.1:${emu.port}/`, `/http://192.168.0.1:${emu.port}/`, `/http://169.254.169.254:${emu.port}/`,
].map((t) => [t, 'ProxyForbiddenHost']);

for (const mode of ['demo', 'plain']) {
  test(`no escape attempt is forwarded, ${mode} mode (GET, POST and OPTIONS); nothing reaches any upstream`, async () => {
    const port = mode === 'demo' ? proxy.port : plain.port;
    // Without loopback targets, every loopback request is refused on its host, before its path is read.
    const attempts = [...ESCAPES, ...loopbackTricks().map(([t, code]) => [t, mode === 'demo' ? code : 'ProxyForbiddenHost']), ...otherLocal()];
    for (const [target, code] of attempts) {
      for (const method of ['GET', 'POST', 'OPTIONS']) {
        for (const origin of [ORIGIN, undefined]) {
          const r = await rawRequest(port, {
            method, path: target, body: method === 'POST' ? 'Action=x' : undefined,
            headers: { ...(origin && { origin }), ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : { 'access-control-request-method': 'GET' }) },
          });
          assert.equal(errorOf(r).Code, code, `${mode} ${method} ${target}`);
          assert.equal(r.status, code === 'ProxyBadTarget' ? 400 : 403, `${mode} ${method} ${target}`);
          assert.deepEqual(Object.keys(errorOf(r)), ['Code', 'Message']);
        }
      }
    }
    assert.deepEqual(upstreamCalls, []);
    assert.deepEqual(recorder.requests, []);
    assert.deepEqual(bystander.requests, []);
  });
}

test('plain mode: the emulator is refused like any loopback target', async () => {
  const before = emu.log.length;
  const r = await rawRequest(plain.port, { path: `/${emu.url}/?${formEncode(signed({}))}`, headers: { origin: ORIGIN } });
  assert.deepEqual([r.status, errorOf(r).Code], [403, 'ProxyForbiddenHost']);
  assert.equal(emu.log.length, before);
});

test('only its own Host names are answered (421); a rebound DNS name reaches nothing', async () => {
  const before = emu.log.length;
  const target = `/${emu.url}/?${formEncode(signed({}))}`;  // never reaches the emulator, so it may be sent again
  for (const host of [`attacker.example:${proxy.port}`, 'attacker.example', `127.0.0.1:${proxy.port + 1}`, `127.0.0.2:${proxy.port}`,
    `localhost.:${proxy.port}`, `127.0.0.1:${proxy.port}.attacker.example`, '127.0.0.1']) {
    for (const method of ['GET', 'POST', 'OPTIONS']) {
      const r = await rawRequest(proxy.port, { method, path: target, headers: { host, origin: `http://${host}` } });
      assert.deepEqual([r.status, errorOf(r).Code], [421, 'ProxyMisdirectedRequest'], `${method} Host: ${host}`);
      assert.equal(r.headers['access-control-allow-origin'], undefined);
    }
    const same = await rawRequest(proxy.port, { path: target, headers: { host, origin: ORIGIN } });
    assert.equal(same.status, 421, `Host: ${host} from the allowed origin`);
  }
  // HTTP/1.0 may leave Host out altogether.
  const bare = await new Promise((resolve) => {
    let text = '';
    net.connect(proxy.port, '127.0.0.1', function send() { this.write(`GET ${target} HTTP/1.0\r\nOrigin: ${ORIGIN}\r\n\r\n`); })
      .on('data', (d) => { text += d; }).on('close', () => resolve(text));
  });
  assert.match(bare, /^HTTP\/1\.1 421 /);
  assert.equal(emu.log.length, before, 'the emulator saw nothing');
  for (const host of [`127.0.0.1:${proxy.port}`, `localhost:${proxy.port}`, `LocalHost:${proxy.port}`, `[::1]:${proxy.port}`]) {
    const r = await rawRequest(proxy.port, { path: `/${emu.url}/?${formEncode(signed({}))}`, headers: { host, origin: ORIGIN } });
    assert.equal(r.status, 200, `Host: ${host}: ${r.text}`);
  }
});

test('publicHosts: a proxy behind a name answers for exactly those names', async () => {
  const named = await startProxy({ origins: [ORIGIN], publicHosts: ['proxy.example.com', 'Proxy.Example.NET:8443'], log: () => {}, upstreamRequest: recordingUpstream });
  try {
    const ask = (host) => rawRequest(named.port, { path: '/https://cas.aliyuncs.com/', headers: { host, origin: ORIGIN } });
    for (const host of ['proxy.example.com', 'proxy.example.net:8443', 'PROXY.example.com', `127.0.0.1:${named.port}`]) {
      assert.equal((await ask(host)).status, 200, host);
    }
    for (const host of ['proxy.example.com:8443', 'proxy.example.net', 'evil.proxy.example.com', 'proxy.example.com.evil']) {
      assert.equal((await ask(host)).status, 421, host);
    }
  } finally { await named.close(); }
  await assert.rejects(startProxy({ publicHosts: ['proxy example'] }), /is not NAME or NAME:PORT/);
  await assert.rejects(startProxy({ publicHosts: ['http://proxy.example.com'] }), /is not NAME or NAME:PORT/);
  await assert.rejects(startProxy({ host: '0.0.0.0' }), /answers no Host header of its own/);
});

test('a request without Origin is refused for loopback targets, passed for CAS ones', async () => {
  const before = emu.log.length;
  for (const target of [`${emu.url}/?${formEncode(signed({}))}`, recorderTarget()]) {
    for (const method of ['GET', 'POST', 'OPTIONS']) {
      const r = await rawRequest(proxy.port, { method, path: `/${target}`, body: method === 'POST' ? formEncode(signed({}, { method: 'POST' })) : undefined,
        headers: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {} });
      assert.deepEqual([r.status, errorOf(r).Code], [403, 'ProxyForbiddenOrigin'], `${method} ${target}`);
    }
  }
  assert.equal(emu.log.length, before, 'the emulator saw nothing');
  assert.deepEqual(recorder.requests, []);
  const cas = await rawRequest(proxy.port, { path: '/https://cas.aliyuncs.com/?Action=x' });
  assert.equal(cas.status, 200, 'tools without an Origin may reach CAS');
  assert.equal(recorder.requests.length, 1);
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

  const noOrigin = await rawRequest(proxy.port, { path: '/https://cas.aliyuncs.com/' });
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

test('refused, reset, unresolvable and silent upstreams all get the same answer', async () => {
  // A listener that resets every connection it accepts.
  let resets = 0;
  const resetter = net.createServer((socket) => { resets += 1; socket.resetAndDestroy(); });
  await new Promise((resolve) => resetter.listen(0, '127.0.0.1', resolve));
  const resetPort = resetter.address().port;
  const quick = await startProxy({
    origins: [ORIGIN], upstreamTimeoutMs: 300, log: () => {},
    // Port 1 is privileged and unused: connecting to it is refused.
    allowLoopback: ['127.0.0.1:1', `127.0.0.1:${resetPort}`, `127.0.0.1:${recorder.port}`],
    // The CAS name goes to a name that never resolves (.invalid is reserved for that).
    upstreamRequest: (o) => http.request(o.loopback === false || !o.hostname.startsWith('127.')
      ? { ...o, protocol: 'http:', hostname: 'casview-test.invalid', port: 80, servername: undefined, agent: false } : o),
  });
  try {
    const answers = {};
    for (const [name, target] of [['refused', 'http://127.0.0.1:1/'], ['reset', `http://127.0.0.1:${resetPort}/`],
      ['unresolvable', 'https://cas.aliyuncs.com/'], ['silent', recorderTarget('?mode=hang')]]) {
      const started = performance.now();
      const r = await rawRequest(quick.port, { path: `/${target}`, headers: { origin: ORIGIN } });
      if (name === 'silent') assert.ok(performance.now() - started >= 290, 'waited for the limit');
      delete r.headers.date;
      answers[name] = r;
    }
    assert.equal(resets, 1, 'the reset case reached its listener');
    assert.ok(recorder.requests.some((q) => q.url === '/?mode=hang'), 'the silent case reached its upstream');
    assert.deepEqual([answers.refused.status, errorOf(answers.refused).Code], [502, 'ProxyUpstreamError']);
    assert.equal(answers.refused.headers['access-control-allow-origin'], ORIGIN);
    for (const name of ['reset', 'unresolvable', 'silent']) {
      assert.deepEqual([answers[name].status, answers[name].headers, answers[name].text],
        [answers.refused.status, answers.refused.headers, answers.refused.text], name);
    }
  } finally {
    await quick.close();
    await new Promise((resolve) => resetter.close(resolve));
  }
});

/** Opens a socket to port, writes `parts` one every `everyMs`, and reports what came back and when it closed. */
function trickle(port, parts, everyMs) {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    let i = 0;
    const timer = setInterval(() => { if (i < parts.length && socket.writable) socket.write(parts[i++]); }, everyMs);
    socket.on('data', (d) => { text += d; }).on('error', () => {});
    socket.on('close', () => { clearInterval(timer); resolve({ text, ms: performance.now() - started, sent: i }); });
  });
}

test('slow clients are cut off: headers and whole requests have time limits', async () => {
  const strict = await startProxy({ origins: [ORIGIN], headersTimeoutMs: 300, requestTimeoutMs: 800, log: () => {}, upstreamRequest: recordingUpstream });
  try {
    const host = `127.0.0.1:${strict.port}`;
    // Headers one byte every 40 ms: each byte arrives in time, the whole does not.
    const headers = `POST /https://cas.aliyuncs.com/ HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${ORIGIN}\r\nContent-Length: 10\r\n\r\n`;
    const slowHeaders = await trickle(strict.port, [...headers], 40);
    assert.match(slowHeaders.text, /^HTTP\/1\.1 408 /);
    assert.ok(slowHeaders.ms >= 290 && slowHeaders.ms < 2000, `${slowHeaders.ms} ms`);
    assert.ok(slowHeaders.sent < headers.length, 'cut off before the headers were done');
    // Headers at once, then the body one byte every 100 ms.
    const slowBody = await trickle(strict.port, [headers, ...'a=1&b=2&c=3'], 100);
    assert.match(slowBody.text, /^HTTP\/1\.1 408 /);
    assert.ok(slowBody.ms >= 790 && slowBody.ms < 2500, `${slowBody.ms} ms`);
    // A connection that says nothing.
    const silent = await trickle(strict.port, [], 100);
    assert.ok(silent.ms >= 290 && silent.ms < 2000, `${silent.ms} ms`);
    assert.deepEqual(recorder.requests, [], 'nothing half-received went upstream');
    // A prompt client is not hurt by the limits.
    const prompt = await trickle(strict.port, [`${headers.replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n')}a=1&b=2&cc`], 10);
    assert.match(prompt.text, /^HTTP\/1\.1 200 /);
  } finally { await strict.close(); }
  await assert.rejects(startProxy({ headersTimeoutMs: 5000, requestTimeoutMs: 1000 }), /may not exceed requestTimeoutMs/);
  await assert.rejects(startProxy({ headersTimeoutMs: 0 }), /headersTimeoutMs must be a positive integer/);
  await assert.rejects(startProxy({ requestTimeoutMs: 1.5 }), /requestTimeoutMs must be a positive integer/);
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

test('startProxy refuses origins that are not origins, and loopback targets that are not named', async () => {
  await assert.rejects(startProxy({ origins: ['http://127.0.0.1:8080/page'] }), /not an origin/);
  await assert.rejects(startProxy({ origins: ['null'] }), /not an origin/);
  await assert.rejects(startProxy({ allowLoopback: true }), /must list the loopback targets as "host:port" strings/);
  await assert.rejects(startProxy({ allowLoopback: ['127.0.0.1'] }), /is not "127\.0\.0\.1:<port>"/);
});
