// scripts/nginx/casview-proxy.conf run by Debian's nginx (unprivileged master in a temp prefix)
// in front of the emulator: it forwards signed calls, refuses every escape attempt without the
// upstream seeing anything, answers preflight, strips cookies and auth both ways, refuses
// redirects and oversize bodies, gives one answer for refused and reset upstreams, and its logs
// hold no query strings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, chmodSync, existsSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderConf } from '../../scripts/nginx/render.js';
import { startEmulator, DEMO_KEY } from '../../scripts/emulator/index.js';
import { signed, formEncode, rawRequest } from './helpers/emulator-rpc.js';
import { ESCAPES, assertCorsAnswer, assertPreflightAnswer } from './helpers/proxy-contract.js';
import { freePort, startRecorder } from './helpers/net.js';

const NGINX = '/usr/sbin/nginx'; // Debian nginx-light, installed by scripts/setup
const ORIGIN = 'http://127.0.0.1:8080';

let dir, nginx, port, emu, recorder, resetter;
let resets = 0;

/**
 * Starts nginx on a port that was free a moment ago. nginx writes its pid file only after it has
 * bound its listen socket, so the pid file says that this nginx (not whoever else) listens; if
 * another process took the port first, nginx exits and another port is tried.
 */
async function startNginx() {
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    writeFileSync(join(dir, 'casview-proxy.conf'), renderConf({
      origins: [ORIGIN], listen: `127.0.0.1:${port}`, resolver: '127.0.0.1',
      accessLog: join(dir, 'access.log'), errorLog: join(dir, 'error.log'),
      loopbackPorts: [emu.port, recorder.port, resetter.address().port, 1],  // nothing listens on port 1
    }));
    const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', `daemon off; pid ${dir}/nginx.pid;`];
    const check = spawnSync(NGINX, ['-t', ...args], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    rmSync(join(dir, 'nginx.pid'), { force: true });
    nginx = spawn(NGINX, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    nginx.stderr.on('data', (d) => { stderr += d; });
    for (const end = Date.now() + 10_000; Date.now() < end && nginx.exitCode === null;) {
      if (existsSync(join(dir, 'nginx.pid')) && readFileSync(join(dir, 'nginx.pid'), 'utf8').trim() === String(nginx.pid)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    if (nginx.exitCode === null) throw new Error(`nginx did not start within 10 s: ${stderr}`);
    if (!/Address already in use/.test(stderr) || attempt === 5) throw new Error(`nginx exited with ${nginx.exitCode}: ${stderr}`);
  }
}

before(async () => {
  assert.ok(existsSync(NGINX), `${NGINX} is missing: run scripts/setup (Debian nginx-light)`);
  emu = await startEmulator({ seed: 'nginx', certs: 20, orders: 10 });
  recorder = await startRecorder();
  // Accepts connections and resets each one at once.
  resetter = net.createServer((socket) => { resets += 1; socket.resetAndDestroy(); });
  await new Promise((resolve) => resetter.listen(0, '127.0.0.1', resolve));
  dir = mkdtempSync(join(tmpdir(), 'casview-nginx-'));
  chmodSync(dir, 0o755); // workers run as nobody when the test runs as root
  // Debian's build puts temp paths under /var/lib/nginx; keep everything in the prefix.
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
  writeFileSync(join(dir, 'nginx.conf'), `worker_processes 1;\nerror_log ${dir}/main-error.log notice;\n`
    + `events { worker_connections 64; }\nhttp { ${temp}\n  include ${dir}/casview-proxy.conf;\n}\n`);
  await startNginx();
});
after(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx.once('exit', r));
    nginx.kill('SIGTERM');
    await exited;
  }
  await emu?.close();
  await recorder?.close();
  if (resetter) await new Promise((resolve) => resetter.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const via = (target, options) => rawRequest(port, { path: `/${target}`, ...options });
const code = (r) => JSON.parse(r.text).Code;

test('the production config as shipped passes nginx -t (log paths redirected)', () => {
  const prod = mkdtempSync(join(tmpdir(), 'casview-nginx-prod-'));
  try {
    writeFileSync(join(prod, 'casview-proxy.conf'), renderConf({ accessLog: join(prod, 'a.log'), errorLog: join(prod, 'e.log') }));
    writeFileSync(join(prod, 'nginx.conf'), `error_log ${prod}/main.log;\nevents {}\nhttp { include ${prod}/casview-proxy.conf; }\n`);
    const r = spawnSync(NGINX, ['-t', '-p', prod, '-c', join(prod, 'nginx.conf'), '-g', `pid ${prod}/nginx.pid;`], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  } finally { rmSync(prod, { recursive: true, force: true }); }
});

test('forwards signed GET and POST calls to the emulator, with CORS headers for the page origin', async () => {
  const get = await via(`${emu.url}/?${formEncode(signed({ OrderType: 'CERT', ShowSize: '5' }))}`, { headers: { origin: ORIGIN } });
  assert.equal(get.status, 200, get.text);
  assert.equal(JSON.parse(get.text).TotalCount, emu.truth({ OrderType: 'CERT' }).TotalCount);
  assertCorsAnswer(get, ORIGIN);
  assert.equal(get.headers['x-acs-request-id'], JSON.parse(get.text).RequestId);
  assert.equal(get.headers['access-control-allow-methods'], undefined, 'preflight headers on OPTIONS only');
  const post = await via(`${emu.url}/`, {
    method: 'POST', body: formEncode(signed({ OrderType: 'UPLOAD' }, { method: 'POST' })),
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(post.status, 200, post.text);
  assert.equal(JSON.parse(post.text).TotalCount, emu.truth({ OrderType: 'UPLOAD' }).TotalCount);
  const refused = await via(`${emu.url}/?${formEncode(signed({}, { key: { ...DEMO_KEY, accessKeySecret: 'x' } }))}`);
  assert.deepEqual([refused.status, code(refused)], [400, 'SignatureDoesNotMatch']);
});

test('refuses every escape attempt; nothing reaches the upstream', async () => {
  const before = emu.log.length;
  const tricks = [`/http://127.0.0.1:${emu.port}@evil.com/`, `/http://2130706433:${emu.port}/`, `/http://[::1]:${emu.port}/`,
    `/http://localhost:${emu.port}/`, `/http://127.0.0.1:${emu.port}/../`, `/http://127.0.0.1:${emu.port}/x`,
    `/http://127.0.0.1:${emu.port}//`, `/http://127.0.0.1%3A${emu.port}/`, `/https://127.0.0.1:${emu.port}/`];
  for (const target of [...ESCAPES.map(([t]) => t), ...tricks]) {
    for (const method of ['GET', 'POST']) {
      const r = await rawRequest(port, { method, path: target, body: method === 'POST' ? 'Action=x' : undefined });
      // nginx itself answers 400 to request lines it cannot parse (e.g. "*"); all else is ours.
      assert.ok(r.status === 403 || r.status === 400, `${method} ${target}: ${r.status} ${r.text}`);
      if (r.status === 403) assert.equal(code(r), 'ProxyForbiddenHost', target);
    }
  }
  assert.equal(emu.log.length, before, 'the emulator saw nothing');
  assert.deepEqual(recorder.requests, []);
});

test('preflight is answered by nginx; other origins and methods are refused', async () => {
  const before = emu.log.length;
  const ok = await via(`${emu.url}/`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
  assertPreflightAnswer(ok, ORIGIN);
  const foreign = await via(`${emu.url}/`, { headers: { origin: 'http://evil.example' } });
  assert.deepEqual([foreign.status, code(foreign), foreign.headers['access-control-allow-origin']], [403, 'ProxyForbiddenOrigin', undefined]);
  const forbiddenPreflight = await via('https://evil.example/', { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'GET' } });
  assert.deepEqual([forbiddenPreflight.status, code(forbiddenPreflight)], [403, 'ProxyForbiddenHost']);
  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    const r = await via(`${emu.url}/`, { method, body: 'x' });
    assert.deepEqual([r.status, code(r)], [405, 'ProxyMethodNotAllowed'], method);
  }
  assert.equal(emu.log.length, before, 'none of these reached the emulator');
});

test('cookies and auth headers are stripped both ways', async () => {
  const r = await via(`${emu.url}/?${formEncode(signed({}))}`, {
    headers: { origin: ORIGIN, cookie: 'sid=1', authorization: 'Basic eDp5', 'proxy-authorization': 'Basic eDp5', referer: 'http://x/', 'x-forwarded-for': '10.1.1.1' },
  });
  assert.equal(r.status, 200);
  const { headers } = emu.log[emu.log.length - 1];
  for (const name of ['cookie', 'authorization', 'proxy-authorization', 'origin', 'referer', 'x-forwarded-for']) {
    assert.equal(headers[name], undefined, name);
  }
  const back = await via(`http://127.0.0.1:${recorder.port}/`, { headers: { origin: ORIGIN } });
  assert.equal(back.status, 200);
  assert.equal(back.headers['set-cookie'], undefined);
  assert.equal(back.headers['www-authenticate'], undefined);
  assert.equal(back.headers['access-control-allow-origin'], ORIGIN, 'ours, not the upstream "*"');
});

test('an upstream redirect becomes 502 ProxyRedirectRefused; oversize bodies 413', async () => {
  const r = await via(`http://127.0.0.1:${recorder.port}/?mode=redirect`);
  assert.deepEqual([r.status, code(r)], [502, 'ProxyRedirectRefused']);
  assert.equal(r.headers.location, undefined);
  const big = await via(`${emu.url}/`, { method: 'POST', body: 'a'.repeat(64 * 1024 + 1), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.deepEqual([big.status, code(big)], [413, 'ProxyRequestTooLarge']);
});

test('a refused and a reset upstream get the same answer', async () => {
  const refused = await via('http://127.0.0.1:1/', { headers: { origin: ORIGIN } });
  const reset = await via(`http://127.0.0.1:${resetter.address().port}/`, { headers: { origin: ORIGIN } });
  assert.equal(resets, 1, 'the reset case reached its listener');
  assert.deepEqual([refused.status, code(refused)], [502, 'ProxyUpstreamError']);
  for (const r of [refused, reset]) delete r.headers.date;
  assert.deepEqual([reset.status, reset.headers, reset.text], [refused.status, refused.headers, refused.text]);
});

test('the access log holds method, target, status and time, never a query string or AccessKeyId', async () => {
  await via(`${emu.url}/?${formEncode(signed({ Keyword: 'secret-keyword' }))}`);
  await new Promise((r) => setTimeout(r, 100)); // nginx writes the line after the response
  const log = readFileSync(join(dir, 'access.log'), 'utf8');
  assert.match(log, new RegExp(`GET http://127\\.0\\.0\\.1:${emu.port} 200 [\\d.]+s`));
  for (const secret of ['?', 'AccessKeyId', DEMO_KEY.accessKeyId, 'Signature', 'secret-keyword']) {
    assert.ok(!log.includes(secret), `access log contains ${secret}`);
  }
  const errors = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
  assert.ok(!errors.includes(DEMO_KEY.accessKeyId), 'error log contains an AccessKeyId');
});
