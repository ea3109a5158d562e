// Figure: bytes a page downloads for the module (wasm + Emscripten glue + JS wrapper), raw and
// gzip -9, measured on the release build.
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const packageDir = new URL('../../web/casview/', import.meta.url);

export async function benchWireSize() {
  const files = (await readdir(packageDir)).filter((f) => /\.(js|wasm)$/.test(f));
  let raw = 0;
  let gzip = 0;
  const parts = [];
  for (const file of files.sort()) {
    const bytes = await readFile(new URL(file, packageDir));
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += zipped;
    parts.push(`${file} ${bytes.length}/${zipped}`);
  }
  return {
    figure: 'module wire size (wasm+glue+wrapper)', unit: 'KB gzip', median: gzip / 1000,
    min: gzip / 1000, max: gzip / 1000, rawKB: raw / 1000, detail: parts.join(', '),
    budget: '≤ 100 KB gzip', pass: gzip <= 100_000,
  };
}
