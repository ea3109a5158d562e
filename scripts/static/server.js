// A small static file server for web/: GET/HEAD only, no directory listing, nothing outside the
// root (no `..`, no encoded separators, no symlinks leading out), MIME types the page needs
// (application/wasm for streaming compilation), and the strict CSP the page must work under
// (docs/security.md). In demo mode (`demoConfig`) it also serves the demo's connection settings.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { listen } from '../lib/http.js';

export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
  + "style-src 'self'; connect-src 'self' http://127.0.0.1:*; img-src 'self' data:";

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8', '.ts': 'text/plain; charset=utf-8', '.woff2': 'font/woff2',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/** The file under root that a URL path names, or null if it names nothing servable. */
async function resolveFile(root, urlPath) {
  let path;
  try { path = decodeURIComponent(urlPath); } catch { return null; }
  // Refuse rather than normalise: no NUL or backslash, no dot segments or dotfiles, no "//".
  const segments = path.slice(1).split('/');
  if (!path.startsWith('/') || /[\0\\]/.test(path)
      || segments.some((s, i) => s.startsWith('.') || (s === '' && i < segments.length - 1))) return null;
  let file = join(root, path);
  try {
    let info = await stat(file);
    if (info.isDirectory()) { file = join(file, 'index.html'); info = await stat(file); }
    if (!info.isFile()) return null;
    const real = await realpath(file);
    return real.startsWith(root + sep) ? real : null;
  } catch {
    return null;
  }
}

/** Where the page of a demo (opened with ?demo) reads its connection settings. */
export const DEMO_CONFIG_PATH = '/casview-demo.json';

/**
 * @param {{ root: string, port?: number, host?: string, demoConfig?: string }} options
 *   demoConfig: a JSON file (scripts/lib/demo-config.js writes it) served at DEMO_CONFIG_PATH,
 *   read on each request (scripts/serve writes it once the proxy listens, after this server);
 *   without it, or while the file is missing, that path is a 404 like any other.
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startStatic({ root, port = 0, host = '127.0.0.1', demoConfig }) {
  const realRoot = await realpath(resolve(root)).catch(() => resolve(root)); // web/ may not exist yet
  const server = createServer(async (req, res) => {
    const send = (status, text, headers = {}) => {
      res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    if (demoConfig && req.url.split('?')[0] === DEMO_CONFIG_PATH) {
      const text = await readFile(demoConfig, 'utf8').catch(() => null);
      if (text === null) return send(404, 'Not found\n');
      // It names this run's ports: never cached, so a restarted demo is not given old ones.
      return send(200, text, { 'Content-Type': MIME['.json'], 'Cache-Control': 'no-store' });
    }
    const file = await resolveFile(realRoot, req.url.split('?')[0]);
    if (!file) return send(404, 'Not found\n');
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const { size } = await stat(file);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
  const bound = await listen(server, { port, host });
  return { url: `${bound.origin}/`, port: bound.port, close: bound.close };
}
