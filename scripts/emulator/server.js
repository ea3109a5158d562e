// HTTP handling of the emulator: reads GET query / POST form parameters the way the gateway does
// (docs/alibaba-api.md §1.1, §1.6: query and form body merged, percent-decoded, `+` read as a
// space), applies faults and latency, runs the gateway checks, then the listing, and records
// every request.
import { createServer } from 'node:http';
import { stringify } from './json64.js';
import { errorResponse, newRequestId } from './errors.js';
import { validateQuery } from './listing.js';
import { HTML_200, HTML_502, FAULT_RETRY_AFTER_MS } from './faults.js';
import { readBody } from '../lib/http.js';

const MAX_BODY_BYTES = 1 << 20;

// Later duplicates win, and form fields win over query ones, as the SDKs' {...query, ...body}.
const decodeForm = (text) => Object.fromEntries(new URLSearchParams(text));

const json = (status, body, code, headers = {}) => ({
  status, code, headers: { 'Content-Type': 'application/json;charset=utf-8', ...headers }, body: stringify(body),
});
const error = (code, requestId, { message, headers } = {}) => {
  const { status, body } = errorResponse(code, { requestId, message });
  return json(status, body, code, headers);
};

/**
 * @param {{ gateway: ReturnType<import('./gateway.js').createGateway>,
 *           listing: ReturnType<import('./listing.js').createListing>,
 *           clock: () => number, faults: ReturnType<import('./faults.js').createFaults>,
 *           latencyMs?: number, log: object[], onRequest?: (entry: object) => void }} options
 * @returns {{ server: import('node:http').Server, shutdown(): void }}
 */
export function createEmulatorServer({ gateway, listing, clock, faults, latencyMs = 0, log, onRequest }) {
  const timers = new Set();

  function answer(method, path, params, requestId) {
    if (path !== '/') return error('InvalidApi.NotFound', requestId);
    if (method !== 'GET' && method !== 'POST') return error('UnsupportedHTTPMethod', requestId);
    const verdict = gateway.check(method, params);
    if (verdict.error) return error(verdict.error.code, requestId, verdict.error);
    if (!/^json$/i.test(params.Format ?? '')) {
      // The service defaults to XML (§1.7); the emulator speaks only JSON and says so.
      return error('InvalidParameter', requestId, { message: 'Specified parameter Format is not valid: this emulator answers Format=JSON only.' });
    }
    const valid = validateQuery(params);
    if (valid.error) return error(valid.error.code, requestId, valid.error);
    return json(200, { ...listing.listPage(valid.query, clock()), RequestId: requestId }, 'OK');
  }

  // The answer a fault replaces the real one with; undefined for faults that alter it instead.
  function faultAnswer(kind, requestId) {
    switch (kind) {
      case 'unavailable': return error('ServiceUnavailable', requestId);
      case 'throttling': return error('Throttling.User', requestId, { headers: { 'x-acs-retry-after': String(FAULT_RETRY_AFTER_MS) } });
      case 'html': return { status: 502, code: 'fault:html', headers: { 'Content-Type': 'text/html' }, body: HTML_502 };
      case 'html200': return { status: 200, code: 'fault:html200', headers: { 'Content-Type': 'text/html' }, body: HTML_200 };
      case 'empty': return { status: 200, code: 'fault:empty', headers: { 'Content-Type': 'application/json' }, body: '' };
      case 'notObject': return { status: 200, code: 'fault:notObject', headers: { 'Content-Type': 'application/json' }, body: '[1,2,3]' };
      default: return undefined;
    }
  }

  async function handle(req, res) {
    const requestId = newRequestId();
    const [path, rawQuery = ''] = req.url.split(/\?(.*)/s);
    const entry = { time: clock(), method: req.method, path, headers: req.headers, params: {}, code: null, status: null, fault: null };
    log.push(entry);
    let rawBody = '';
    try {
      rawBody = (await readBody(req, MAX_BODY_BYTES)).toString('utf8');
    } catch (err) {
      if (err.code !== 'BODY_TOO_LARGE') throw err;
      return send(res, error('InvalidParameter', requestId, { message: 'The request body is too large.' }), entry, requestId);
    }
    const isForm = /^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '');
    entry.params = { ...decodeForm(rawQuery), ...(req.method === 'POST' && isForm ? decodeForm(rawBody) : {}) };
    entry.fault = faults.next();
    if (entry.fault === 'hang') { // the socket stays open until close()
      entry.code = 'fault:hang';
      onRequest?.(entry);
      return;
    }

    let response = faultAnswer(entry.fault, requestId) ?? answer(req.method, path, entry.params, requestId);
    if (entry.fault === 'noRequestId' && response.status === 200) {
      // Textually, so that 64-bit ids elsewhere in the body stay exact.
      const body = response.body.replace(/"RequestId":"[^"]*",/, '').replace(/,"RequestId":"[^"]*"/, '');
      response = { ...response, code: 'fault:noRequestId', body };
    }
    if (entry.fault === 'truncated') {
      const bytes = Buffer.from(response.body, 'utf8');
      response = { ...response, status: 200, code: 'fault:truncated', body: bytes.subarray(0, bytes.length >> 1) };
    }
    if (latencyMs > 0) {
      await new Promise((resolve) => { const t = setTimeout(() => { timers.delete(t); resolve(); }, latencyMs); timers.add(t); });
    }
    send(res, response, entry, requestId);
  }

  function send(res, response, entry, requestId) {
    entry.code = response.code;
    entry.status = response.status;
    onRequest?.(entry);
    if (res.destroyed) return;
    const body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body, 'utf8');
    res.writeHead(response.status, {
      ...response.headers,
      'Content-Length': body.length,
      Date: new Date(clock()).toUTCString(), // the emulator's clock, so clients can see its skew
      'x-acs-request-id': requestId,
    });
    res.end(body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`emulator bug: ${err.message}`);
      }
    });
  });
  return {
    server,
    shutdown() { for (const t of timers) clearTimeout(t); timers.clear(); },
  };
}
