#!/usr/bin/env node
// CLI of the static file server: node scripts/static/main.js --root web --port 8080
//   [--host 127.0.0.1] [--ready-file PATH: once listening, its origin http://host:port goes there]
//   [--demo-config PATH: the demo's connection settings, served at /casview-demo.json]
// Port 0 takes any free port.
import { parseArgs } from 'node:util';
import { startStatic } from './server.js';
import { writeReadyFile } from '../lib/ready-file.js';

const { values: opt } = parseArgs({
  options: {
    root: { type: 'string', default: 'web' }, port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' }, 'ready-file': { type: 'string' },
    'demo-config': { type: 'string' },
  },
});
const site = await startStatic({ root: opt.root, port: Number(opt.port), host: opt.host, demoConfig: opt['demo-config'] })
  .catch((err) => { console.error(`static: ${err.message}`); process.exit(2); });
console.log(`static server for ${opt.root}/ listening on ${site.url}`);
writeReadyFile(opt['ready-file'], new URL(site.url).origin);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { site.close().then(() => process.exit(0)); });
}
