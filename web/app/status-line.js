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
  function render(result = last) {
    last = result;
    element.replaceChildren();
    statusParts(result).forEach(([className, text], i) => {
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
  onLanguageChange(() => render());
  render(null);
  return { element, render };
}
