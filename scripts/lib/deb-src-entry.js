#!/usr/bin/env node
// Prints the deb-src stanza (deb822) that lets `apt-get source` fetch <codename> main from the
// archive this machine already installs from: the same URIs and Signed-By as its enabled
// `deb` entry, so a mirror or proxy keeps working. Prints nothing when an enabled deb-src
// entry for <codename> main already exists; exits 1 when no deb entry to copy exists.
//
//   node scripts/lib/deb-src-entry.js [--os-release FILE] [--ignore NAME] [APT_DIR]
//
// APT_DIR defaults to /etc/apt; the codename is VERSION_CODENAME from FILE (default
// /etc/os-release), or bookworm. --ignore skips sources.list.d/NAME (setup's own file, so
// an entry it wrote earlier is rederived instead of trusted).
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';

class Fail extends Error {}

function parseArgs(argv) {
  const opts = { aptDir: '/etc/apt', osRelease: '/etc/os-release', ignore: [] };
  let positional = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--os-release' || a === '--ignore') {
      if (i + 1 >= argv.length) throw new Fail(`${a} needs a value`);
      if (a === '--ignore') opts.ignore.push(argv[++i]);
      else opts.osRelease = argv[++i];
    } else if (a.startsWith('-')) {
      throw new Fail(`unknown option ${a} (usage: deb-src-entry.js [--os-release FILE] [--ignore NAME] [APT_DIR])`);
    } else if (positional++ === 0) {
      opts.aptDir = a;
    } else {
      throw new Fail(`one APT_DIR only, got another: ${a}`);
    }
  }
  return opts;
}

function codenameFrom(osReleaseText) {
  for (const line of osReleaseText.split('\n')) {
    const m = /^\s*VERSION_CODENAME\s*=\s*(.*?)\s*$/.exec(line);
    if (m) {
      const value = m[1].replace(/^(["'])(.*)\1$/, '$2');
      if (value) return value;
    }
  }
  return 'bookworm';
}

// One-line format: `type [opt=value ...] uri suite [component ...]`; apt drops from # on.
function parseOneLine(text, file) {
  const entries = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const where = `${file}:${index + 1}`;
    const m = /^([a-z-]+)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(line);
    const type = m?.[1];
    if (type !== 'deb' && type !== 'deb-src') return;
    if (line.slice(type.length).trimStart().startsWith('[') && m[2] === undefined) {
      throw new Fail(`${where}: unclosed [ in options`);
    }
    const [uri, suite, ...components] = m[3].split(/\s+/).filter(Boolean);
    if (!suite) throw new Fail(`${where}: needs a URI and a suite`);
    let signedBy = null;
    for (const opt of (m[2] ?? '').split(/\s+/).filter(Boolean)) {
      const eq = opt.indexOf('=');
      if (eq > 0 && opt.slice(0, eq).toLowerCase() === 'signed-by') signedBy = [opt.slice(eq + 1)];
    }
    entries.push({ types: [type], uris: [uri], suites: [suite], components, signedBy, enabled: true, where });
  });
  return entries;
}

// deb822 format: stanzas split by blank lines, `Field: value` with indented continuation
// lines (kept verbatim for Signed-By, which may embed a whole armored key).
function parseDeb822(text, file) {
  const entries = [];
  let fields = null;
  let current = null;
  let start = 0;
  const finish = () => {
    if (!fields) return;
    const words = (name) => (fields.get(name) ?? []).join(' ').split(/\s+/).filter(Boolean);
    const signedBy = fields.get('signed-by');
    entries.push({
      types: words('types'),
      uris: words('uris'),
      suites: words('suites'),
      components: words('components'),
      signedBy: signedBy && signedBy.join('').trim() ? signedBy : null,
      enabled: !/^(no|false|0)$/i.test(words('enabled')[0] ?? 'yes'),
      where: `${file}:${start}`,
    });
    fields = null;
    current = null;
  };
  text.split('\n').forEach((line, index) => {
    if (/^#/.test(line)) return;
    if (!line.trim()) { finish(); return; }
    if (/^\s/.test(line)) {
      if (!current) throw new Fail(`${file}:${index + 1}: continuation line outside a field`);
      current.push(line);
      return;
    }
    const m = /^([^:\s]+):\s*(.*)$/.exec(line);
    if (!m) throw new Fail(`${file}:${index + 1}: expected "Field: value"`);
    if (!fields) { fields = new Map(); start = index + 1; }
    current = [m[2].trimEnd()];
    fields.set(m[1].toLowerCase(), current);
  });
  finish();
  return entries;
}

function readEntries(aptDir, ignore = []) {
  if (!existsSync(aptDir) || !statSync(aptDir).isDirectory()) throw new Fail(`${aptDir} is not a directory`);
  const entries = [];
  const main = join(aptDir, 'sources.list');
  if (existsSync(main)) entries.push(...parseOneLine(readFileSync(main, 'utf8'), main));
  const dir = join(aptDir, 'sources.list.d');
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  for (const name of names) {
    if (ignore.includes(basename(name))) continue;
    const file = join(dir, name);
    if (name.endsWith('.list')) entries.push(...parseOneLine(readFileSync(file, 'utf8'), file));
    else if (name.endsWith('.sources')) entries.push(...parseDeb822(readFileSync(file, 'utf8'), file));
  }
  return entries;
}

// The stanza(s) to add, '' if a deb-src entry already covers codename main.
function debSrcEntry(entries, codename) {
  const covers = (type) => (e) => e.enabled && e.types.includes(type) && e.suites.includes(codename) && e.components.includes('main');
  if (entries.some(covers('deb-src'))) return '';
  const debs = entries.filter(covers('deb'));
  if (debs.length === 0) {
    throw new Fail(`no enabled "deb" entry for ${codename} main to copy a deb-src entry from; add one `
      + 'to sources.list or sources.list.d/ (or a deb-src entry for it yourself)');
  }
  // One stanza per distinct Signed-By, since a stanza has a single key set for all its URIs.
  const groups = new Map();
  for (const e of debs) {
    const key = e.signedBy ? e.signedBy.join('\n') : '';
    if (!groups.has(key)) groups.set(key, { signedBy: e.signedBy, uris: [] });
    const group = groups.get(key);
    for (const uri of e.uris) if (!group.uris.includes(uri)) group.uris.push(uri);
  }
  return [...groups.values()].map(({ signedBy, uris }) => [
    'Types: deb-src',
    `URIs: ${uris.join(' ')}`,
    `Suites: ${codename}`,
    'Components: main',
    ...(signedBy ? [`Signed-By: ${signedBy.join('\n')}`.replace(/^Signed-By: \n/, 'Signed-By:\n')] : []),
  ].join('\n') + '\n').join('\n');
}

function main() {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const osRelease = existsSync(opts.osRelease) ? readFileSync(opts.osRelease, 'utf8') : '';
    process.stdout.write(debSrcEntry(readEntries(opts.aptDir, opts.ignore), codenameFrom(osRelease)));
  } catch (err) {
    if (!(err instanceof Fail)) throw err;
    process.stderr.write(`deb-src-entry: ${err.message}\n`);
    process.exit(1);
  }
}

main();
