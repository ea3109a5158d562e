// Checks of JS-side input, before anything reaches WASM or the network. Every refusal is a
// CasError InvalidParameter naming the parameter (docs/js-api.md).
import { invalidParameter } from './errors.js';

export function optionalString(name, value) {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw invalidParameter(name, `${name} must be a string`);
  if (value.includes('\0')) throw invalidParameter(name, `${name} contains a NUL character`);
  return value;
}

export function requiredString(name, value) {
  const text = optionalString(name, value);
  if (text === '') throw invalidParameter(name, `${name} is required`);
  return text;
}

/** An integer in [min, max], or '' when absent and `fallback` is undefined. */
export function integerText(name, value, { min, max, fallback } = {}) {
  if (value === undefined || value === null) {
    if (fallback === undefined) return '';
    value = fallback;
  }
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw invalidParameter(name, `${name} must be an integer from ${min} to ${max}; got ${String(value)}`);
  }
  return String(value);
}

/** Refuses keys the API does not know (a lowercase `orderType` would be silently ignored). */
export function onlyKnownKeys(what, object, known) {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) {
    throw invalidParameter(what, `${what} must be an object`);
  }
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      throw invalidParameter(key, `${key} is not a ${what} field (known: ${known.join(', ')})`);
    }
  }
  return object;
}
