// Error responses in the gateway's shape {RequestId, HostId, Code, Message, Recommend}, with the
// codes and HTTP statuses of docs/alibaba-api.md §4 (clients branch on Code).
import { randomUUID } from 'node:crypto';

export const HOST_ID = 'cas.aliyuncs.com';

// Code → [HTTP status, message]. Messages follow the real gateway's wording where it is known
// (§4.1, and the public reports listed in §6); the others are plausible.
const CATALOGUE = {
  IncompleteSignature: [400, 'The request signature does not conform to Aliyun standards.'],
  InvalidSignatureMethod: [400, 'Specified signature method is not supported.'],
  InvalidSignatureVersion: [400, 'Specified signature version is not supported.'],
  InvalidVersion: [400, 'Specified parameter Version is not valid.'],
  'InvalidApi.NotFound': [404, 'Specified api is not found, please check your url and method.'],
  UnsupportedHTTPMethod: [400, 'This http method is not supported.'],
  'InvalidTimeStamp.Format': [400, 'Specified time stamp or date value is not well formatted.'],
  'InvalidTimeStamp.Expired': [400, 'Specified time stamp or date value is expired.'],
  'InvalidAccessKeyId.NotFound': [404, 'Specified access key is not found.'],
  'InvalidAccessKeyId.Inactive': [400, 'Specified access key is disabled.'],
  'InvalidSecurityToken.Malformed': [400, 'Specified SecurityToken is malformed.'],
  'InvalidSecurityToken.Expired': [400, 'Specified SecurityToken is expired.'],
  'InvalidSecurityToken.MismatchWithAccessKey': [400, 'Specified SecurityToken mismatch with the AccessKey.'],
  SignatureDoesNotMatch: [400, 'Specified signature is not matched with our calculation.'],
  SignatureNonceUsed: [400, 'Specified signature nonce was used already.'],
  'Throttling.User': [400, 'Request was denied due to user flow control.'],
  InvalidParameter: [400, 'The specified parameter is not valid.'],
  InternalError: [500, 'The request processing has failed due to some unknown error, exception or failure.'],
  ServiceUnavailable: [503, 'The request has failed due to a temporary failure of the server.'],
};

/** Missing<Name> codes (e.g. MissingTimestamp, MissingSecurityToken) share one message. */
export function missingParameterMessage(name) {
  return `The input parameter "${name}" that is mandatory for processing this request is not supplied.`;
}

export function newRequestId() {
  return randomUUID().toUpperCase();
}

/** HTTP status for a code; Missing<Name> is 400. */
export function errorStatus(code) {
  if (CATALOGUE[code]) return CATALOGUE[code][0];
  if (/^Missing[A-Z]/.test(code)) return 400;
  throw new Error(`errors.js: unknown error code ${code}`);
}

/**
 * @param {string} code a code of the catalogue above or Missing<Name>
 * @param {{ requestId?: string, message?: string }} [options] message replaces the default
 * @returns {{ status: number, body: object }}
 */
export function errorResponse(code, { requestId = newRequestId(), message } = {}) {
  const status = errorStatus(code);
  return {
    status,
    body: {
      RequestId: requestId,
      HostId: HOST_ID,
      Code: code,
      Message: message ?? CATALOGUE[code]?.[1] ?? missingParameterMessage(code.slice('Missing'.length)),
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=cas&requestId=${requestId}`,
    },
  };
}
