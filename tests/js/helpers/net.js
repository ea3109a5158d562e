// Test helpers: free ports, port probes, and a recording upstream for the proxy tests.
import http from 'node:http';
import net from 'node:net';

/** A port that was free a moment ago (for programs that take a port number, not 0). */
export const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

export const isListening = (port) => new Promise((resolve) => {
  const c = net.connect(port, '127.0.0.1', () => { c.destroy(); resolve(true); }).on('error', () => resolve(false));
});

/** Polls until something listens on port; fails early if `child` (a process) has exited. */
export async function waitForPort(port, child, timeoutMs = 10_000) {
  for (const end = Date.now() + timeoutMs; Date.now() < end;) {
    if (child && child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    if (await isListening(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on ${port}`);
}

/**
 * An upstream that records what reaches it ({method, url, headers, body}) and answers as its
 * ?mode= says: redirect (302), big (`bigBytes` with Content-Length), bigchunked (20 KiB
 * chunked), hang (never), error (503); otherwise 200 {"ok":true} with headers a proxy must not
 * pass back (Set-Cookie, WWW-Authenticate, CORS, Location, X-Internal) and two it must.
 */
export function startRecorder({ bigBytes = 16 * 1024 + 1 } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      const mode = new URL(req.url, 'http://x').searchParams.get('mode');
      if (mode === 'hang') return;
      if (mode === 'redirect') { res.writeHead(302, { Location: 'https://evil.example/' }); return res.end(); }
      if (mode === 'big') { res.writeHead(200, { 'Content-Type': 'application/json' }); return res.end('x'.repeat(bigBytes)); }
      if (mode === 'bigchunked') {
        res.writeHead(200, { 'Content-Type': 'application/json' }); // no Content-Length: chunked
        for (let i = 0; i < 20; i++) res.write('y'.repeat(1024));
        return res.end();
      }
      res.writeHead(mode === 'error' ? 503 : 200, {
        'Content-Type': 'application/json;charset=utf-8', 'x-acs-request-id': 'REQ-1', 'x-acs-retry-after': '250',
        'Set-Cookie': 'session=upstream', 'WWW-Authenticate': 'Basic', 'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Credentials': 'true', Location: '/elsewhere', 'X-Internal': 'secret-ish',
      });
      res.end('{"ok":true}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    requests, port: server.address().port, close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }),
  })));
}
