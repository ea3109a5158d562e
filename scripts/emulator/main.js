#!/usr/bin/env node
// CLI of the CAS emulator. `node scripts/emulator/main.js --help` lists the flags.
import { parseArgs } from 'node:util';
import { startEmulator, generateAccount, DEMO_KEY, DEMO_STS_KEY, FAULT_KINDS } from './index.js';
import { stringify } from './json64.js';
import { writeReadyFile } from '../lib/ready-file.js';

const USAGE = `Usage: node scripts/emulator/main.js [options]
  --port N            listen port (default 8788; 0 = any)
  --host H            listen address (default 127.0.0.1)
  --seed S            seed of the generated account (default casview-demo)
  --certs N           generated certificates (default 60)
  --orders N          generated orders (default 30)
  --account FILE      serve this account JSON file instead ({"certificates":[…],"orders":[…]})
  --dump-account      print the generated account as JSON and exit (a starting point for --account)
  --latency-ms N      delay every answer by N ms
  --fault-rate R      probability 0..1 that a request gets a fault
  --faults LIST       comma-separated kinds (default all): ${FAULT_KINDS.join(', ')}
  --fault-seed S      seed of the fault sequence (default 1)
  --rate-limit N      requests per second per AccessKeyId (default 10; 0 = off)
  --print-keys        print the demo AccessKeys at start
  --quiet             do not print one line per request
  --ready-file PATH   once listening, write the emulator's origin (http://host:port) to PATH`;

const { values: opt } = parseArgs({
  options: {
    port: { type: 'string', default: '8788' }, host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: 'casview-demo' }, certs: { type: 'string', default: '60' },
    orders: { type: 'string', default: '30' }, account: { type: 'string' }, 'dump-account': { type: 'boolean' },
    'latency-ms': { type: 'string', default: '0' }, 'fault-rate': { type: 'string', default: '0' },
    faults: { type: 'string', default: FAULT_KINDS.join(',') }, 'fault-seed': { type: 'string', default: '1' },
    'rate-limit': { type: 'string', default: '10' }, 'print-keys': { type: 'boolean' }, quiet: { type: 'boolean' },
    'ready-file': { type: 'string' }, help: { type: 'boolean', short: 'h' },
  },
});
if (opt.help) { console.log(USAGE); process.exit(0); }

const count = (name) => {
  const n = Number(opt[name]);
  if (!Number.isInteger(n) || n < 0) { console.error(`--${name} must be a non-negative integer`); process.exit(2); }
  return n;
};

if (opt['dump-account']) {
  process.stdout.write(`${stringify(generateAccount({ seed: opt.seed, certs: count('certs'), orders: count('orders') }))}\n`);
  process.exit(0);
}

const rate = count('rate-limit');
const emu = await startEmulator({
  port: count('port'), host: opt.host, seed: opt.seed, certs: count('certs'), orders: count('orders'),
  account: opt.account, latencyMs: count('latency-ms'), rateLimit: rate === 0 ? false : { limit: rate },
  faults: { rate: Number(opt['fault-rate']), kinds: opt.faults.split(',').filter(Boolean), seed: opt['fault-seed'] },
  // The request log of a fake service: method and outcome only, like the proxy's.
  onRequest: opt.quiet ? undefined : (e) => console.error(`${new Date().toISOString()} ${e.method} ${e.status ?? '-'} ${e.code}`),
}).catch((err) => { console.error(`emulator: ${err.message}`); process.exit(2); });
console.log(`CAS emulator (ListUserCertificateOrder 2020-04-07) listening on ${emu.url}`);
console.log(`  ${emu.account.certificates.length} certificates, ${emu.account.orders.length} orders`);
if (opt['print-keys']) {
  console.log(`  AccessKey ID:     ${DEMO_KEY.accessKeyId}`);
  console.log(`  AccessKey Secret: ${DEMO_KEY.accessKeySecret}`);
  console.log(`  STS AccessKey ID: ${DEMO_STS_KEY.accessKeyId}`);
  console.log(`  STS Secret:       ${DEMO_STS_KEY.accessKeySecret}`);
  console.log(`  STS Token:        ${DEMO_STS_KEY.securityToken}`);
  console.log('  (demo keys of this local emulator; not secret)');
}
writeReadyFile(opt['ready-file'], emu.url);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { emu.close().then(() => process.exit(0)); });
}
