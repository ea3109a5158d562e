// scripts/serve: starts the static server, the proxy and the emulator on 127.0.0.1, prints the
// preset page URL and the demo AccessKey, and stops all of them on SIGTERM.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_KEY } from '../../scripts/emulator/index.js';
import { CONTENT_SECURITY_POLICY } from '../../scripts/static/server.js';
import { signed, formEncode } from './helpers/emulator-rpc.js';
import { freePort, isListening } from './helpers/net.js';

const SERVE = fileURLToPath(new URL('../../scripts/serve', import.meta.url));
const INDEX = fileURLToPath(new URL('../../web/index.html', import.meta.url));

let child;
after(() => { if (child && child.exitCode === null) process.kill(-child.pid, 'SIGKILL'); });

test('scripts/serve serves the demo and stops cleanly on SIGTERM', async () => {
  const [web, proxy, emulator] = [await freePort(), await freePort(), await freePort()];
  // --no-build: scripts/setup and scripts/build are tested on their own and take minutes.
  child = spawn(SERVE, ['--no-build', '--web-port', web, '--proxy-port', proxy, '--emulator-port', emulator, '--certs', '12', '--orders', '6'],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const pageUrl = `http://127.0.0.1:${web}/?endpoint=http://127.0.0.1:${emulator}&proxy=http://127.0.0.1:${proxy}/`;
  for (let i = 0; i < 200 && !out.includes('Ctrl-C stops all.'); i++) {
    assert.equal(child.exitCode, null, `serve exited early:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(out.includes(`open:  ${pageUrl}`), out);
  assert.ok(out.includes(DEMO_KEY.accessKeyId) && out.includes(DEMO_KEY.accessKeySecret), 'demo AccessKey printed');

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

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.kill('SIGTERM');
  const started = Date.now();
  assert.deepEqual(await exited, { code: 0, signal: null });
  assert.ok(Date.now() - started < 5000, 'stopped promptly');
  for (const port of [web, proxy, emulator]) assert.equal(await isListening(port), false, `port ${port} still open`);
});

test('scripts/serve refuses unknown options', async () => {
  const run = spawn(SERVE, ['--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  run.stderr.on('data', (d) => { err += d; });
  const code = await new Promise((resolve) => run.once('exit', resolve));
  assert.equal(code, 2);
  assert.match(err, /unknown option --bogus/);
});
