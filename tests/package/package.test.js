// The npm package as a user gets it: `npm pack`; the tarball holds exactly
// the files that ship; a fresh Vite project installs it offline, `vite build` bundles it (the
// .wasm emitted as an asset), and the built pages run in headless Chromium under the strict CSP
// of scripts/static; Node 20 imports it by name; tsc checks tests/types/usage.ts against the
// repository's own types and against the installed package's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, DEMO_KEY } from '../../scripts/emulator/index.js';
import { startProxy } from '../../scripts/proxy/index.js';
import { startStatic } from '../../scripts/static/server.js';
import { launchBrowser } from '../browser/helpers/stack.js';
import { CSP_PROBE, watchPage } from '../browser/helpers/watch.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGE_DIR = join(ROOT, 'web/casview');
const BIN = join(ROOT, 'node_modules/.bin');
const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
const { vectors } = JSON.parse(await readFile(join(ROOT, 'tests/vectors/signature-vectors.json'), 'utf8'));
// Non-ASCII values: the UTF-8 path through the bundled module is exercised too.
const VECTOR = vectors.find((v) => v.id === 'cas-chinese') ?? vectors[0];
const CERT_PAGE = join(ROOT, 'tests/fixtures/pages/certificates.json');

/** Runs a command; rejects with its output on failure. */
function run(file, args, { cwd = ROOT, timeout = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, timeout, maxBuffer: 16 << 20, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        if (error) {
          error.message += `\n$ ${file} ${args.join(' ')}\n${stdout}\n${stderr}`;
          reject(error);
        } else {
          resolve({ stdout, stderr });
        }
      });
  });
}

let work;        // the temporary directory of everything below
let packed;      // npm pack --json's record of the tarball
let tarball;     // its path
let app;         // the fresh Vite project
let vite;        // its vite binary
let viteFrom;    // how vite came into it (reported)

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'casview-package-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work]);
  [packed] = JSON.parse(stdout.slice(stdout.search(/^\[/m)));  // after any lifecycle output
  tarball = join(work, packed.filename);
  app = join(work, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'casview-consumer', private: true, type: 'module' }, null, 2));
  // Offline: vite from the npm cache that `npm ci` filled (scripts/setup), else the repository's own.
  const install = ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'];
  vite = join(app, 'node_modules/.bin/vite');
  try {
    await run('npm', [...install, tarball, `vite@${pkg.devDependencies.vite}`], { cwd: app });
    viteFrom = `vite@${pkg.devDependencies.vite} installed offline from the npm cache`;
  } catch (error) {
    await run('npm', [...install, tarball], { cwd: app });
    vite = join(BIN, 'vite');
    viteFrom = `the repository's node_modules/.bin/vite (offline install failed: ${error.message.split('\n')[0]})`;
  }
});
after(() => work && rm(work, { recursive: true, force: true }));

test('the tarball holds exactly the files that ship', async (t) => {
  const modules = (await readdir(PACKAGE_DIR)).filter((f) => f.endsWith('.js'));
  assert.ok(modules.includes('casview-core.js'), 'the WASM glue is built (scripts/build wasm-release)');
  const expected = ['package.json', 'README.md', 'web/casview/index.d.ts', 'web/casview/casview-core.wasm',
    ...modules.map((f) => `web/casview/${f}`)];
  if (existsSync(join(ROOT, 'LICENSE'))) expected.push('LICENSE');
  const files = packed.files.map((f) => f.path);
  assert.deepEqual([...files].sort(), expected.sort());
  // Every relative import of a shipped module is shipped too.
  for (const module of modules.filter((f) => f !== 'casview-core.js')) {
    const text = await readFile(join(PACKAGE_DIR, module), 'utf8');
    for (const [, target] of text.matchAll(/(?:from|import\()\s*'(\.\/[^']+)'/g)) {
      assert.ok(files.includes(`web/casview/${target.slice(2)}`), `${module} imports ${target}, which ships`);
    }
  }
  const wasm = packed.files.find((f) => f.path.endsWith('.wasm'));
  assert.equal(wasm.size, (await readFile(join(PACKAGE_DIR, 'casview-core.wasm'))).length);
  t.diagnostic(`${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${files.length} files`);
});

test('a fresh Vite project installs, bundles and runs it in Chromium', async (t) => {
  t.diagnostic(`bundler: ${viteFrom}`);
  const page = (title, script) => `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head>\n`
    + `<body><script type="module" src="/${script}"></script></body></html>\n`;
  await writeFile(join(app, 'index.html'), page('casview consumer', 'main.js'));
  await writeFile(join(app, 'sign.html'), page('casview signing only', 'sign.js'));
  // The whole API: signing, a listing of every page into an inventory (signed requests over
  // Emscripten fetch, through the project's CORS proxy to the emulator), a query, and a refusal
  // before anything is sent. The test calls window.consume with the connection and a vector.
  await writeFile(join(app, 'main.js'), `import { CasError, createClient, createInventory, signRpcRequest } from 'casview';

window.consume = async ({ vector, connection }) => {
  const signed = await signRpcRequest({ method: vector.method, params: vector.params, accessKeySecret: vector.secret });
  const inventory = await createInventory();
  const client = await createClient({ ...connection, maxRetries: 0 });
  const progress = [];
  const entries = await client.listAll({ OrderType: 'CERT', Status: ['ISSUED', 'WILLEXPIRED', 'EXPIRED'], ShowSize: 10 },
    { inventory, site: 'cn', onProgress: (p) => progress.push(p) });
  const { rows, matched } = inventory.query({ sort: { key: 'name' } });
  const refused = await client.listUserCertificateOrder({ OrderType: 'NOPE' })
    .then(() => 'sent', (e) => e instanceof CasError && e.code + ':' + e.param);
  return { signed, entries, inventorySize: inventory.size, matched, rowIds: rows.map((r) => r.id), progress: progress.length, refused };
};
document.title = 'ready';
`);
  // Only signRpcRequest: sideEffects:false lets the bundler leave the client and inventory out.
  await writeFile(join(app, 'sign.js'), `import { signRpcRequest } from 'casview';

window.consume = async ({ vector }) => ({
  signed: await signRpcRequest({ method: vector.method, params: vector.params, accessKeySecret: vector.secret }),
});
document.title = 'ready';
`);
  await writeFile(join(app, 'vite.config.js'),
    "export default { build: { rollupOptions: { input: { main: 'index.html', sign: 'sign.html' } } } };\n");

  await run(vite, ['build', '--logLevel', 'warn'], { cwd: app });
  const dist = join(app, 'dist');
  const assets = await readdir(join(dist, 'assets'));
  const wasmAssets = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasmAssets.length, 1, `one .wasm emitted: ${assets.join(', ')}`);
  assert.deepEqual(await readFile(join(dist, 'assets', wasmAssets[0])), await readFile(join(PACKAGE_DIR, 'casview-core.wasm')));

  // What sign.html loads holds no client or inventory code.
  const signHtml = await readFile(join(dist, 'sign.html'), 'utf8');
  const signChunks = [...signHtml.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  assert.ok(signChunks.length > 0, signHtml);
  const signCode = (await Promise.all(signChunks.map((f) => readFile(join(dist, f), 'utf8')))).join('\n');
  // (The Emscripten glue names every export; these option names are client.js's and inventory.js's.)
  assert.ok(signCode.includes('accessKeySecret'));
  assert.ok(!signCode.includes('requestsPerSecond') && !signCode.includes('hideSuperseded'),
    'the signing page carries no client or inventory code');

  const site = await startStatic({ root: dist });
  const emulator = await startEmulator({ seed: 'package', certs: 25, orders: 0, rateLimit: false });
  const proxy = await startProxy({ origins: [new URL(site.url).origin], allowLoopback: [new URL(emulator.url).host], log: () => {} });
  const browser = await launchBrowser();
  try {
    const connection = { ...DEMO_KEY, endpoint: emulator.url, proxy: proxy.url };
    const truth = emulator.truth({ OrderType: 'CERT', Status: ['ISSUED', 'WILLEXPIRED', 'EXPIRED'] }).CertificateOrderList;
    for (const path of ['index.html', 'sign.html']) {
      const tab = await browser.context.newPage();
      await tab.addInitScript(CSP_PROBE);
      const watch = watchPage(tab, { secrets: [DEMO_KEY.accessKeySecret] });
      const wasmResponses = [];
      tab.on('response', (r) => { if (r.url().endsWith('.wasm')) wasmResponses.push(r); });
      await tab.goto(site.url + path);
      await tab.waitForFunction(() => document.title === 'ready');
      const result = await tab.evaluate((input) => window.consume(input), { vector: VECTOR, connection });
      checkSigned(result);
      if (path === 'index.html') {
        assert.ok(truth.length > 10, 'more than one page');
        assert.deepEqual(sortById(result.entries), sortById(truth));
        assert.equal(result.inventorySize, truth.length, 'listAll({ inventory }) filled the inventory');
        assert.equal(result.matched, truth.length);
        assert.deepEqual([...result.rowIds].sort(), truth.map((e) => `cn/certificate:${e.CertificateId}`).sort());
        assert.ok(result.progress >= 3, 'progress after each page');
        assert.equal(result.refused, 'InvalidParameter:OrderType');
      }
      assert.equal(wasmResponses.length, 1, `${path} fetched the .wasm once`);
      assert.equal(wasmResponses[0].status(), 200);
      assert.equal(wasmResponses[0].headers()['content-type'], 'application/wasm');
      assert.equal(new URL(wasmResponses[0].url()).pathname, `/assets/${wasmAssets[0]}`);
      await watch.assertClean(assert);
      await tab.close();
    }
  } finally {
    await browser.close();
    await Promise.all([site.close(), proxy.close(), emulator.close()]);
  }
});

const sortById = (entries) => [...entries].sort((a, b) => String(a.CertificateId).localeCompare(String(b.CertificateId)));

function checkSigned({ signed }) {
  assert.deepEqual(signed, {
    canonicalizedQuery: VECTOR.expectedCanonicalizedQuery,
    stringToSign: VECTOR.expectedStringToSign,
    signature: VECTOR.expectedSignature,
  });
}

test('Node 20 imports the installed package by name and signs', async () => {
  const installed = JSON.parse(await readFile(join(app, 'node_modules/casview/package.json'), 'utf8'));
  assert.equal(installed.version, pkg.version);
  const script = `
    const { signRpcRequest, createInventory, CasError } = await import('casview');
    const vector = JSON.parse(process.argv[1]);
    const signed = await signRpcRequest({ method: vector.method, params: vector.params, accessKeySecret: vector.secret });
    const inventory = await createInventory({ nowMs: Date.UTC(2024, 0, 1) });
    const page = JSON.parse(process.argv[2]);
    const added = inventory.add(page.CertificateOrderList, { orderType: 'CERT' });
    const refused = await signRpcRequest({ method: 'PUT', params: {}, accessKeySecret: 's' }).catch((e) => e instanceof CasError && e.code);
    console.log(JSON.stringify({ signed, added, refused, node: process.version }));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(VECTOR),
    await readFile(CERT_PAGE, 'utf8')], { cwd: app });
  const result = JSON.parse(stdout);
  checkSigned(result);
  assert.equal(result.added, 3);
  assert.equal(result.refused, 'InvalidParameter');
});

test('tsc accepts tests/types/usage.ts (and rejects the wrong usages in it)', async () => {
  // The installed package's types, as a Node ESM project sees them (moduleResolution node16).
  const checked = join(work, 'types');
  await mkdir(checked);
  await copyFile(join(ROOT, 'tests/types/usage.ts'), join(checked, 'usage.ts'));
  await writeFile(join(checked, 'package.json'), JSON.stringify({ type: 'module' }));
  await symlink(join(app, 'node_modules'), join(checked, 'node_modules'));
  await writeFile(join(checked, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'node16', moduleResolution: 'node16',
      lib: ['ES2022', 'DOM'], types: [] },
    files: ['usage.ts'],
  }));
  await Promise.all([
    run(join(BIN, 'tsc'), ['-p', 'tests/types']),  // the repository's types, through the package's own name
    run(join(BIN, 'tsc'), ['-p', checked]),
  ]);
});
