// SignatureNonce replay cache: a nonce may not repeat within 15 minutes (docs/alibaba-api.md
// §1.7, acmesh-official/acme.sh#1639). Kept per AccessKeyId.

/** @returns {{ use(keyId: string, nonce: string, now: number): boolean }} false if replayed */
export function createNonceCache({ windowMs = 15 * 60_000 } = {}) {
  const seen = new Map(); // `${keyId}\n${nonce}` → time first used (insertion order ≈ time order)
  return {
    use(keyId, nonce, now) {
      for (const [k, t] of seen) { // drop expired entries from the oldest end
        if (now - t <= windowMs) break;
        seen.delete(k);
      }
      const k = `${keyId}\n${nonce}`;
      const t = seen.get(k);
      if (t !== undefined && Math.abs(now - t) <= windowMs) return false; // exact even if the clock went back
      seen.delete(k); // re-insert at the young end
      seen.set(k, now);
      return true;
    },
  };
}
