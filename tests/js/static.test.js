// The static file server of scripts/serve: files under the root only (no traversal, no listing,
// no dotfiles, no symlinks out), MIME types incl. application/wasm, CSP and nosniff on every answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStatic, CONTENT_SECURITY_POLICY } from '../../scripts/static/server.js';
import { rawRequest } from './helpers/emulator-rpc.js';

let dir, site;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'casview-static-'));
  const root = join(dir, 'web');
  mkdirSync(join(root, 'casview'), { recursive: true });
  mkdirSync(join(root, 'empty'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>casview</title>');
  writeFileSync(join(root, 'casview', 'core.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  writeFileSync(join(root, 'casview', 'index.js'), 'export {};');
  writeFileSync(join(root, 'style.css'), 'body{}');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(dir, 'outside.txt'), 'outside');
  symlinkSync(join(dir, 'outside.txt'), join(root, 'link.txt'));
  site = await startStatic({ root, port: 0 });
});
after(async () => { await site.close(); rmSync(dir, { recursive: true, force: true }); });

const get = (path, method = 'GET') => rawRequest(site.port, { method, path });

test('serves files with their MIME types and the security headers', async () => {
  const cases = [['/', 'text/html; charset=utf-8'], ['/index.html?endpoint=http://127.0.0.1:8788', 'text/html; charset=utf-8'],
    ['/casview/core.wasm', 'application/wasm'], ['/casview/index.js', 'text/javascript; charset=utf-8'], ['/style.css', 'text/css; charset=utf-8']];
  for (const [path, type] of cases) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers['content-type'], type, path);
    assert.equal(r.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
  }
  assert.equal(CONTENT_SECURITY_POLICY, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' http://127.0.0.1:*; img-src 'self' data:");
  assert.equal((await get('/casview/core.wasm')).headers['content-length'], '8');
});

test('nothing outside the root, no listings, no dotfiles', async () => {
  for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/casview/..%2f..%2foutside.txt', '/casview/%2e%2e/%2e%2e/outside.txt',
    '/..%5coutside.txt', '/casview\\..\\..\\outside.txt', '/link.txt', '/.env', '/%2eenv', '/empty/', '/casview/', '//etc/passwd',
    '/missing.html', '/index.html%00.js', '/%ff', `/${'a/'.repeat(50)}`]) {
    const r = await get(path);
    assert.equal(r.status, 404, path);
    assert.equal(r.text, 'Not found\n', path);
    assert.equal(r.headers['content-security-policy'], CONTENT_SECURITY_POLICY, path);
  }
});

test('GET and HEAD only', async () => {
  assert.equal((await get('/', 'HEAD')).status, 200);
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const r = await get('/', method);
    assert.equal(r.status, 405);
    assert.equal(r.headers.allow, 'GET, HEAD');
  }
});

test('without a demo config, /casview-demo.json is a 404 like any missing file', async () => {
  const r = await get('/casview-demo.json');
  assert.deepEqual([r.status, r.text], [404, 'Not found\n']);
});

test('in demo mode, /casview-demo.json is the demo config, read per request and never cached', async () => {
  const config = join(dir, 'demo.json');
  const demo = await startStatic({ root: join(dir, 'web'), port: 0, demoConfig: config });
  try {
    const fetchConfig = (path = '/casview-demo.json') => rawRequest(demo.port, { method: 'GET', path });
    assert.equal((await fetchConfig()).status, 404, 'not written yet (the proxy is not up yet)');
    writeFileSync(config, '{"endpoint":"http://127.0.0.1:1"}');
    let r = await fetchConfig('/casview-demo.json?x=1');
    assert.deepEqual([r.status, r.text], [200, '{"endpoint":"http://127.0.0.1:1"}']);
    assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.equal(r.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    writeFileSync(config, '{"endpoint":"http://127.0.0.1:2"}');
    r = await fetchConfig();
    assert.equal(r.text, '{"endpoint":"http://127.0.0.1:2"}', 'a rewritten config is served at once');
    assert.equal((await fetchConfig('/index.html')).status, 200, 'the rest of the site as before');
  } finally {
    await demo.close();
  }
});
