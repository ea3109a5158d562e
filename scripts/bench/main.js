// casview benchmarks: each figure side by side with its peer in the same run. Prints a table
// and writes it as JSON to build/bench/results.json. Not a test: a slow machine shows slow
// figures, it does not fail CI. `--smoke` runs every figure with tiny sizes (scripts/test does,
// so this script cannot rot).
import { mkdir, writeFile } from 'node:fs/promises';

import { benchSigning } from './signing.js';
import { benchWireSize } from './wire_size.js';

const smoke = process.argv.includes('--smoke');
const figures = [benchSigning, benchWireSize];

const rows = [];
for (const figure of figures) rows.push(await figure({ smoke }));

const fmt = (x, digits = 2) => (typeof x === 'number' ? x.toFixed(digits) : (x ?? ''));
const header = ['figure', 'median', 'min', 'max', 'unit', 'peer median', 'ratio', 'budget', 'result'];
const table = rows.map((r) => [r.figure, fmt(r.median), fmt(r.min), fmt(r.max), r.unit,
  fmt(r.peerMedian), r.ratio === undefined ? '' : `${fmt(r.ratio)}×`, r.budget, r.pass ? 'pass' : 'FAIL']);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => String(row[i]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table) console.log(line(row));
for (const r of rows) if (r.detail) console.log(`  ${r.figure}: ${r.detail}`);
if (smoke) console.log('(smoke run: tiny sizes, figures are not meaningful)');

const out = new URL('../../build/bench/', import.meta.url);
await mkdir(out, { recursive: true });
await writeFile(new URL(smoke ? 'smoke.json' : 'results.json', out),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, smoke, rows }, null, 2));
