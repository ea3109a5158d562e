// CasError: every failure of the casview API, with the service's fields kept apart so callers
// branch on `code`, never on message text.

/** @see index.d.ts */
export class CasError extends Error {
  constructor({ code, message, param, requestId, hostId, httpStatus, recommend, retryable } = {}) {
    super(message || code || 'casview error');
    this.name = 'CasError';
    this.code = code || 'Unknown';
    if (param) this.param = param;
    this.requestId = requestId || '';
    this.hostId = hostId || '';
    this.httpStatus = httpStatus || 0;
    this.recommend = recommend || '';
    this.retryable = Boolean(retryable);
  }
}

/** A client-side refusal of bad input; nothing was sent. */
export function invalidParameter(param, message) {
  return new CasError({ code: 'InvalidParameter', param, message });
}
