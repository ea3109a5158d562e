// Sliding-window rate limit per AccessKeyId: "10 calls per second per user" (docs/alibaba-api.md
// §3.2). A request counts when it arrives and is accepted; refused requests do not count, so a
// client that waits x-acs-retry-after gets through.

/**
 * @param {{ limit?: number, windowMs?: number }} [options]
 * @returns {{ take(keyId: string, now: number): { ok: true } | { ok: false, retryAfterMs: number } }}
 */
export function createRateLimiter({ limit = 10, windowMs = 1000 } = {}) {
  const arrivals = new Map(); // keyId → ascending arrival times within the window
  return {
    take(keyId, now) {
      const times = (arrivals.get(keyId) ?? []).filter((t) => t > now - windowMs && t <= now);
      if (times.length >= limit) {
        arrivals.set(keyId, times);
        return { ok: false, retryAfterMs: Math.max(1, times[times.length - limit] + windowMs - now) };
      }
      times.push(now);
      arrivals.set(keyId, times);
      return { ok: true };
    },
  };
}
