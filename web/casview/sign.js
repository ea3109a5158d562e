// signRpcRequest: the pure signing function of the public API (no network).
import { loadCore } from './core.js';
import { CasError, invalidParameter } from './errors.js';

function paramText(name, value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  throw invalidParameter(name, `parameter ${name} must be a string or a number`);
}

// name\0value\0… : the whole set crosses into WASM as one string.
function packParams(params) {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw invalidParameter('params', 'params must be an object of parameter names to values');
  }
  let packed = '';
  for (const [name, raw] of Object.entries(params)) {
    if (raw === undefined || raw === null) continue;  // absent, as in @alicloud/openapi-util
    const value = paramText(name, raw);
    if (name.includes('\0') || value.includes('\0')) {
      throw invalidParameter(name, `parameter ${JSON.stringify(name)} contains a NUL character`);
    }
    packed += `${name}\0${value}\0`;
  }
  return packed;
}

/** @see index.d.ts */
export async function signRpcRequest({ method, params, accessKeySecret } = {}) {
  if (method !== 'GET' && method !== 'POST') {
    throw invalidParameter('method', `method must be "GET" or "POST", got ${JSON.stringify(method)}`);
  }
  if (typeof accessKeySecret !== 'string' || accessKeySecret === '') {
    throw invalidParameter('accessKeySecret', 'an AccessKey secret is required');
  }
  const packed = packParams(params);
  const core = await loadCore();
  const result = core._signRpc(method, packed, accessKeySecret);
  if (result.errorCode) {
    throw new CasError({ code: result.errorCode, param: result.errorParam, message: result.errorMessage });
  }
  return {
    canonicalizedQuery: result.canonicalizedQuery,
    stringToSign: result.stringToSign,
    signature: result.signature,
  };
}
