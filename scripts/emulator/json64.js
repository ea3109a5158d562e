// JSON with int64 kept exact. CAS ids can exceed 2^53 (docs/alibaba-api.md §3.4: they must be
// parsed as 64-bit integers, never through a double), so the emulator writes them as raw JSON
// integers and reads account files without rounding them. In memory an int64 is a Number when
// it is a safe integer and a BigInt otherwise (see int64()).

/** A Number if safe, else a BigInt. Accepts number, bigint or a decimal string. */
export function int64(value) {
  const big = typeof value === 'bigint' ? value : BigInt(value);
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

/** JSON.stringify that writes BigInt values as bare integers. Compact output, no replacer. */
export function stringify(value) {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'bigint': return value.toString();
    case 'number': return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean': return String(value);
    case 'string': return JSON.stringify(value);
    default:
      if (Array.isArray(value)) return `[${value.map(stringify).join(',')}]`;
      return `{${Object.keys(value)
        .filter((k) => value[k] !== undefined)
        .map((k) => `${JSON.stringify(k)}:${stringify(value[k])}`)
        .join(',')}}`;
  }
}

/**
 * JSON.parse that turns integers outside the safe range into BigInt (all other values as
 * JSON.parse gives them). A small recursive-descent parser: Node 20 has no JSON.parse source
 * access, and the emulator needs no dependency for this.
 */
export function parse(text) {
  let i = 0;
  const fail = (what) => { throw new SyntaxError(`JSON: ${what} at offset ${i}`); };
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const value = () => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++; const obj = {}; ws();
      if (text[i] === '}') { i++; return obj; }
      for (;;) {
        ws(); if (text[i] !== '"') fail('expected a key');
        const key = string(); ws();
        if (text[i++] !== ':') fail('expected ":"');
        obj[key] = value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i++] === '}') return obj;
        fail('expected "," or "}"');
      }
    }
    if (ch === '[') {
      i++; const arr = []; ws();
      if (text[i] === ']') { i++; return arr; }
      for (;;) {
        arr.push(value()); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i++] === ']') return arr;
        fail('expected "," or "]"');
      }
    }
    if (ch === '"') return string();
    for (const [word, result] of [['true', true], ['false', false], ['null', null]]) {
      if (text.startsWith(word, i)) { i += word.length; return result; }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail('unexpected token');
    i += m[0].length;
    if (m[2] || m[3]) return Number(m[0]);
    const n = Number(m[0]);
    return Number.isSafeInteger(n) ? n : BigInt(m[0]);
  };
  const string = () => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i)); // the built-in parser handles escapes exactly
  };
  const result = value();
  ws();
  if (i !== text.length) fail('trailing data');
  return result;
}
