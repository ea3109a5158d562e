#!/usr/bin/env node
// The demo's connection settings, which the static server serves to a page opened with ?demo:
// the emulator's endpoint, the proxy, and the emulator's published demo AccessKey. They reach
// the page by a same-origin fetch, never by the URL (no secret in a URL, not even a fake one).
//
//   node scripts/lib/demo-config.js --out PATH --endpoint http://127.0.0.1:8788 --proxy http://127.0.0.1:8787/
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_KEY } from '../emulator/keys.js';
import { writeWhole } from './ready-file.js';

/** The settings object for an emulator endpoint and a proxy prefix. */
export function demoConfig({ endpoint, proxy }) {
  for (const [name, url] of [['endpoint', endpoint], ['proxy', proxy]]) {
    if (!/^https?:\/\//.test(String(url ?? ''))) throw new Error(`demo-config: ${name} must be an http(s) URL, got ${url}`);
  }
  return { endpoint, proxy, accessKeyId: DEMO_KEY.accessKeyId, accessKeySecret: DEMO_KEY.accessKeySecret };
}

/** Writes the settings to path whole (a reader never sees half of it). */
export function writeDemoConfig(path, settings) {
  writeWhole(path, `${JSON.stringify(demoConfig(settings), null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values: opt } = parseArgs({
    options: { out: { type: 'string' }, endpoint: { type: 'string' }, proxy: { type: 'string' } },
  });
  try {
    if (!opt.out) throw new Error('demo-config: --out PATH is required');
    writeDemoConfig(opt.out, opt);
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
}
