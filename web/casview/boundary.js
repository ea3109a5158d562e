// The request/answer buffers shared with the WASM core (wasm/bindings/boundary.hpp):
// one TextEncoder.encodeInto in, one TextDecoder.decode out, NUL-terminated fields.
import { CasError } from './errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });  // a CSV export starts with one

/** Writes `text` as the next request; returns its size in bytes. */
export function writeRequest(core, text) {
  const capacity = text.length * 3;  // a UTF-16 code unit is at most 3 UTF-8 bytes
  const pointer = core._casview_input(capacity);
  // Read HEAPU8 after the call: the allocation may have grown (and replaced) the memory.
  const { written } = encoder.encodeInto(text, core.HEAPU8.subarray(pointer, pointer + capacity));
  return written;
}

/**
 * Joins fields into a request, every field NUL-terminated. It appends an empty field to the
 * array it is given (pass a fresh one): one join then makes the request a flat string, where a
 * NUL appended afterwards would make a rope that encodeInto must flatten first.
 */
export function requestOf(fields) {
  fields.push('');
  return fields.join('\0');
}

/** UTF-8 text at [pointer, pointer + size) of the module's memory. */
export function readText(core, pointer, size) {
  return decoder.decode(core.HEAPU8.subarray(pointer, pointer + size));
}

/** Splits NUL-terminated fields. */
export function fieldsOf(text) {
  const fields = text.split('\0');
  fields.pop();
  return fields;
}

/** The answer of the last synchronous call: its status and its fields. */
export function readAnswer(core) {
  const text = readText(core, core._casview_output(), core._casview_output_size());
  return { ok: text[0] === 'S', fields: fieldsOf(text.slice(1)) };
}

/** The answer of the last call as one text (after its 'S'). */
export function readAnswerText(core) {
  const pointer = core._casview_output();
  return readText(core, pointer + 1, core._casview_output_size() - 2);
}

/** code, param, message, requestId, hostId, recommend, httpStatus, retryable → CasError. */
export function errorFromFields([code, param, message, requestId, hostId, recommend, httpStatus, retryable]) {
  return new CasError({
    code, param: param || undefined, message, requestId, hostId, recommend,
    httpStatus: Number(httpStatus) || 0, retryable: retryable === '1',
  });
}

/** The error answered by the last synchronous call. */
export function answeredError(core) {
  return errorFromFields(readAnswer(core).fields);
}
