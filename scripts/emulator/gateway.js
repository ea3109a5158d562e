// The API gateway's checks on a ListUserCertificateOrder call, in the order the gateway applies
// them, each failing with its real code (docs/alibaba-api.md §1, §4):
//   1. Missing<Name> for a missing common parameter; IncompleteSignature without Signature
//   2. InvalidSignatureMethod / InvalidSignatureVersion (only HMAC-SHA1, 1.0)
//   3. InvalidVersion (only 2020-04-07), InvalidApi.NotFound (other actions)
//   4. InvalidTimeStamp.Format, InvalidTimeStamp.Expired (more than 15 min from the clock)
//   5. InvalidAccessKeyId.NotFound / .Inactive
//   6. STS keys (keys with a token): MissingSecurityToken, InvalidSecurityToken.Malformed /
//      .MismatchWithAccessKey / .Expired; a permanent key with a token: .MismatchWithAccessKey
//   7. SignatureDoesNotMatch, echoing "server string to sign is:<StringToSign>"
//   8. SignatureNonceUsed (same nonce within 15 min)
//   9. Throttling.User (more than 10 requests in a sliding second per AccessKeyId)
// Operation parameters are validated afterwards (listing.js).
import { stringToSign, sign, signatureMatches } from './signature.js';
import { createKeyStore, isWellFormedToken } from './keys.js';
import { createRateLimiter } from './ratelimit.js';
import { createNonceCache } from './nonces.js';

export const API_VERSION = '2020-04-07';
export const ACTION = 'ListUserCertificateOrder';
export const TIMESTAMP_WINDOW_MS = 15 * 60_000;

// Required common parameters, in the order the checks report them (§1.1 table).
const REQUIRED = ['Action', 'Version', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp'];

/** Milliseconds of a `yyyy-MM-ddTHH:mm:ssZ` timestamp, or NaN if it is not exactly that. */
export function parseTimestamp(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(text);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms); // reject 2024-02-30, 25:00:00 and the like
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d
    && back.getUTCHours() === h && back.getUTCMinutes() === mi && back.getUTCSeconds() === s ? ms : NaN;
}

/**
 * @param {{ keys: import('./keys.js').EmulatorKey[], clock: () => number,
 *           rateLimit?: false | { limit?: number, windowMs?: number } }} options
 */
export function createGateway({ keys, clock, rateLimit = {} }) {
  const keyStore = createKeyStore(keys);
  const nonces = createNonceCache({ windowMs: TIMESTAMP_WINDOW_MS });
  const limiter = rateLimit === false ? null : createRateLimiter(rateLimit);

  /**
   * @param {string} method 'GET' or 'POST'
   * @param {Record<string, string>} params every received parameter, decoded, Signature included
   * @returns {{ key: object } | { error: { code: string, message?: string, headers?: object } }}
   */
  function check(method, params) {
    const fail = (code, message, headers) => ({ error: { code, message, headers } });
    const serverStringToSign = () => stringToSign(method, params);

    const missing = REQUIRED.find((name) => !params[name]);
    if (missing) return fail(`Missing${missing}`);
    if (!params.Signature) {
      return fail('IncompleteSignature', `The request signature does not conform to Aliyun standards. server string to sign is:${serverStringToSign()}`);
    }
    if (params.SignatureMethod !== 'HMAC-SHA1') return fail('InvalidSignatureMethod');
    if (params.SignatureVersion !== '1.0') return fail('InvalidSignatureVersion');
    if (params.Version !== API_VERSION) return fail('InvalidVersion');
    if (params.Action !== ACTION) return fail('InvalidApi.NotFound');

    const now = clock();
    const timestamp = parseTimestamp(params.Timestamp);
    if (Number.isNaN(timestamp)) return fail('InvalidTimeStamp.Format');
    if (Math.abs(now - timestamp) > TIMESTAMP_WINDOW_MS) return fail('InvalidTimeStamp.Expired');

    const key = keyStore.find(params.AccessKeyId);
    if (!key) return fail('InvalidAccessKeyId.NotFound');
    if (key.disabled) return fail('InvalidAccessKeyId.Inactive');

    const token = params.SecurityToken ?? '';
    if (key.securityToken) { // an STS key
      if (!token) return fail('MissingSecurityToken');
      if (!isWellFormedToken(token)) return fail('InvalidSecurityToken.Malformed');
      if (token !== key.securityToken) return fail('InvalidSecurityToken.MismatchWithAccessKey');
      if (key.expiresAt !== undefined && now >= key.expiresAt) return fail('InvalidSecurityToken.Expired');
    } else if (token) {
      // An empty SecurityToken is what the legacy C++ SDK always sends (§1.7); a real one
      // cannot belong to a permanent AccessKey.
      return fail(isWellFormedToken(token) ? 'InvalidSecurityToken.MismatchWithAccessKey' : 'InvalidSecurityToken.Malformed');
    }

    const expected = serverStringToSign();
    if (!signatureMatches(params.Signature, sign(expected, key.accessKeySecret))) {
      return fail('SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${expected}`);
    }
    if (!nonces.use(key.accessKeyId, params.SignatureNonce, now)) return fail('SignatureNonceUsed');
    if (limiter) {
      const slot = limiter.take(key.accessKeyId, now);
      if (!slot.ok) return fail('Throttling.User', undefined, { 'x-acs-retry-after': String(slot.retryAfterMs) });
    }
    return { key };
  }

  return { check };
}
