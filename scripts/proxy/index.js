// CORS proxy for casview: cors-anywhere convention, `http://<proxy>/https://cas.aliyuncs.com/?…`
// forwards to `https://cas.aliyuncs.com/?…`, for the allow-listed targets of allowlist.js only.
//
//   import { startProxy } from '../../scripts/proxy/index.js';
//   const proxy = await startProxy({
//     port: 0, host: '127.0.0.1',
//     origins: ['http://127.0.0.1:8080'],  // page origins that get CORS headers; others are refused
//     allowLoopback: false,                 // also forward to http(s)://127.0.0.1:<port>/ and localhost
//     maxBodyBytes: 65536, maxResponseBytes: 8 << 20, upstreamTimeoutMs: 30000,
//     log: (entry) => {},                   // {method, host, status, durationMs}; default: a line on stderr
//     upstreamRequest,                      // tests only: opens upstream requests (default http/https.request)
//   });
//   proxy.url   // 'http://127.0.0.1:<port>/' : the prefix to give casview's `proxy` option
//   await proxy.close();
//
// Errors of the proxy itself are JSON {Code, Message} with these codes: ProxyBadTarget (400),
// ProxyForbiddenHost (403), ProxyForbiddenOrigin (403), ProxyForbiddenHeader (403),
// ProxyMethodNotAllowed (405), ProxyRequestTooLarge (413), ProxyUpstreamError (502),
// ProxyRedirectRefused (502), ProxyResponseTooLarge (502), ProxyTimeout (504).
import { createProxyServer, formatLogLine } from './server.js';
import { listen } from '../lib/http.js';
import { normalizeOrigin } from './allowlist.js';

export { checkTarget, normalizeOrigin, CAS_HOST } from './allowlist.js';
export { formatLogLine, EXPOSED_HEADERS } from './server.js';

export async function startProxy({
  port = 0, host = '127.0.0.1', origins = [], allowLoopback = false, maxBodyBytes = 64 * 1024,
  maxResponseBytes = 8 * 1024 * 1024, upstreamTimeoutMs = 30_000,
  log = (entry) => process.stderr.write(`${formatLogLine(entry)}\n`), upstreamRequest,
} = {}) {
  const { server, shutdown } = createProxyServer({
    origins: new Set(origins.map(normalizeOrigin)), allowLoopback, maxBodyBytes, maxResponseBytes,
    upstreamTimeoutMs, log, upstreamRequest,
  });
  const bound = await listen(server, { port, host });
  return {
    url: `${bound.origin}/`,
    port: bound.port,
    close: () => bound.close().then(shutdown),
  };
}
