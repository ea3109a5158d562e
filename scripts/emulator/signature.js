// RPC signature version 1.0 (HMAC-SHA1), as the Alibaba Cloud gateway computes it.
// docs/alibaba-api.md §1.2–1.5. This is the emulator's own code, on purpose
// independent of the project's C++ signer and of the official SDKs, so that tests comparing
// them prove something.
import { createHmac, timingSafeEqual } from 'node:crypto';

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/**
 * §1.2: UTF-8 bytes; A-Z a-z 0-9 - _ . ~ stay literal, every other byte is %XY in uppercase hex.
 * So a space is %20 (never +), * is %2A and ~ stays ~ (never %7E).
 */
export function percentEncode(value) {
  let out = '';
  for (const byte of Buffer.from(String(value), 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(ch) ? ch : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

// Byte order of the UTF-8 names (§1.3): what the SDKs' plain sort does for ASCII names, and
// well defined for any other name a client might send.
function byteOrder(a, b) {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** §1.3: every parameter but Signature, sorted by name, `enc(k)=enc(v)` joined with `&`. */
export function canonicalizedQuery(params) {
  return Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort(byteOrder)
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name])}`)
    .join('&');
}

/** §1.4: METHOD & %2F & enc(canonicalized query). The method is the HTTP method used. */
export function stringToSign(method, params) {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalizedQuery(params))}`;
}

/** §1.5: Base64(HMAC-SHA1(key = secret + "&", UTF-8 of the string to sign)). */
export function sign(stringToSignValue, accessKeySecret) {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSignValue, 'utf8').digest('base64');
}

/** Constant-time comparison of a received Signature with the expected one. */
export function signatureMatches(received, expected) {
  const a = Buffer.from(String(received), 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
