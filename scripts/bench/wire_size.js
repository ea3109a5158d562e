// Figure: bytes a page downloads for the module, raw and gzip -9, on the release build: the
// .wasm, the Emscripten glue and every JS file of web/casview/ that the public entry point
// (index.js) imports, followed import by import (not the .d.ts, nor anything not imported).
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const packageDir = new URL('../../web/casview/', import.meta.url);
const ENTRY = 'index.js';
const WASM = 'casview-core.wasm';

// Static `import … from './x.js'` / `export … from './x.js'` / `import './x.js'` specifiers.
const IMPORT = /(?:^|[;\n])\s*(?:import|export)\s+(?:[^'"`;]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;

async function importGraph(entry) {
  const seen = new Set();
  const queue = [new URL(entry, packageDir)];
  while (queue.length > 0) {
    const url = queue.shift();
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const text = await readFile(url, 'utf8');
    for (const [, specifier] of text.matchAll(IMPORT)) queue.push(new URL(specifier, url));
  }
  return [...seen].map((href) => new URL(href));
}

export async function benchWireSize() {
  const files = [...await importGraph(ENTRY), new URL(WASM, packageDir)];
  let raw = 0;
  let gzip = 0;
  const parts = [];
  for (const url of files.sort((a, b) => a.href.localeCompare(b.href))) {
    if (!url.href.startsWith(packageDir.href)) throw new Error(`wire size: ${url.href} is outside web/casview/`);
    const bytes = await readFile(url);
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += zipped;
    parts.push(`${url.href.slice(packageDir.href.length)} ${bytes.length}/${zipped}`);
  }
  if (!parts.some((p) => p.startsWith('casview-core.js '))) throw new Error('wire size: the glue is not imported');
  return {
    figure: 'module wire size (wasm + glue + wrapper)', unit: 'KB gzip', median: gzip / 1000,
    min: gzip / 1000, max: gzip / 1000, rawKB: raw / 1000,
    detail: `${(raw / 1000).toFixed(1)} KB raw; ${files.length} files, raw/gzip bytes: ${parts.join(', ')}`,
    budget: '≤ 100 KB gzip', pass: gzip <= 100_000,
  };
}
