#!/usr/bin/env node
// CLI of the CORS proxy. `node scripts/proxy/main.js --help` lists the flags.
import { parseArgs } from 'node:util';
import { startProxy } from './index.js';
import { writeReadyFile } from '../lib/ready-file.js';

const USAGE = `Usage: node scripts/proxy/main.js [options]
  --port N                 listen port (default 8787; 0 = any)
  --host H                 listen address (default 127.0.0.1)
  --origin URL             page origin allowed to use the proxy (repeatable; default http://127.0.0.1:8080)
  --allow-loopback H:P     also forward to http(s)://H:P/, H being 127.0.0.1 or localhost (the demo's
                           emulator); repeatable or a comma list; only these exact targets
  --public-host NAME[:P]   a Host header to answer besides the listen address (repeatable), for a
                           proxy reached under a name
  --timeout-ms N           upstream time limit (default 30000)
  --headers-timeout-ms N   a client must send its headers within N ms (default 10000)
  --request-timeout-ms N   and its whole request within N ms (default 30000)
  --ready-file PATH        once listening, write the proxy's origin (http://host:port) to PATH`;

const fail = (message) => { console.error(`proxy: ${message}`); process.exit(2); };
let opt;
try {
  ({ values: opt } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' }, host: { type: 'string', default: '127.0.0.1' },
      origin: { type: 'string', multiple: true }, 'allow-loopback': { type: 'string', multiple: true },
      'public-host': { type: 'string', multiple: true }, 'timeout-ms': { type: 'string', default: '30000' },
      'headers-timeout-ms': { type: 'string', default: '10000' }, 'request-timeout-ms': { type: 'string', default: '30000' },
      'ready-file': { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (err) {
  fail(/--allow-loopback/.test(err.message)
    ? '--allow-loopback names its targets, e.g. --allow-loopback 127.0.0.1:8788 (a bare flag would open every local port)'
    : `${err.message}\n${USAGE}`);
}
if (opt.help) { console.log(USAGE); process.exit(0); }

const origins = opt.origin ?? ['http://127.0.0.1:8080'];
const allowLoopback = opt['allow-loopback']?.flatMap((list) => list.split(','));
const number = (name) => {
  const n = Number(opt[name]);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer`);
  return n;
};
const proxy = await startProxy({
  port: number('port'), host: opt.host, origins, allowLoopback, publicHosts: opt['public-host'],
  upstreamTimeoutMs: number('timeout-ms'), headersTimeoutMs: number('headers-timeout-ms'),
  requestTimeoutMs: number('request-timeout-ms'),
}).catch((err) => fail(err.message));
console.log(`CORS proxy listening on ${proxy.url} (e.g. ${proxy.url}https://cas.aliyuncs.com/)`);
console.log(`  allowed origins: ${origins.join(', ')}; loopback targets: ${allowLoopback?.join(', ') || 'none'}`);
writeReadyFile(opt['ready-file'], proxy.url.replace(/\/$/, ''));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { proxy.close().then(() => process.exit(0)); });
}
