// Fault injection: which requests fail, and how. A seeded sequence decides per request (in
// arrival order), so a test that sends the same requests sees the same faults; inject() forces
// the next responses, for tests that need one exact failure.
import { createPrng } from './prng.js';

/**
 * - unavailable: 503 ServiceUnavailable, JSON error body
 * - throttling:  400 Throttling.User with x-acs-retry-after
 * - html:        502 with an HTML page, as a load balancer in front of the service sends
 * - truncated:   200 whose JSON body is cut in half
 * - hang:        never answered (the socket closes when the emulator closes)
 * What a middlebox (a corporate proxy, a captive portal) may send with HTTP 200:
 * - html200:     an HTML page
 * - empty:       no body at all
 * - notObject:   JSON that is not an object ([1,2,3])
 * - noRequestId: the real answer without its RequestId (not the service's word)
 */
export const FAULT_KINDS = Object.freeze(['unavailable', 'throttling', 'html', 'truncated', 'hang',
  'html200', 'empty', 'notObject', 'noRequestId']);

export const HTML_200 = '<!DOCTYPE html>\r\n<html><head><title>Network login</title></head>\r\n'
  + '<body><h1>Sign in to continue</h1><p>This network requires you to sign in.</p></body></html>\r\n';

export const HTML_502 = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\r\n<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n'
  + '<body>\r\n<h1>502 Bad Gateway</h1>\r\n<p>The proxy server received an invalid response from an upstream server.</p>\r\n'
  + '<hr/>Powered by Tengine</body>\r\n</html>\r\n';

/** Throttling faults ask the client to wait this long (ms). */
export const FAULT_RETRY_AFTER_MS = 1000;

function checkKinds(kinds) {
  for (const kind of kinds) {
    if (!FAULT_KINDS.includes(kind)) throw new Error(`faults: unknown kind "${kind}" (known: ${FAULT_KINDS.join(', ')})`);
  }
}

/**
 * @param {{ rate?: number, kinds?: string[], seed?: number|string }} [options]
 *   rate: probability (0..1) that a request gets a fault; kinds: drawn from uniformly.
 */
export function createFaults({ rate = 0, kinds = FAULT_KINDS, seed = 1 } = {}) {
  checkKinds(kinds);
  if (!(rate >= 0 && rate <= 1)) throw new Error('faults: rate must be within 0..1');
  if (rate > 0 && kinds.length === 0) throw new Error('faults: a rate needs at least one kind');
  const rng = createPrng(`faults/${seed}`);
  const forced = [];
  return {
    /** The fault for the next request, or null. */
    next() {
      if (forced.length) return forced.shift();
      // Draw twice per request whatever the outcome, so the sequence depends only on the count.
      const [hit, which] = [rng.next(), rng.next()];
      return hit < rate ? kinds[Math.floor(which * kinds.length)] : null;
    },
    /** Forces `kind` on the next `count` requests (null forces a normal answer). */
    inject(kind, count = 1) {
      if (kind !== null) checkKinds([kind]);
      for (let i = 0; i < count; i++) forced.push(kind);
    },
  };
}
