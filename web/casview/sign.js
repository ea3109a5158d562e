// signRpcRequest: the pure signing function of the public API (no network).
import { answeredError, readText, requestOf, writeRequest } from './boundary.js';
import { loadCore, loadedCore } from './core.js';
import { invalidParameter } from './errors.js';

function paramText(name, value) {
  let text;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else if (typeof value === 'bigint' || typeof value === 'boolean') text = String(value);
  else throw invalidParameter(name, `parameter ${name} must be a string or a number`);
  if (text.includes('\0')) throw invalidParameter(name, `parameter ${name} contains a NUL character`);
  return text;
}

// A lone surrogate has no UTF-8 form: it would be signed as U+FFFD, not as what was given.
// One check over the whole request; the slow search for the culprit only when it fails.
function requireWellFormed(request, secret, params) {
  if (typeof request.isWellFormed !== 'function' || request.isWellFormed()) return;
  if (!secret.isWellFormed()) throw invalidParameter('accessKeySecret', 'the AccessKey secret is not well-formed Unicode');
  for (const [name, value] of Object.entries(params)) {
    if (!name.isWellFormed() || !String(value).isWellFormed()) {
      throw invalidParameter(name, `parameter ${name} is not well-formed Unicode`);
    }
  }
}

// method \0 secret \0 (name \0 value \0)* : the whole request crosses into WASM at once.
function signingRequest(method, params, secret) {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw invalidParameter('params', 'params must be an object of parameter names to values');
  }
  const fields = [method, paramText('accessKeySecret', secret)];
  const names = Object.keys(params);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const value = params[name];
    if (value === undefined || value === null) continue;  // absent, as in @alicloud/openapi-util
    if (name.includes('\0')) throw invalidParameter(name, 'a parameter name contains a NUL character');
    fields.push(name, paramText(name, value));
  }
  return requestOf(fields);
}

/** @see index.d.ts */
export async function signRpcRequest({ method, params, accessKeySecret } = {}) {
  if (method !== 'GET' && method !== 'POST') {
    throw invalidParameter('method', `method must be "GET" or "POST", got ${JSON.stringify(method)}`);
  }
  if (typeof accessKeySecret !== 'string' || accessKeySecret === '') {
    throw invalidParameter('accessKeySecret', 'an AccessKey secret is required');
  }
  const request = signingRequest(method, params, accessKeySecret);
  const core = loadedCore() ?? await loadCore();
  const size = writeRequest(core, request);
  requireWellFormed(request, accessKeySecret, params);  // after encodeInto flattened the string
  core._casview_sign(size);
  // 'S' canonicalizedQuery \0 stringToSign \0 signature \0, read in one decode.
  const pointer = core._casview_output();
  if (core.HEAPU8[pointer] !== 0x53) throw answeredError(core);
  const fields = readText(core, pointer + 1, core._casview_output_size() - 2).split('\0');
  return { canonicalizedQuery: fields[0], stringToSign: fields[1], signature: fields[2] };
}
