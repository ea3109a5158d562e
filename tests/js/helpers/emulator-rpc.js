// Test helpers: signed ListUserCertificateOrder calls made with the official SDK's signing
// function (@alicloud/openapi-util getRPCSignature), not with the emulator's own code, and
// raw HTTP requests whose request line is sent exactly as written (fetch would normalise it).
import http from 'node:http';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { DEMO_KEY } from '../../../scripts/emulator/index.js';

const require = createRequire(import.meta.url);
const OpenApiUtil = require('@alicloud/openapi-util').default;

export const T0 = Date.parse('2024-01-01T12:00:00Z');

/** A clock for the emulator that tests move by hand. */
export function fakeClock(start = T0) {
  let now = start;
  const clock = () => now;
  clock.set = (ms) => { now = ms; };
  clock.advance = (ms) => { now += ms; };
  return clock;
}

export const isoSeconds = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** RFC 3986 form encoding, `+` never used for a space (what pop-core puts on the wire). */
export const formEncode = (params) => Object.entries(params)
  .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`)
  .join('&');

/**
 * The complete signed parameter set. `params` overrides the common ones; a value of undefined
 * removes a parameter (signed without it).
 */
export function signed(params = {}, { method = 'GET', key = DEMO_KEY, now = Date.now(), nonce = randomUUID() } = {}) {
  const all = {
    Action: 'ListUserCertificateOrder', Version: '2020-04-07', Format: 'JSON', AccessKeyId: key.accessKeyId,
    SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: nonce, Timestamp: isoSeconds(now),
    ...(key.securityToken ? { SecurityToken: key.securityToken } : {}),
    ...params,
  };
  for (const k of Object.keys(all)) if (all[k] === undefined) delete all[k];
  all.Signature = OpenApiUtil.getRPCSignature(all, method, key.accessKeySecret);
  return all;
}

/** Sends params as GET query or POST form body to `${url}/`. */
export async function send(url, params, { method = 'GET', headers = {} } = {}) {
  const encoded = formEncode(params);
  const res = method === 'GET'
    ? await fetch(`${url}/?${encoded}`, { headers })
    : await fetch(`${url}/`, { method, body: encoded, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, text, json };
}

/** signed() + send(): one call with the given operation parameters. */
export const call = (url, params = {}, options = {}) => send(url, signed(params, options), options);

/** An HTTP request with this exact request-target; resolves {status, headers, text}. */
export function rawRequest(port, { method = 'GET', path = '/', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { 'content-length': Buffer.byteLength(body) };
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { ...length, ...headers }, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
