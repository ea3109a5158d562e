#!/usr/bin/env node
// CLI of the CORS proxy. `node scripts/proxy/main.js --help` lists the flags.
import { parseArgs } from 'node:util';
import { startProxy } from './index.js';

const USAGE = `Usage: node scripts/proxy/main.js [options]
  --port N            listen port (default 8787)
  --host H            listen address (default 127.0.0.1)
  --origin URL        page origin allowed to use the proxy (repeatable; default http://127.0.0.1:8080)
  --allow-loopback    also forward to http://127.0.0.1:<port>/ and http://localhost:<port>/ (the emulator)
  --timeout-ms N      upstream time limit (default 30000)`;

const { values: opt } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' }, host: { type: 'string', default: '127.0.0.1' },
    origin: { type: 'string', multiple: true }, 'allow-loopback': { type: 'boolean' },
    'timeout-ms': { type: 'string', default: '30000' }, help: { type: 'boolean', short: 'h' },
  },
});
if (opt.help) { console.log(USAGE); process.exit(0); }

const origins = opt.origin ?? ['http://127.0.0.1:8080'];
const proxy = await startProxy({
  port: Number(opt.port), host: opt.host, origins, allowLoopback: Boolean(opt['allow-loopback']),
  upstreamTimeoutMs: Number(opt['timeout-ms']),
}).catch((err) => { console.error(`proxy: ${err.message}`); process.exit(2); });
console.log(`CORS proxy listening on ${proxy.url} (e.g. ${proxy.url}https://cas.aliyuncs.com/)`);
console.log(`  allowed origins: ${origins.join(', ')}; loopback targets: ${opt['allow-loopback'] ? 'yes' : 'no'}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { proxy.close().then(() => process.exit(0)); });
}
