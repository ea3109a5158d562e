// What the page must show, computed from the emulator's own account (emu.truth), never from the
// page or casview: the rows a complete load returns, each with its status, kind, order type,
// not-after and expiry state.
const DAY = 86_400_000;
export const CERT_STATUSES = ['ISSUED', 'WILLEXPIRED', 'EXPIRED'];

/** Whole days left as the page shows them: ⌊(not-after − now) / 1 day⌋, negative once expired. */
export function daysLeft(notAfter, now) {
  return Math.floor((notAfter - now) / DAY);
}

/** Expiry state by the documented thresholds on the days left shown (critical ≤ 7, warning ≤ 30). */
export function expiryState(notAfter, now, { criticalDays = 7, warningDays = 30 } = {}) {
  if (notAfter === null) return 'unknown';
  const days = daysLeft(notAfter, now);
  if (days < 0) return 'expired';
  return days <= criticalDays ? 'critical' : days <= warningDays ? 'warning' : 'ok';
}

/** Every row of a complete load (certificates of the three lifecycle statuses, CPACK and BUY). */
export function expectedRows(emu, now = Date.now()) {
  const rows = [];
  for (const status of CERT_STATUSES) {
    for (const entry of emu.truth({ OrderType: 'CERT', Status: status }).CertificateOrderList) {
      // A certificate is valid through its whole EndDate (UTC), as the service counts it.
      const notAfter = Date.parse(`${entry.EndDate}T00:00:00Z`) + DAY - 1;  // 23:59:59.999Z
      rows.push({ kind: 'certificate', id: `certificate:${entry.CertificateId}`, status, orderType: 'CERT', notAfter,
        resourceGroupId: entry.ResourceGroupId ?? '', entry });
    }
  }
  for (const orderType of ['CPACK', 'BUY']) {
    for (const entry of emu.truth({ OrderType: orderType }).CertificateOrderList) {
      const notAfter = entry.CertEndTime === undefined ? null : Number(entry.CertEndTime);
      rows.push({ kind: 'order', id: `order:${entry.OrderId}`, status: entry.Status, orderType, notAfter,
        resourceGroupId: entry.ResourceGroupId ?? '', entry });
    }
  }
  for (const row of rows) row.expiryState = expiryState(row.notAfter, now);
  return rows;
}

export function countBy(rows, key) {
  const counts = {};
  for (const row of rows) counts[row[key]] = (counts[row[key]] ?? 0) + 1;
  return counts;
}
