// scripts/serve: starts the static server, the proxy and the emulator on 127.0.0.1, prints the
// demo page URL (?demo) and the demo AccessKey once all three listen, serves the demo settings, and stops all of them on SIGTERM.
// Ports 0 and the printed URLs: no port is picked here that another process could take first.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_KEY } from '../../scripts/emulator/index.js';
import { CONTENT_SECURITY_POLICY } from '../../scripts/static/server.js';
import { signed, formEncode } from './helpers/emulator-rpc.js';

const SERVE = fileURLToPath(new URL('../../scripts/serve', import.meta.url));
const INDEX = fileURLToPath(new URL('../../web/index.html', import.meta.url));

let child;
after(() => { if (child && child.exitCode === null) process.kill(-child.pid, 'SIGKILL'); });

test('scripts/serve serves the demo and stops cleanly on SIGTERM', async () => {
  // --no-build: scripts/setup and scripts/build are tested on their own and take minutes.
  child = spawn(SERVE, ['--no-build', '--web-port', '0', '--proxy-port', '0', '--emulator-port', '0', '--certs', '12', '--orders', '6'],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  for (let i = 0; i < 400 && !out.includes('Ctrl-C stops all.'); i++) {
    assert.equal(child.exitCode, null, `serve exited early:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  // The printed URL carries no key: the page fetches the demo settings from its own server.
  const open = /open: {2}(http:\/\/127\.0\.0\.1:(\d+)\/\?demo)\n/.exec(out);
  assert.ok(open, out);
  const [, pageUrl, web] = open;
  const [, proxy] = /proxy {5}http:\/\/127\.0\.0\.1:(\d+)\//.exec(out) ?? [];
  const [, emulator] = /emulator {2}http:\/\/127\.0\.0\.1:(\d+) /.exec(out) ?? [];
  assert.ok(proxy && emulator && out.includes(`page      http://127.0.0.1:${web}/`), out);
  assert.equal(new Set([web, emulator, proxy]).size, 3, 'three ports');
  assert.ok(out.includes(DEMO_KEY.accessKeyId) && out.includes(DEMO_KEY.accessKeySecret), 'demo AccessKey printed');
  const demo = await fetch(`http://127.0.0.1:${web}/casview-demo.json`);
  assert.equal(demo.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await demo.json(), {
    endpoint: `http://127.0.0.1:${emulator}`, proxy: `http://127.0.0.1:${proxy}/`, ...DEMO_KEY,
  }, 'the demo settings name this run\'s emulator and proxy');

  const page = await fetch(pageUrl);
  assert.equal(page.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  assert.equal(page.status, existsSync(INDEX) ? 200 : 404); // web/index.html belongs to the page's issue
  const module = await fetch(`http://127.0.0.1:${web}/casview/`);
  assert.equal(module.status, 404, 'no directory listing');

  // The page's path: page origin → proxy → emulator, signed with the demo key.
  const viaProxy = await fetch(`http://127.0.0.1:${proxy}/http://127.0.0.1:${emulator}/?${formEncode(signed({ OrderType: 'CERT' }))}`,
    { headers: { origin: `http://127.0.0.1:${web}` } });
  assert.equal(viaProxy.status, 200, await viaProxy.clone().text());
  assert.equal(viaProxy.headers.get('access-control-allow-origin'), `http://127.0.0.1:${web}`);
  assert.equal((await viaProxy.json()).CurrentPage, 1);
  const refused = await fetch(`http://127.0.0.1:${proxy}/https://evil.example/`);
  assert.equal(refused.status, 403);
  // The emulator is the proxy's one local target: the page's own server is not another.
  const local = await fetch(`http://127.0.0.1:${proxy}/http://127.0.0.1:${web}/`, { headers: { origin: `http://127.0.0.1:${web}` } });
  assert.deepEqual([local.status, (await local.json()).Code], [403, 'ProxyForbiddenHost']);

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.kill('SIGTERM');
  const started = Date.now();
  assert.deepEqual(await exited, { code: 0, signal: null });
  assert.ok(Date.now() - started < 5000, 'stopped promptly');
  // serve waits for its servers: none is left in its process group (a freed port may be anyone's by now).
  assert.throws(() => process.kill(-child.pid, 0), { code: 'ESRCH' }, 'a server of serve still runs');
});

test('scripts/serve refuses unknown options', async () => {
  const run = spawn(SERVE, ['--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  run.stderr.on('data', (d) => { err += d; });
  const code = await new Promise((resolve) => run.once('exit', resolve));
  assert.equal(code, 2);
  assert.match(err, /unknown option --bogus/);
});
