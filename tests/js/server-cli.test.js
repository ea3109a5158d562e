// The servers' CLIs: on port 0 each writes its real origin to --ready-file once it listens, the
// proxy CLI refuses a loopback flag that names no target, and the demo settings writer.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_KEY } from '../../scripts/emulator/index.js';

const script = (name) => fileURLToPath(new URL(`../../scripts/${name}/main.js`, import.meta.url));
const WEB = fileURLToPath(new URL('../../web/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'casview-cli-'));
const children = [];
after(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function readyOrigin(child, file) {
  for (const end = Date.now() + 10_000; Date.now() < end;) {
    assert.equal(child.exitCode, null, 'the server exited');
    if (existsSync(file)) return readFileSync(file, 'utf8');
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${file} was not written`);
}

for (const [name, args, path] of [
  ['emulator', ['--quiet'], '/'],
  ['static', ['--root', WEB], '/'],
  ['proxy', ['--allow-loopback', '127.0.0.1:8788,localhost:8789', '--public-host', 'proxy.example.com'], '/https://evil.example/'],
]) {
  test(`${name}: --port 0 --ready-file gives the origin it really listens on`, async () => {
    const file = join(dir, name);
    const child = spawn(process.execPath, [script(name), '--host', '127.0.0.1', '--port', '0', '--ready-file', file, ...args],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    const text = await readyOrigin(child, file);
    const [, origin, port] = /^(http:\/\/127\.0\.0\.1:(\d+))\n$/.exec(text) ?? assert.fail(`ready file: ${JSON.stringify(text)}`);
    assert.notEqual(Number(port), 0);
    assert.ok(out.includes(origin), out);
    const r = await fetch(`${origin}${path}`);
    assert.ok(r.status > 0 && r.status !== 421, `${name} answers on ${origin}: ${r.status}`);
    if (name === 'proxy') assert.equal((await r.json()).Code, 'ProxyForbiddenHost');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
}

test('proxy CLI: --allow-loopback must name its targets; bad values are clear errors', () => {
  for (const [args, message] of [
    [['--allow-loopback'], /--allow-loopback names its targets, e\.g\. --allow-loopback 127\.0\.0\.1:8788/],
    [['--allow-loopback', '--origin', 'http://127.0.0.1:8080'], /--allow-loopback names its targets/],
    [['--allow-loopback', '10.0.0.1:8788'], /loopback target "10\.0\.0\.1:8788" is not "127\.0\.0\.1:<port>"/],
    [['--allow-loopback', '127.0.0.1:8788,127.0.0.1'], /loopback target "127\.0\.0\.1" is not/],
    [['--public-host', 'a/b'], /public host "a\/b" is not NAME or NAME:PORT/],
    [['--host', '0.0.0.0'], /answers no Host header of its own/],
    [['--headers-timeout-ms', 'x'], /--headers-timeout-ms must be a non-negative integer/],
  ]) {
    const r = spawnSync(process.execPath, [script('proxy'), '--port', '0', ...args], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
  }
});

test('demo-config CLI: writes the demo settings whole; a bad URL or no --out is a clear error', () => {
  const writer = fileURLToPath(new URL('../../scripts/lib/demo-config.js', import.meta.url));
  const out = join(dir, 'demo.json');
  const ok = spawnSync(process.execPath, [writer, '--out', out, '--endpoint', 'http://127.0.0.1:8788', '--proxy', 'http://127.0.0.1:8787/']);
  assert.equal(ok.status, 0, String(ok.stderr));
  assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')),
    { endpoint: 'http://127.0.0.1:8788', proxy: 'http://127.0.0.1:8787/', ...DEMO_KEY });
  const bad = spawnSync(process.execPath, [writer, '--out', out, '--endpoint', 'file:///etc/passwd', '--proxy', 'http://127.0.0.1:8787/']);
  assert.equal(bad.status, 2);
  assert.match(String(bad.stderr), /endpoint must be an http\(s\) URL/);
  const none = spawnSync(process.execPath, [writer, '--endpoint', 'http://127.0.0.1:8788', '--proxy', 'http://127.0.0.1:8787/']);
  assert.equal(none.status, 2);
  assert.match(String(none.stderr), /--out PATH is required/);
});
