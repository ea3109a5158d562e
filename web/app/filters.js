// The filter bar: Search, Status, Order type, Expires within (days), Kind, Resource group, Site,
// Covers domain, Hide superseded, and the timeline month chip. It edits a view state
// (url-state.js) and reports every change; setState() puts a state (e.g. from the URL) back in.
import { t, formatNumber, onLanguageChange } from './i18n.js';

export const STATUSES = Object.freeze(['ISSUED', 'WILLEXPIRED', 'EXPIRED', 'PAYED', 'CHECKING',
  'CHECKED_FAIL', 'NOTACTIVATED', 'REVOKED']);
export const ORDER_TYPES = Object.freeze(['CERT', 'UPLOAD', 'CPACK', 'BUY']);
export const KINDS = Object.freeze(['certificate', 'order']);

/** '30' → 30, '' or junk → null (no limit). */
export function parseDays(text) {
  const value = String(text).trim();
  return /^\d{1,5}$/.test(value) ? Number(value) : null;
}

/** A wrapping <label> (no ids, so several instances and shadow roots work) around a control. */
function field(doc, labelKey, control, className = 'field') {
  const label = doc.createElement('label');
  label.className = className;
  const text = doc.createElement('span');
  text.className = 'field-label';
  text.dataset.i18n = labelKey;
  text.textContent = t(labelKey);
  if (control.type === 'checkbox') label.append(control, text);
  else label.append(text, control);
  return label;
}

function select(doc) {
  const el = doc.createElement('select');
  return el;
}

/** Replaces a select's options, keeping its value (added as an option if it is not listed). */
function setOptions(doc, el, options, value) {
  const wanted = value ?? el.value;
  const list = [['', t('filters.any')], ...options];
  if (wanted && !list.some(([v]) => v === wanted)) list.push([wanted, wanted]);
  el.replaceChildren(...list.map(([v, text]) => {
    const option = doc.createElement('option');
    option.value = v;
    option.textContent = text;
    return option;
  }));
  el.value = wanted;
}

/**
 * @param {Document} doc
 * @param {{ onChange(patch: object): void, onReset(): void }} options
 */
export function createFilters(doc, { onChange, onReset }) {
  const element = doc.createElement('form');
  element.className = 'filters';
  element.setAttribute('role', 'search');
  element.dataset.i18nLabel = 'filters.legend';
  element.setAttribute('aria-label', t('filters.legend'));
  element.addEventListener('submit', (event) => event.preventDefault());

  const search = doc.createElement('input');
  search.type = 'search';
  search.dataset.i18nPlaceholder = 'filters.searchPlaceholder';
  search.autocomplete = 'off';
  search.spellcheck = false;
  const status = select(doc);
  const orderType = select(doc);
  const within = doc.createElement('input');
  within.type = 'number';
  within.min = '0';
  within.max = '99999';
  within.inputMode = 'numeric';
  const kind = select(doc);
  const resourceGroup = select(doc);
  const site = select(doc);
  const covers = doc.createElement('input');
  covers.type = 'text';
  covers.dataset.i18nPlaceholder = 'filters.coversPlaceholder';
  covers.autocomplete = 'off';
  covers.spellcheck = false;
  const hideSuperseded = doc.createElement('input');
  hideSuperseded.type = 'checkbox';

  const siteField = field(doc, 'filters.site', site);
  siteField.hidden = true;
  const month = doc.createElement('p');
  month.className = 'month-chip';
  month.hidden = true;
  const monthText = doc.createElement('span');
  const monthClear = doc.createElement('button');
  monthClear.type = 'button';
  monthClear.dataset.i18n = 'filters.clearMonth';
  month.append(monthText, monthClear);
  const reset = doc.createElement('button');
  reset.type = 'button';
  reset.className = 'reset';
  reset.dataset.i18n = 'filters.reset';

  element.append(
    field(doc, 'filters.search', search, 'field field-search'),
    field(doc, 'filters.status', status),
    field(doc, 'filters.orderType', orderType),
    field(doc, 'filters.within', within, 'field field-narrow'),
    field(doc, 'filters.kind', kind),
    field(doc, 'filters.resourceGroup', resourceGroup),
    siteField,
    field(doc, 'filters.covers', covers),
    field(doc, 'filters.hideSuperseded', hideSuperseded, 'field field-check'),
    month, reset,
  );

  let statusCounts = {};
  let resourceGroups = [];
  let sites = [];
  let monthValue = '';

  function fillOptions() {
    setOptions(doc, status, STATUSES.map((s) => [s, statusCounts[s] === undefined ? s : `${s} (${formatNumber(statusCounts[s])})`]));
    setOptions(doc, orderType, ORDER_TYPES.map((o) => [o, o]));
    setOptions(doc, kind, KINDS.map((k) => [k, t(`kind.${k}`)]));
    setOptions(doc, resourceGroup, resourceGroups.map((g) => [g, g]));
    setOptions(doc, site, sites.map((s) => [s, s]));
    siteField.hidden = sites.length < 2 && !site.value;
  }

  function renderMonth() {
    if (month.hidden !== !monthValue) month.hidden = !monthValue;
    const text = monthValue === 'expired' ? t('filters.monthExpired') : t('filters.month', { month: monthValue });
    if (monthText.textContent !== text) monthText.textContent = text;
  }

  search.addEventListener('input', () => onChange({ search: search.value }));
  covers.addEventListener('input', () => onChange({ covers: covers.value }));
  within.addEventListener('input', () => onChange({ within: parseDays(within.value) }));
  status.addEventListener('change', () => onChange({ status: status.value }));
  orderType.addEventListener('change', () => onChange({ orderType: orderType.value }));
  kind.addEventListener('change', () => onChange({ kind: kind.value }));
  resourceGroup.addEventListener('change', () => onChange({ resourceGroup: resourceGroup.value }));
  site.addEventListener('change', () => onChange({ site: site.value }));
  hideSuperseded.addEventListener('change', () => onChange({ hideSuperseded: hideSuperseded.checked }));
  monthClear.addEventListener('click', () => onChange({ month: '' }));
  reset.addEventListener('click', () => onReset());

  onLanguageChange(() => { fillOptions(); renderMonth(); });
  fillOptions();

  return {
    element,
    searchInput: search,
    /** Shows a state's values in the controls (without reporting changes). */
    setState(state) {
      if (search.value !== state.search) search.value = state.search;
      if (covers.value !== state.covers) covers.value = state.covers;
      if (parseDays(within.value) !== state.within) within.value = state.within ?? '';
      for (const [el, value] of [[status, state.status], [orderType, state.orderType], [kind, state.kind],
        [resourceGroup, state.resourceGroup], [site, state.site]]) {
        if (el.value === value) continue;  // unchanged (every keystroke in Search comes here)
        if ([...el.options].every((o) => o.value !== value)) fillOptionsKeeping(el, value);
        el.value = value;
      }
      if (hideSuperseded.checked !== state.hideSuperseded) hideSuperseded.checked = state.hideSuperseded;
      monthValue = state.month;
      renderMonth();
    },
    /** Option lists learned from the data: counts per status, resource groups, sites. */
    setChoices(choices) {
      statusCounts = choices.statusCounts ?? statusCounts;
      resourceGroups = choices.resourceGroups ?? resourceGroups;
      sites = choices.sites ?? sites;
      fillOptions();
    },
  };

  function fillOptionsKeeping(el, value) {
    const option = doc.createElement('option');
    option.value = value;
    option.textContent = value;
    el.append(option);
  }
}
