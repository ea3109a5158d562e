// The request/answer buffers shared with the WASM core (see wasm/bindings/bindings.cpp):
// one TextEncoder.encodeInto in, one TextDecoder.decode out, NUL-separated fields.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Writes `text` as the next request; returns its size in bytes. */
export function writeRequest(core, text) {
  const capacity = text.length * 3;  // a UTF-16 code unit is at most 3 UTF-8 bytes
  const pointer = core._casview_input(capacity);
  // Read HEAPU8 after the call: the allocation may have grown (and replaced) the memory.
  const { written } = encoder.encodeInto(text, core.HEAPU8.subarray(pointer, pointer + capacity));
  return written;
}

/** The answer of the last call: its status character and its fields. */
export function readAnswer(core) {
  const pointer = core._casview_output();
  const bytes = core.HEAPU8.subarray(pointer, pointer + core._casview_output_size());
  const text = decoder.decode(bytes);
  const fields = text.slice(1).split('\0');
  fields.pop();  // every field ends with NUL
  return { ok: text[0] === 'S', fields };
}
