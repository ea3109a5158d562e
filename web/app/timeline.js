// The expiry timeline: certificates expiring per UTC month over the next 12 months, the expired
// bar first (Inventory.timeline), as inline SVG built with createElementNS. A bar is a button:
// clicking it (or Enter/Space) filters the table to that month; again clears it.
import { t, formatNumber, onLanguageChange } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
export const TIMELINE_MONTHS = 12;

/**
 * Bar rectangles in a viewBox of width × height: equal slots, a gap between them, heights
 * proportional to the largest count, room left below for the month labels and above for counts.
 * @returns {{ bars: {label, count, x, y, width, height, labelX, labelY, countY}[], width, height }}
 */
export function timelineGeometry(buckets, { width = 720, height = 160, gap = 6, labelHeight = 18, countHeight = 14 } = {}) {
  const slot = buckets.length ? width / buckets.length : width;
  const plot = height - labelHeight - countHeight;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const bars = buckets.map((bucket, i) => {
    // A non-zero count stays visible (at least 2 units high) next to a very large one.
    const barHeight = bucket.count === 0 ? 0 : Math.max(2, (bucket.count / max) * plot);
    const x = i * slot + gap / 2;
    const y = countHeight + plot - barHeight;
    return {
      label: bucket.label, count: bucket.count, x, y, width: Math.max(1, slot - gap), height: barHeight,
      labelX: x + (slot - gap) / 2, labelY: height - 4, countY: y - 3,
    };
  });
  return { bars, width, height };
}

/** 'expired' or 'YYYY-MM' → short axis text ('Mar 25' / '25-03'); the language decides. */
const monthFormats = new Map();
export function barCaption(label, lang) {
  if (label === 'expired') return t('timeline.expired');
  const [year, month] = label.split('-').map(Number);
  if (!monthFormats.has(lang)) monthFormats.set(lang, new Intl.DateTimeFormat(lang, { month: 'short', year: '2-digit', timeZone: 'UTC' }));
  return monthFormats.get(lang).format(new Date(Date.UTC(year, month - 1, 1)));
}

function svg(doc, name, attributes) {
  const el = doc.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
  return el;
}

/**
 * @param {{ onSelect(label: string): void, language(): string }} options
 * @returns {{ element, render(buckets, selected) }}
 */
export function createTimeline(doc, { onSelect, language }) {
  const element = doc.createElement('figure');
  element.className = 'timeline';
  const caption = doc.createElement('figcaption');
  caption.dataset.i18n = 'timeline.title';
  element.append(caption);
  let last = { buckets: [], selected: '' };

  function render(buckets = last.buckets, selected = last.selected) {
    last = { buckets, selected };
    element.hidden = buckets.every((b) => b.count === 0);  // nothing to draw: no empty axis
    caption.textContent = t('timeline.title');
    const { bars, width, height } = timelineGeometry(buckets);
    const root = svg(doc, 'svg', { viewBox: `0 0 ${width} ${height}`, class: 'timeline-svg', role: 'group' });
    root.setAttribute('aria-label', t('timeline.title'));
    for (const bar of bars) {
      const text = t('timeline.bar', { label: barCaption(bar.label, language()), count: formatNumber(bar.count) });
      const group = svg(doc, 'g', { class: `timeline-bar${bar.label === 'expired' ? ' is-expired' : ''}`, role: 'button', tabindex: 0 });
      group.setAttribute('aria-label', text);
      group.setAttribute('aria-pressed', String(bar.label === selected));
      group.dataset.label = bar.label;
      if (bar.label === selected) group.classList.add('is-selected');
      const title = svg(doc, 'title', {});
      title.textContent = text;
      // A transparent hit area over the whole slot, so short bars are easy to click.
      const hit = svg(doc, 'rect', { class: 'timeline-hit', x: bar.x, y: 0, width: bar.width, height });
      const rect = svg(doc, 'rect', { class: 'timeline-rect', x: bar.x, y: bar.y, width: bar.width, height: bar.height, rx: 2 });
      const count = svg(doc, 'text', { class: 'timeline-count', x: bar.labelX, y: bar.countY, 'text-anchor': 'middle' });
      count.textContent = bar.count ? formatNumber(bar.count) : '';
      const label = svg(doc, 'text', { class: 'timeline-label', x: bar.labelX, y: bar.labelY, 'text-anchor': 'middle' });
      label.textContent = barCaption(bar.label, language());
      group.append(title, hit, rect, count, label);
      root.append(group);
    }
    // Keep keyboard focus on the same bar across the redraw.
    const focused = element.querySelector('.timeline-bar:focus')?.dataset.label;
    element.querySelector('svg')?.remove();
    element.append(root);
    if (focused) root.querySelector(`.timeline-bar[data-label="${focused}"]`)?.focus();
  }

  element.addEventListener('click', (event) => {
    const bar = event.target.closest?.('.timeline-bar');
    if (bar) onSelect(bar.dataset.label);
  });
  element.addEventListener('keydown', (event) => {
    const bar = event.target.closest?.('.timeline-bar');
    if (bar && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      onSelect(bar.dataset.label);
    }
  });
  onLanguageChange(() => render());
  return { element, render };
}
