// scripts/lib/deb-src-entry.js: the deb-src stanza scripts/setup adds, derived from a
// throwaway apt directory (never the machine's, and apt-get is never run).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/lib/deb-src-entry.js', import.meta.url));
const roots = [];
after(() => { for (const r of roots) rmSync(r, { recursive: true, force: true }); });

// files: { 'sources.list': text, 'sources.list.d/x.sources': text, ... }; osRelease: its text,
// or null for a machine without /etc/os-release.
function run(files, { osRelease = 'ID=debian\nVERSION_CODENAME=bookworm\n', args = [] } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'casview-apt-'));
  roots.push(root);
  const apt = join(root, 'apt');
  mkdirSync(join(apt, 'sources.list.d'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(apt, name), text);
  const release = join(root, 'os-release');
  if (osRelease !== null) writeFileSync(release, osRelease);
  const r = spawnSync(process.execPath, [SCRIPT, '--os-release', release, ...args, apt], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';

// The layout of Debian 12's own debian.sources, with a mirror in place of the public archive.
const DEBIAN_SOURCES = `Types: deb
# a snapshot of the archive, kept as a comment inside the stanza
URIs: http://mirror.corp.example/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: ${KEYRING}

Types: deb
URIs: http://mirror.corp.example/debian-security
Suites: bookworm-security
Components: main
Signed-By: ${KEYRING}
`;

test('deb822: copies the bookworm stanza\'s URIs and Signed-By, only the bookworm suite', () => {
  const r = run({ 'sources.list.d/debian.sources': DEBIAN_SOURCES });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `Types: deb-src
URIs: http://mirror.corp.example/debian
Suites: bookworm
Components: main
Signed-By: ${KEYRING}
`);
});

test('deb822: several URIs in one stanza stay together; a disabled stanza is skipped', () => {
  const r = run({
    'sources.list.d/a.sources': `Types: deb
URIs: http://off.example/debian
Suites: bookworm
Components: main
Enabled: no
Signed-By: /etc/apt/keyrings/off.gpg
`,
    'sources.list.d/b.sources': `types: deb deb-src-not-a-type
uris: http://one.example/debian
 http://two.example/debian
suites: bookworm
components: contrib main non-free-firmware
signed-by: /etc/apt/keyrings/corp.gpg
`,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `Types: deb-src
URIs: http://one.example/debian http://two.example/debian
Suites: bookworm
Components: main
Signed-By: /etc/apt/keyrings/corp.gpg
`);
});

test('deb822: an embedded armored key is copied line for line', () => {
  const key = ' -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n mQINBGPL0BUBEADmW5NdOOHwPIJl\n -----END PGP PUBLIC KEY BLOCK-----';
  const r = run({ 'sources.list.d/corp.sources': `Types: deb\nURIs: https://m.example/debian\nSuites: bookworm\nComponents: main\nSigned-By:\n${key}\n` });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `Types: deb-src\nURIs: https://m.example/debian\nSuites: bookworm\nComponents: main\nSigned-By:\n${key}\n`);
});

test('one-line with [signed-by=...] and other options', () => {
  const r = run({ 'sources.list': `deb [ arch=amd64 signed-by=/etc/apt/keyrings/corp.gpg ] https://mirror.corp.example/debian bookworm main contrib\n` });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `Types: deb-src
URIs: https://mirror.corp.example/debian
Suites: bookworm
Components: main
Signed-By: /etc/apt/keyrings/corp.gpg
`);
});

test('one-line without options: no Signed-By line; other suites and components do not match', () => {
  const r = run({
    'sources.list': [
      'deb http://mirror.example/debian bookworm-updates main',
      'deb http://other.example/debian bookworm contrib # main comes from the mirror',
      'deb http://mirror.example/debian bookworm main # trailing comment',
    ].join('\n') + '\n',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'Types: deb-src\nURIs: http://mirror.example/debian\nSuites: bookworm\nComponents: main\n');
});

test('several URIs over several entries: merged per Signed-By, each URI once', () => {
  const r = run({
    'sources.list': 'deb http://a.example/debian bookworm main\ndeb http://b.example/debian bookworm main\n',
    'sources.list.d/extra.list': 'deb http://a.example/debian bookworm main\n'
      + 'deb [signed-by=/etc/apt/keyrings/c.gpg] http://c.example/debian bookworm main\n',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `Types: deb-src
URIs: http://a.example/debian http://b.example/debian
Suites: bookworm
Components: main

Types: deb-src
URIs: http://c.example/debian
Suites: bookworm
Components: main
Signed-By: /etc/apt/keyrings/c.gpg
`);
});

test('an existing deb-src entry for bookworm main (either format) means nothing to add', () => {
  for (const files of [
    { 'sources.list.d/debian.sources': DEBIAN_SOURCES, 'sources.list': 'deb-src http://src.example/debian bookworm main\n' },
    { 'sources.list.d/debian.sources': DEBIAN_SOURCES.replace('Types: deb\n', 'Types: deb deb-src\n') },
    { 'sources.list.d/debian.sources': DEBIAN_SOURCES, 'sources.list.d/src.sources': 'Types: deb-src\nURIs: http://src.example/debian\nSuites: bookworm\nComponents: main\n' },
  ]) {
    const r = run(files);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '', JSON.stringify(files));
  }
});

test('a deb-src entry that does not cover bookworm main still needs one', () => {
  const r = run({
    'sources.list.d/debian.sources': DEBIAN_SOURCES,
    'sources.list': 'deb-src http://src.example/debian bookworm contrib\n# deb-src http://src.example/debian bookworm main\n',
    'sources.list.d/off.sources': 'Types: deb-src\nURIs: http://src.example/debian\nSuites: bookworm\nComponents: main\nEnabled: no\n',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Types: deb-src\nURIs: http:\/\/mirror\.corp\.example\/debian\n/);
});

test('a commented-out deb line is ignored', () => {
  const r = run({
    'sources.list': '# deb [signed-by=/old.gpg] http://old.example/debian bookworm main\n'
      + '   #deb http://old2.example/debian bookworm main\n'
      + 'deb http://new.example/debian bookworm main\n',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'Types: deb-src\nURIs: http://new.example/debian\nSuites: bookworm\nComponents: main\n');
});

test('no bookworm main deb entry: a clear error, nothing printed', () => {
  for (const files of [
    {},
    { 'sources.list': '# deb http://mirror.example/debian bookworm main\n' },
    { 'sources.list.d/debian.sources': DEBIAN_SOURCES.replace(/Suites: bookworm bookworm-updates/, 'Suites: bookworm-updates') },
    { 'sources.list.d/node.sources': 'Types: deb\nURIs: https://node.example/node_20.x\nSuites: nodistro\nComponents: main\n' },
    // only .list and .sources files count, as for apt
    { 'sources.list.d/debian.sources.disabled': DEBIAN_SOURCES, 'sources.list.d/old.list.save': 'deb http://m.example/debian bookworm main\n' },
  ]) {
    const r = run(files);
    assert.equal(r.status, 1, JSON.stringify(files));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^deb-src-entry: no enabled "deb" entry for bookworm main to copy a deb-src entry from/);
  }
});

test('the codename comes from VERSION_CODENAME, bookworm when absent', () => {
  const files = { 'sources.list': 'deb http://m.example/debian trixie main\ndeb http://m.example/debian bookworm main\n' };
  assert.match(run(files, { osRelease: 'VERSION_CODENAME="trixie"\n' }).stdout, /^Suites: trixie$/m);
  assert.match(run(files, { osRelease: 'ID=debian\n' }).stdout, /^Suites: bookworm$/m);
  assert.match(run(files, { osRelease: null }).stdout, /^Suites: bookworm$/m);
  const r = run({ 'sources.list': 'deb http://m.example/debian bookworm main\n' }, { osRelease: 'VERSION_CODENAME=trixie\n' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no enabled "deb" entry for trixie main/);
});

test('--ignore skips setup\'s own earlier file, so a stale entry is rederived', () => {
  const files = {
    'sources.list.d/debian.sources': DEBIAN_SOURCES,
    'sources.list.d/casview-deb-src.sources': 'Types: deb-src\nURIs: http://unreachable.example/debian\nSuites: bookworm\nComponents: main\n',
  };
  assert.equal(run(files).stdout, '');
  const r = run(files, { args: ['--ignore', 'casview-deb-src.sources'] });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^URIs: http:\/\/mirror\.corp\.example\/debian$/m);
});

test('malformed sources and bad arguments are reported, not skipped', () => {
  for (const [files, message] of [
    [{ 'sources.list': 'deb [signed-by=/k.gpg http://m.example/debian bookworm main\n' }, /sources\.list:1: unclosed \[/],
    [{ 'sources.list': 'deb http://m.example/debian\n' }, /sources\.list:1: needs a URI and a suite/],
    [{ 'sources.list.d/x.sources': 'Types: deb\nthis is not a field\n' }, /x\.sources:2: expected "Field: value"/],
  ]) {
    const r = run(files);
    assert.equal(r.status, 1);
    assert.match(r.stderr, message);
  }
  const missing = spawnSync(process.execPath, [SCRIPT, join(tmpdir(), 'casview-no-such-apt-dir')], { encoding: 'utf8' });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /casview-no-such-apt-dir is not a directory/);
  const unknown = spawnSync(process.execPath, [SCRIPT, '--frobnicate'], { encoding: 'utf8' });
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /unknown option --frobnicate/);
});
