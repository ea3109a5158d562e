// casview benchmarks: each figure side by side with its peer in the same run. Prints a table
// and writes it as JSON under build/bench/: results.json (every row) and one file per figure.
// Not a test: a slow machine shows slow figures, it does not fail CI. `--smoke` runs every
// figure with tiny sizes (scripts/test does, so this script cannot rot); a smoke run fails only
// when a figure crashes, never on a budget. `--only <text>` runs the figures whose file name or
// title contains the text (repeatable); `--out <dir>` writes the JSON there instead.
// A figure that throws gets an ERROR row saying why, the others still run, and the exit status
// is non-zero at the end.
import { mkdir, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

import { heapFigures } from './heap.js';
import { listingFigures } from './listing.js';
import { pageFigures } from './page.js';
import { parseFigures } from './parse.js';
import { benchSigning } from './signing.js';
import { benchWireSize } from './wire_size.js';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const valuesOf = (flag) => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));
for (const flag of ['--only', '--out']) {
  if (valuesOf(flag).some((v) => v === undefined || v.startsWith('--'))) {
    console.error(`bench: ${flag} needs a value`);
    process.exit(2);
  }
}
const only = valuesOf('--only');
const outDir = valuesOf('--out').at(-1);

// [file, figure]: the file names the JSON written for the figure's row.
const figures = [
  ['signing', benchSigning],
  ...parseFigures.map((f) => ['parse', f]),
  ['wire_size', benchWireSize],
  ...listingFigures.map((f) => ['listing', f]),
  ...pageFigures.map((f) => ['page', f]),
  ...heapFigures.map((f) => ['heap', f]),
];

const rows = [];
for (const [file, figure] of figures) {
  if (only.length > 0 && !only.some((o) => file.includes(o) || figure.name.includes(o))) continue;
  const started = Date.now();
  let row;
  try {
    row = await figure({ smoke });
  } catch (err) {
    // The stack goes to stderr (the smoke log shows it); the table says which figure and why.
    console.error(`bench: ${file} (${figure.name}) failed:`, err);
    row = { figure: `${file} (${figure.name})`, error: String(err?.message ?? err).split('\n')[0] };
  }
  row.file = file;
  row.seconds = (Date.now() - started) / 1000;
  rows.push(row);
  if (process.env.CASVIEW_BENCH_VERBOSE) console.error(`${row.figure}: ${row.median ?? row.error} (${row.seconds} s)`);
}
const failed = rows.filter((r) => r.error !== undefined);

const fmt = (x, digits = 2) => (typeof x === 'number' ? x.toFixed(digits) : (x ?? ''));
const header = ['figure', 'median', 'min', 'max', 'unit', 'peer median', 'ratio', 'budget', 'result'];
const table = rows.map((r) => [r.figure, fmt(r.median), fmt(r.min), fmt(r.max), r.unit ?? '',
  fmt(r.peerMedian), r.ratio === undefined ? '' : `${fmt(r.ratio)}×`, r.budget ?? '',
  r.error !== undefined ? 'ERROR' : r.pass === undefined ? '–' : r.pass ? 'pass' : 'FAIL']);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => String(row[i]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table) console.log(line(row));
for (const r of rows) {
  if (r.error !== undefined) console.log(`  ${r.figure}: ERROR, no figure: ${r.error}`);
  else if (r.detail) console.log(`  ${r.figure}: ${r.detail}`);
}
if (smoke) console.log('(smoke run: tiny sizes, figures are not meaningful)');

const out = outDir ? pathToFileURL(`${outDir.replace(/\/*$/, '')}/`)
  : new URL(`../../build/bench/${smoke ? 'smoke/' : ''}`, import.meta.url);
await mkdir(out, { recursive: true });
const meta = { date: new Date().toISOString(), node: process.version, smoke };
await writeFile(new URL('results.json', out), JSON.stringify({ ...meta, rows }, null, 2));
// One file per figure (the rows of a file together: e.g. page.json holds every page figure).
const byFile = new Map();
for (const r of rows) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
for (const [file, fileRows] of byFile) {
  await writeFile(new URL(`${file}.json`, out), JSON.stringify({ ...meta, rows: fileRows }, null, 2));
}
if (failed.length > 0) {
  console.log(`${failed.length} figure(s) failed: ${failed.map((r) => r.figure).join(', ')}`);
  process.exitCode = 1;
}
