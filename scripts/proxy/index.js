// CORS proxy for casview: cors-anywhere convention, `http://<proxy>/https://cas.aliyuncs.com/?…`
// forwards to `https://cas.aliyuncs.com/?…`, for the allow-listed targets of allowlist.js only.
//
//   import { startProxy } from '../../scripts/proxy/index.js';
//   const proxy = await startProxy({
//     port: 0, host: '127.0.0.1',
//     origins: ['http://127.0.0.1:8080'],  // page origins that get CORS headers; others are refused
//     allowLoopback: ['127.0.0.1:8788'],    // demo: also forward to exactly these loopback targets
//     publicHosts: ['proxy.example.com'],   // Host names it answers besides its listen address
//     maxBodyBytes: 65536, maxResponseBytes: 8 << 20, upstreamTimeoutMs: 30000,
//     headersTimeoutMs: 10000, requestTimeoutMs: 30000,  // slow clients get a 408
//     log: (entry) => {},                   // {method, host, status, durationMs}; default: a line on stderr
//     upstreamRequest,                      // tests only: opens upstream requests (default http/https.request)
//   });
//   proxy.url   // 'http://127.0.0.1:<port>/' : the prefix to give casview's `proxy` option
//   await proxy.close();
//
// Errors of the proxy itself are JSON {Code, Message} with these codes: ProxyBadTarget (400),
// ProxyForbiddenHost (403), ProxyForbiddenOrigin (403), ProxyForbiddenHeader (403),
// ProxyMethodNotAllowed (405), ProxyRequestTooLarge (413), ProxyMisdirectedRequest (421, a Host
// it does not answer for), ProxyUpstreamError (502: unreachable, reset or timed out, one answer
// for all), ProxyRedirectRefused (502), ProxyResponseTooLarge (502).
import { createProxyServer, formatLogLine } from './server.js';
import { listen } from '../lib/http.js';
import { normalizeOrigin, loopbackTargets } from './allowlist.js';

export { checkTarget, normalizeOrigin, loopbackTargets, CAS_HOST } from './allowlist.js';
export { formatLogLine, EXPOSED_HEADERS } from './server.js';

const LOOPBACK_LISTEN = ['127.0.0.1', 'localhost', '::1'];
const WILDCARD_LISTEN = ['0.0.0.0', '::', ''];

/** "name" or "name:port", as a Host header carries it (lowercase). */
function hostName(text) {
  const m = typeof text === 'string' && /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::([1-9]\d{0,4}))?$/i.exec(text);
  if (!m || (m[2] !== undefined && Number(m[2]) > 65535)) throw new Error(`public host ${JSON.stringify(text)} is not NAME or NAME:PORT`);
  return text.toLowerCase();
}

/** The Host header values a proxy listening on host:port answers. */
function ownHosts(host, port, publicNames) {
  const names = new Set(publicNames);
  const listenHosts = LOOPBACK_LISTEN.includes(host) ? ['127.0.0.1', 'localhost', '[::1]']
    : WILDCARD_LISTEN.includes(host) ? [] : [host.includes(':') ? `[${host}]` : host];
  for (const name of listenHosts) {
    names.add(`${name}:${port}`.toLowerCase());
    if (port === 80) names.add(name.toLowerCase()); // browsers leave the default port out
  }
  return names;
}

function positive(name, value) {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer (ms), not ${value}`);
  return value;
}

export async function startProxy({
  port = 0, host = '127.0.0.1', origins = [], allowLoopback, publicHosts = [], maxBodyBytes = 64 * 1024,
  maxResponseBytes = 8 * 1024 * 1024, upstreamTimeoutMs = 30_000, headersTimeoutMs = 10_000, requestTimeoutMs = 30_000,
  log = (entry) => process.stderr.write(`${formatLogLine(entry)}\n`), upstreamRequest,
} = {}) {
  positive('headersTimeoutMs', headersTimeoutMs);
  positive('requestTimeoutMs', requestTimeoutMs);
  positive('upstreamTimeoutMs', upstreamTimeoutMs);
  if (headersTimeoutMs > requestTimeoutMs) throw new Error('headersTimeoutMs may not exceed requestTimeoutMs');
  if (WILDCARD_LISTEN.includes(host) && publicHosts.length === 0) {
    throw new Error(`listening on "${host}" answers no Host header of its own: name its public host(s) (publicHosts, --public-host)`);
  }
  const publicNames = publicHosts.map(hostName);
  const hosts = new Set();
  const { server, shutdown } = createProxyServer({
    origins: new Set(origins.map(normalizeOrigin)), allowLoopback: loopbackTargets(allowLoopback), hosts,
    maxBodyBytes, maxResponseBytes, upstreamTimeoutMs, headersTimeoutMs, requestTimeoutMs, log, upstreamRequest,
  });
  const bound = await listen(server, { port, host });
  for (const name of ownHosts(host, bound.port, publicNames)) hosts.add(name);
  return {
    url: `${bound.origin}/`,
    port: bound.port,
    close: () => bound.close().then(shutdown),
  };
}
