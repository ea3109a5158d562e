// Local emulator of Alibaba Cloud CAS ListUserCertificateOrder (API 2020-04-07, RPC signature
// 1.0), for the demo (scripts/serve) and for tests. See docs/alibaba-api.md.
//
// Programmatic API
// ----------------
//   import { startEmulator, DEMO_KEY, DEMO_STS_KEY } from '../../scripts/emulator/index.js';
//
//   const emu = await startEmulator({
//     port: 0,                 // 0 = any free port
//     host: '127.0.0.1',
//     seed: 'casview-demo',    // generated account: seed (number or string) ...
//     certs: 60, orders: 30,   // ... and counts
//     account,                 // instead: an account object {certificates, orders} or a JSON file path
//     keys: [DEMO_KEY, DEMO_STS_KEY],  // {accessKeyId, accessKeySecret, securityToken?, expiresAt?, disabled?}
//     clock: () => Date.now(), // ms; drives the ±15 min Timestamp check, nonce window, throttle,
//                              // Date header and certificate expiry; inject one for tests
//     latencyMs: 0,            // fixed delay before every answer
//     faults: { rate: 0, kinds: ['unavailable', 'throttling', 'html', 'truncated', 'hang'], seed: 1 },
//     rateLimit: { limit: 10, windowMs: 1000 },  // per AccessKeyId, sliding window; false = off
//     onRequest: (entry) => {},  // called after each request with its log entry
//   });
//   emu.url        // 'http://127.0.0.1:<port>' (no trailing slash), the endpoint to use
//   emu.port
//   emu.log        // [{ time, method, path, headers, params (decoded, merged), fault, code ('OK' or the
//                  //    error Code or 'fault:<kind>'), status }], in arrival order; mutable
//   emu.account    // { certificates, orders }: int64 fields are Number, or BigInt beyond 2^53.
//                  //   The arrays may be changed (push, splice, assign an element...) and the next
//                  //   request sees it; rows are frozen (put a changed copy in a row's place)
//   emu.keys       // the keys in use
//   emu.truth({ OrderType, Status, Keyword, ResourceGroupId })
//                  // → { TotalCount, CertificateOrderList }: what a complete listing (every page
//                  //   merged) must return at the emulator's current clock. Status may be an array
//                  //   (listings per status concatenated, de-duplicated). int64 values beyond 2^53
//                  //   are decimal strings, others numbers (casview's public API convention).
//                  //   Throws on parameters the service would refuse.
//   emu.faults.inject('hang', 1)  // force the next answer(s); kinds as above, null = normal
//   await emu.close()  // closes the server, drops open (hanging, keep-alive) connections
//
// Demo keys (published on purpose; they open only this fake account):
//   AccessKeyId LTAIcasviewDEMO0001, secret casview-demo-secret-not-real
//   STS: DEMO_STS_KEY (AccessKeyId STS.…, secret, securityToken)
import { createGateway } from './gateway.js';
import { createFaults } from './faults.js';
import { createEmulatorServer } from './server.js';
import { generateAccount, loadAccount, normalizeAccount, watchAccount } from './account.js';
import { createListing, validateQuery, selectRows } from './listing.js';
import { DEMO_KEY, DEMO_STS_KEY, DEMO_KEYS } from './keys.js';
import { listen } from '../lib/http.js';

export { DEMO_KEY, DEMO_STS_KEY, DEMO_KEYS };
export { generateAccount, loadAccount } from './account.js';
export { FAULT_KINDS } from './faults.js';

// int64 beyond 2^53 as a decimal string, as casview's public API gives it (docs/js-api.md).
const clientValue = (row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]));
const rowKey = (row) => String(row.CertificateId ?? row.OrderId ?? row.InstanceId);

function resolveAccount({ account, seed, certs, orders, clock }) {
  if (typeof account === 'string') return loadAccount(account);
  if (account) return normalizeAccount(account);
  return generateAccount({ seed, certs, orders, now: clock() });
}

export async function startEmulator({
  port = 0, host = '127.0.0.1', seed = 'casview-demo', certs = 60, orders = 30, account,
  keys = DEMO_KEYS, clock = Date.now, latencyMs = 0, faults = {}, rateLimit = {}, onRequest,
} = {}) {
  const store = watchAccount(resolveAccount({ account, seed, certs, orders, clock }));
  const faultPlan = createFaults(faults);
  const log = [];
  const { server, shutdown } = createEmulatorServer({
    gateway: createGateway({ keys, clock, rateLimit }), listing: createListing(store), clock, faults: faultPlan, latencyMs, log, onRequest,
  });
  const bound = await listen(server, { port, host });

  function truth(query = {}) {
    const statuses = Array.isArray(query.Status) ? query.Status : [query.Status ?? ''];
    const seen = new Set();
    const rows = [];
    for (const status of statuses) {
      const valid = validateQuery({ ...query, Status: status, CurrentPage: undefined, ShowSize: undefined });
      if (valid.error) throw new Error(`truth: ${valid.error.message}`);
      for (const row of selectRows(store.raw, valid.query, clock())) {
        if (!seen.has(rowKey(row))) { seen.add(rowKey(row)); rows.push(clientValue(row)); }
      }
    }
    return { TotalCount: rows.length, CertificateOrderList: rows };
  }

  return {
    url: bound.origin,
    port: bound.port,
    log,
    account: store.account,
    keys,
    truth,
    faults: { inject: faultPlan.inject },
    close() {
      shutdown();
      return bound.close();
    },
  };
}
