// Which targets the CORS proxy forwards to, and how page origins are written: the one place
// that decides (the nginx config in scripts/nginx/ mirrors the target rule with the same
// regular expression and takes its origins through normalizeOrigin).
//
// A request for `/<target>` (cors-anywhere convention) is forwarded only when <target> is, byte
// for byte:
//   https://cas.aliyuncs.com/[?query]              China site
//   https://cas.<region>.aliyuncs.com/[?query]     region like ap-southeast-1 ([a-z]{2,}-[a-z]+-\d+)
//   http(s)://127.0.0.1:<port>/[?query]            loopback (the emulator), only for a host:port
//   http(s)://localhost:<port>/[?query]            named in allowLoopback, exactly as named
// The raw text is checked before any URL parser sees it, so nothing a parser would normalise
// (percent-encoding, case, trailing dots, backslashes, userinfo, IP spellings such as 2130706433
// or 0x7f.1, IPv6 literals) can reach another host; then WHATWG URL must agree on every part.
// The path must be exactly "/": the API has no other path, and no `..` or `//` can hide there.

/** CAS endpoints (docs/alibaba-api.md §3.1). */
export const CAS_HOST = /^cas(\.[a-z]{2,}-[a-z]+-\d+)?\.aliyuncs\.com$/;
export const LOOPBACK_HOSTS = Object.freeze(['127.0.0.1', 'localhost']);

const refuse = (code, message) => ({ error: { status: code === 'ProxyBadTarget' ? 400 : 403, code, message } });
const forbidden = (message) => refuse('ProxyForbiddenHost', message);
const shown = (text) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
const USAGE = 'Expected /https://cas.aliyuncs.com/?<signed query> (or cas.<region>.aliyuncs.com).';

/**
 * The loopback targets a demo proxy may forward to, checked: each "127.0.0.1:<port>" or
 * "localhost:<port>". A bare `true` is refused: a proxy that reaches every local port lets any
 * page that can talk to it read every local service.
 * @param {string[] | undefined | false} list
 * @returns {Set<string>} the host:port strings, as a target's authority must spell them
 * @throws {Error} for anything else
 */
export function loopbackTargets(list) {
  if (list === undefined || list === false) return new Set();
  if (!Array.isArray(list)) {
    throw new Error(`allowLoopback must list the loopback targets as "host:port" strings (e.g. ["127.0.0.1:8788"]), not ${JSON.stringify(list)}`);
  }
  return new Set(list.map((entry) => {
    const m = typeof entry === 'string' && /^(127\.0\.0\.1|localhost):([1-9]\d{0,4})$/.exec(entry);
    if (!m || Number(m[2]) > 65535) {
      throw new Error(`loopback target ${JSON.stringify(entry)} is not "127.0.0.1:<port>" or "localhost:<port>"`);
    }
    return entry;
  }));
}

/**
 * @param {string} requestTarget the request's path as received (`req.url`), e.g.
 *   "/https://cas.aliyuncs.com/?Action=…"
 * @param {{ allowLoopback?: Set<string> }} [options] loopback host:port targets, from loopbackTargets()
 * @returns {{ target: { url: string, protocol: 'http:'|'https:', hostname: string, port: number,
 *             host: string, path: string, loopback: boolean } } | { error: { status, code, message } }}
 *   host is hostname[:port] as the Host header carries it; path is "/" plus the raw query.
 */
export function checkTarget(requestTarget, { allowLoopback = new Set() } = {}) {
  if (!(allowLoopback instanceof Set)) throw new TypeError('checkTarget: allowLoopback must be a Set from loopbackTargets()');
  const m = /^\/(https?):\/\/([^/?#]*)(.*)$/s.exec(requestTarget);
  if (!m) {
    return /^\/[A-Za-z][A-Za-z0-9+.-]*:/.test(requestTarget)
      ? forbidden(`Only https:// targets are forwarded. ${USAGE}`)
      : refuse('ProxyBadTarget', USAGE);
  }
  const [, scheme, authority, rest] = m;
  if (authority.includes('@')) return forbidden('A target with user information is not forwarded.');
  const hp = /^([a-z0-9.-]+)(?::([1-9]\d{0,4}))?$/.exec(authority);
  if (!hp) return forbidden(`Target host "${shown(authority)}" is not allowed (lowercase host names only, no encodings or IP literals).`);
  const [, hostname, portText] = hp;
  const port = portText === undefined ? undefined : Number(portText);

  const loopback = LOOPBACK_HOSTS.includes(hostname);
  if (loopback) {
    if (allowLoopback.size === 0) return forbidden('Loopback targets are not allowed by this proxy.');
    if (!allowLoopback.has(authority)) return forbidden(`Loopback target "${authority}" is not one this proxy forwards to.`);
  } else {
    if (!CAS_HOST.test(hostname)) return forbidden(`Target host "${hostname}" is not an allowed CAS endpoint.`);
    if (scheme !== 'https') return forbidden('CAS endpoints are reached over https only.');
    if (port !== undefined) return forbidden('CAS endpoints take no explicit port.');
  }

  const q = rest.indexOf('?');
  const path = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? '' : rest.slice(q);
  if (path !== '' && path !== '/') return refuse('ProxyBadTarget', `Only the path "/" is forwarded. ${USAGE}`);
  if (/[#\s]/.test(query)) return refuse('ProxyBadTarget', 'The query string has characters that are not allowed.');

  // Belt and braces: the WHATWG parser must read the same scheme, host, port and path.
  let url;
  try { url = new URL(`${scheme}://${authority}/${query}`); } catch { return forbidden('The target is not a valid URL.'); }
  if (url.protocol !== `${scheme}:` || url.hostname !== hostname || url.username || url.password
      || url.port !== (portText ?? '') || url.pathname !== '/') {
    return forbidden('The target is ambiguous.');
  }
  return {
    target: {
      url: url.href, protocol: url.protocol, hostname, host: authority,
      port: port ?? (scheme === 'https' ? 443 : 80), path: `/${query}`, loopback,
    },
  };
}

/**
 * A configured page origin, as browsers write it in the Origin header (scheme://host[:port],
 * lowercase, default port dropped), so it can be compared with that header exactly.
 * @throws {Error} for anything that is not an origin (a path, "null", a bad URL)
 */
export function normalizeOrigin(origin) {
  let url;
  try { url = new URL(origin); } catch { url = null; }
  if (!url || url.origin === 'null' || url.href.replace(/\/$/, '') !== url.origin) throw new Error(`"${origin}" is not an origin`);
  return url.origin;
}
