#!/usr/bin/env node
// CLI of the static file server: node scripts/static/main.js --root web --port 8080
import { parseArgs } from 'node:util';
import { startStatic } from './server.js';

const { values: opt } = parseArgs({
  options: {
    root: { type: 'string', default: 'web' }, port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const site = await startStatic({ root: opt.root, port: Number(opt.port), host: opt.host })
  .catch((err) => { console.error(`static: ${err.message}`); process.exit(2); });
console.log(`static server for ${opt.root}/ listening on ${site.url}`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { site.close().then(() => process.exit(0)); });
}
