// The role=status line: "Showing X of Y" and the matching rows counted by expiry state.
import { t, formatNumber, onLanguageChange } from './i18n.js';

export const EXPIRY_STATES = Object.freeze(['expired', 'critical', 'warning', 'ok', 'unknown']);

/** The parts of the line, as [className, text] pairs (pure, for tests). */
export function statusParts(result) {
  if (!result || result.total === 0) return [['showing', t('status.noData')]];
  const parts = [['showing', t('status.showing', { shown: formatNumber(result.matched), total: formatNumber(result.total) })]];
  for (const state of EXPIRY_STATES) {
    const count = result.counts.byExpiryState[state] ?? 0;
    if (count) parts.push([`count count-${state}`, `${formatNumber(count)} ${t(`expiry.${state}`)}`]);
  }
  return parts;
}

export function createStatusLine(doc) {
  const element = doc.createElement('p');
  element.className = 'status-line';
  element.setAttribute('role', 'status');
  let last = null;
  let shown = [];  // the [className, text] pairs on screen
  function render(result = last) {
    last = result;
    const parts = statusParts(result);
    // Every keystroke renders the line: when the same pills are there, only changed numbers
    // are written (no new elements to style and lay out).
    if (parts.length === shown.length && parts.every(([className], i) => className === shown[i][0])) {
      const spans = element.querySelectorAll(':scope > span:not(.visually-hidden)');
      parts.forEach(([, text], i) => { if (shown[i][1] !== text) spans[i].textContent = text; });
      shown = parts;
      return;
    }
    shown = parts;
    element.replaceChildren();
    parts.forEach(([className, text], i) => {
      if (i) {
        // Real punctuation for screen readers and copy-paste; the layout spaces the pills.
        const separator = doc.createElement('span');
        separator.className = 'visually-hidden';
        separator.textContent = i === 1 ? ': ' : ', ';
        element.append(separator);
      }
      const span = doc.createElement('span');
      span.className = className;
      span.textContent = text;
      element.append(span);
    });
  }
  onLanguageChange(() => { shown = []; render(); });
  render(null);
  return { element, render };
}
