// The CORS proxy's HTTP handling. Requests carry AccessKey ids, tokens and signatures in their
// query strings and bodies (docs/security.md), so this file never logs either, forwards only a few
// harmless headers, follows no redirect, and bounds sizes and time.
import http from 'node:http';
import https from 'node:https';
import { checkTarget } from './allowlist.js';
import { readBody } from '../lib/http.js';

export const EXPOSED_HEADERS = 'Date, x-acs-retry-after, x-acs-request-id';
// Request headers passed upstream; everything else (Cookie, Authorization, Proxy-Authorization,
// Origin, Referer, X-Forwarded-*, …) stays here.
const FORWARD_REQUEST_HEADERS = ['accept', 'content-type', 'user-agent'];
// Response headers passed back; Set-Cookie, WWW-Authenticate, Location, upstream CORS … are not.
const FORWARD_RESPONSE_HEADERS = ['content-type', 'date', 'x-acs-request-id', 'x-acs-retry-after'];
const METHODS = ['GET', 'POST', 'OPTIONS'];

/** One log line: method, target host, status, duration. Never the query string or the body. */
export function formatLogLine({ method, host, status, durationMs }) {
  return `${new Date().toISOString()} ${method} ${host ?? '-'} ${status} ${durationMs}ms`;
}

class ProxyError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

/**
 * @param {{ origins: Set<string>, allowLoopback: Set<string>, hosts: Set<string>,
 *           maxBodyBytes: number, maxResponseBytes: number, upstreamTimeoutMs: number,
 *           headersTimeoutMs: number, requestTimeoutMs: number,
 *           log: (entry: { method, host, status, durationMs }) => void,
 *           upstreamRequest?: (options: object) => import('node:http').ClientRequest }} options
 *   allowLoopback: loopback host:port targets (loopbackTargets()); hosts: the Host header
 *   values this proxy answers, lowercase (filled in once it listens); upstreamRequest opens the
 *   upstream request (default: http/https.request); tests use it to see what would leave the proxy.
 */
export function createProxyServer(options) {
  const { origins, allowLoopback, hosts, maxBodyBytes, maxResponseBytes, upstreamTimeoutMs, log } = options;
  const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
  const upstreamRequest = options.upstreamRequest
    ?? ((o) => (o.protocol === 'https:' ? https : http).request(o));

  // Refused, reset, unresolvable, silent or cut off: one answer, so that the proxy does not
  // tell a caller which ports or hosts are open.
  const unreachable = () => new ProxyError(502, 'ProxyUpstreamError',
    `The upstream could not be reached or did not answer within ${upstreamTimeoutMs} ms.`);

  function forward(target, req, body) {
    const headers = { host: target.host };
    for (const name of FORWARD_REQUEST_HEADERS) if (req.headers[name] !== undefined) headers[name] = req.headers[name];
    if (req.method === 'POST') headers['content-length'] = String(body.length);
    else delete headers['content-type'];
    return new Promise((resolve, reject) => {
      const upstream = upstreamRequest({
        protocol: target.protocol,
        // localhost is pinned to 127.0.0.1: no resolver decides where a loopback target goes.
        hostname: target.hostname === 'localhost' ? '127.0.0.1' : target.hostname,
        servername: target.loopback ? undefined : target.hostname,
        port: target.port, method: req.method, path: target.path, headers, agent: agents[target.protocol],
      });
      // Every failure settles the promise once, then tears the upstream request down.
      let timer;
      const fail = (err) => { clearTimeout(timer); reject(err); upstream.destroy(); };
      timer = setTimeout(() => fail(unreachable()), upstreamTimeoutMs);
      upstream.on('error', () => fail(unreachable()));
      upstream.on('response', (res) => {
        if (res.statusCode >= 300 && res.statusCode < 400) {
          return fail(new ProxyError(502, 'ProxyRedirectRefused', `The upstream answered with a redirect (${res.statusCode}); redirects are not followed.`));
        }
        const tooLarge = () => new ProxyError(502, 'ProxyResponseTooLarge', `The upstream response exceeds ${maxResponseBytes} bytes.`);
        if (Number(res.headers['content-length']) > maxResponseBytes) return fail(tooLarge());
        const chunks = [];
        let size = 0;
        res.on('data', (chunk) => {
          size += chunk.length;
          if (size > maxResponseBytes) fail(tooLarge());
          else chunks.push(chunk);
        });
        res.on('error', () => fail(unreachable()));
        res.on('end', () => { clearTimeout(timer); resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }); });
      });
      upstream.end(req.method === 'POST' ? body : undefined);
    });
  }

  async function handle(req, res, entry) {
    // A page on a rebound DNS name reaches this port with its own name in Host: not ours, no answer.
    if (!hosts.has(String(req.headers.host ?? '').toLowerCase())) {
      throw new ProxyError(421, 'ProxyMisdirectedRequest', 'This proxy does not answer for that Host.');
    }
    const origin = req.headers.origin;
    // Vary on Origin always: the answer depends on it. Allow-Origin only for configured origins.
    res.setHeader('Vary', 'Origin');
    if (origin !== undefined && origins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    if (!METHODS.includes(req.method)) {
      res.setHeader('Allow', METHODS.join(', '));
      throw new ProxyError(405, 'ProxyMethodNotAllowed', `Method ${req.method} is not forwarded (GET, POST, OPTIONS only).`);
    }
    // A page of another origin may not use this proxy at all, not only be unable to read it.
    if (origin !== undefined && !origins.has(origin)) {
      throw new ProxyError(403, 'ProxyForbiddenOrigin', 'This origin is not allowed to use the proxy.');
    }
    const checked = checkTarget(req.url, { allowLoopback });
    if (checked.error) throw new ProxyError(checked.error.status, checked.error.code, checked.error.message);
    const { target } = checked;
    entry.host = target.host;
    // The page's cross-origin calls always carry an Origin; one without (a navigation, an <img>,
    // a script on this machine) has no business with a local service.
    if (target.loopback && origin === undefined) {
      throw new ProxyError(403, 'ProxyForbiddenOrigin', 'A loopback target is forwarded only for an allowed page origin.');
    }

    if (req.method === 'OPTIONS') return preflight(req, res);
    const body = await readBody(req, maxBodyBytes).catch((err) => {
      throw err.code === 'BODY_TOO_LARGE' ? new ProxyError(413, 'ProxyRequestTooLarge', `The request body exceeds ${maxBodyBytes} bytes.`) : err;
    });
    const upstream = await forward(target, req, body);
    for (const name of FORWARD_RESPONSE_HEADERS) {
      if (upstream.headers[name] !== undefined) res.setHeader(name, upstream.headers[name]);
    }
    res.setHeader('Content-Length', upstream.body.length);
    res.writeHead(upstream.status);
    res.end(upstream.body);
    return upstream.status;
  }

  function preflight(req, res) {
    const method = req.headers['access-control-request-method'];
    if (method !== undefined && method !== 'GET' && method !== 'POST') {
      throw new ProxyError(405, 'ProxyMethodNotAllowed', `Method ${method} is not forwarded (GET, POST only).`);
    }
    const asked = (req.headers['access-control-request-headers'] ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
    const extra = asked.filter((h) => h !== 'content-type');
    if (extra.length) {
      throw new ProxyError(403, 'ProxyForbiddenHeader', `Request headers ${extra.join(', ')} are not forwarded (Content-Type only).`);
    }
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return 204;
  }

  function sendError(res, err) {
    const status = err instanceof ProxyError ? err.status : 500;
    const body = JSON.stringify({
      Code: err instanceof ProxyError ? err.code : 'ProxyInternalError',
      Message: err instanceof ProxyError ? err.message : 'The proxy failed unexpectedly.',
    });
    if (res.headersSent || res.destroyed) { res.destroy(); return status; }
    res.writeHead(status, {
      'Content-Type': 'application/json;charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    });
    res.end(body);
    return status;
  }

  // Slow clients are cut off with a 408: headers within headersTimeoutMs, the whole request within
  // requestTimeoutMs. Node checks both every connectionsCheckingInterval.
  const server = http.createServer({
    headersTimeout: options.headersTimeoutMs, requestTimeout: options.requestTimeoutMs,
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(options.headersTimeoutMs / 4))),
  }, (req, res) => {
    const started = process.hrtime.bigint();
    const entry = { method: req.method, host: undefined };
    res.setHeader('X-Content-Type-Options', 'nosniff');
    handle(req, res, entry)
      .catch((err) => sendError(res, err))
      .then((status) => {
        log({ ...entry, status, durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n) });
      });
  });
  return {
    server,
    shutdown() { agents['http:'].destroy(); agents['https:'].destroy(); },
  };
}
