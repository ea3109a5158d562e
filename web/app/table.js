// The results table: a real <table> (sortable <th scope=col> headers with aria-sort) that renders
// only the rows in view. Rows come from a source (offset, limit) → InventoryResult, so with
// 100,000 rows the DOM holds about forty <tr> at any time; spacer rows above and below keep
// the scrollbar honest, and aria-rowcount/aria-rowindex tell screen readers where they are.
import { t, formatDate, formatNumber, onLanguageChange } from './i18n.js';
import { afterPaint } from './after-paint.js';

/** Columns in display order: sort key, i18n key, and how a cell shows its row. */
export const COLUMNS = Object.freeze([
  { key: 'kind', text: (row) => t(`kind.${row.kind}`) },
  { key: 'site', text: (row) => row.site, optional: true },
  { key: 'name', render: renderNameCell },
  { key: 'domain', text: (row) => row.domain },
  { key: 'sans', render: renderSansCell, className: (row, ctx) => (ctx.expandedId === row.id ? 'is-expanded' : '') },
  { key: 'issuer', text: (row) => row.issuer },
  { key: 'status', text: (row) => row.status },
  { key: 'orderType', text: (row) => row.orderType },
  { key: 'notAfter', text: (row) => formatDate(row.notAfter) },
  { key: 'daysLeft', text: (row) => (row.daysLeft === null ? '' : formatNumber(row.daysLeft)), className: (row) => `days days-${row.expiryState}` },
  { key: 'resourceGroupId', text: (row) => row.resourceGroupId },
  { key: 'id', text: (row) => displayId(row.id) },
]);

const OVERSCAN = 6;
const DEFAULT_ROW_HEIGHT = 31.5;  // styles.css: --row-height 2.25rem at the 14px root font (measured, then kept)

/** 'certificate:12345' → '12345': the kind has its own column. */
export function displayId(id) {
  const colon = id.indexOf(':');
  return colon < 0 ? id : id.slice(colon + 1);
}

/**
 * The window of rows to render for a scroll position: [first, first+count), the rows in view
 * and `overscan` more on each side that has any (at the top, where every search starts, there
 * is nothing above).
 */
export function visibleWindow({ scrollTop, viewportHeight, rowHeight, overscan = OVERSCAN }) {
  const top = Math.floor(scrollTop / rowHeight);
  const first = Math.max(0, top - overscan);
  return { first, count: top + Math.ceil(viewportHeight / rowHeight) + overscan - first };
}

// Cell renderers reuse the cell's elements: rows are recycled as the window moves, and
// rebuilding a button per cell per keystroke costs a frame at 100,000 rows.
function renderNameCell(td, row, ctx) {
  let button = td.firstChild;
  if (!button || button.className !== 'row-open') {
    button = ctx.doc.createElement('button');
    button.type = 'button';
    button.className = 'row-open';
    td.replaceChildren(button);
  }
  const text = row.name || row.domain || displayId(row.id);
  if (button.textContent !== text) button.textContent = text;
}

function renderSansCell(td, row, ctx) {
  if (!row.sans.length) {
    if (td.firstChild) td.replaceChildren();
    return;
  }
  const expanded = ctx.expandedId === row.id;
  let button = td.firstChild;
  if (!button || button.className !== 'sans-toggle') {
    button = ctx.doc.createElement('button');
    button.type = 'button';
    button.className = 'sans-toggle';
    td.replaceChildren(button);
  }
  const count = formatNumber(row.sans.length);
  if (button.textContent !== count) {
    button.textContent = count;
    button.setAttribute('aria-label', t('table.sansToggle', { count: row.sans.length }));
  }
  if (button.getAttribute('aria-expanded') !== String(expanded)) button.setAttribute('aria-expanded', String(expanded));
  button.nextSibling?.remove();
  if (expanded) {
    const list = ctx.doc.createElement('ul');
    list.className = 'sans-list';
    for (const san of row.sans) {
      const item = ctx.doc.createElement('li');
      item.textContent = san;
      list.append(item);
    }
    td.append(list);
  }
}

/**
 * @param {Document} doc
 * @param {{ source(offset: number, limit: number): import('../casview/index.js').InventoryResult,
 *           onSort(key: string): void, onSelect(row: object): void }} options
 */
export function createTable(doc, { source, onSort, onSelect }) {
  const scroller = doc.createElement('div');
  scroller.className = 'table-scroll';
  const table = doc.createElement('table');
  table.className = 'results';
  const caption = doc.createElement('caption');
  caption.className = 'visually-hidden';
  const colgroup = doc.createElement('colgroup');
  const thead = doc.createElement('thead');
  const headRow = doc.createElement('tr');
  headRow.setAttribute('aria-rowindex', '1');
  thead.append(headRow);
  const tbody = doc.createElement('tbody');
  const topSpacer = spacerRow();
  const bottomSpacer = spacerRow();
  const emptyRow = doc.createElement('tr');
  emptyRow.className = 'empty';
  const emptyCell = doc.createElement('td');
  emptyRow.append(emptyCell);
  table.append(caption, colgroup, thead, tbody);
  scroller.append(table);

  let columns = COLUMNS.filter((c) => !c.optional);
  let sort = { key: 'notAfter', descending: false };
  let rowHeight = DEFAULT_ROW_HEIGHT;
  let rowsInView = [];     // InventoryRow objects of the rendered <tr>, in order
  let windowFirst = 0;
  let matched = 0;
  let expandedId = null;
  let scheduled = false;
  const pool = [];         // <tr> elements, reused as the window moves

  function spacerRow() {
    const tr = doc.createElement('tr');
    tr.className = 'spacer';
    tr.setAttribute('aria-hidden', 'true');
    tr.append(doc.createElement('td'));
    return tr;
  }

  function renderHeader() {
    caption.textContent = t('table.caption');
    colgroup.replaceChildren(...columns.map((c) => {
      const col = doc.createElement('col');
      col.className = `col-${c.key}`;
      return col;
    }));
    headRow.replaceChildren(...columns.map((c) => {
      const th = doc.createElement('th');
      th.scope = 'col';
      th.className = `col-${c.key}`;
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.dataset.key = c.key;
      const label = doc.createElement('span');
      label.textContent = t(`col.${c.key}`);
      const indicator = doc.createElement('span');
      indicator.className = 'sort-indicator';
      indicator.setAttribute('aria-hidden', 'true');
      if (c.key === sort.key) {
        th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
        indicator.textContent = sort.descending ? '▼' : '▲';
      }
      button.append(label, indicator);
      th.append(button);
      return th;
    }));
    for (const spacer of [topSpacer, bottomSpacer]) spacer.firstChild.colSpan = columns.length;
    emptyCell.colSpan = columns.length;
  }

  // What each pooled <tr> shows, kept beside it so that a redraw compares with plain values
  // instead of reading the DOM back (cell by cell, every keystroke).
  const shown = new WeakMap();  // <tr> → { id, rowIndex, className, cells: [{ td, className, text }] }

  function fillRow(tr, row, index) {
    let state = shown.get(tr);
    if (!state) shown.set(tr, state = { id: null, rowIndex: null, className: null, cells: [] });
    if (state.id !== row.id) tr.dataset.id = state.id = row.id;
    const className = `row row-${row.expiryState}${row.superseded ? ' is-superseded' : ''}`;
    if (state.className !== className) tr.className = state.className = className;
    const rowIndex = String(index + 2);
    if (state.rowIndex !== rowIndex) tr.setAttribute('aria-rowindex', state.rowIndex = rowIndex);
    const ctx = { doc, expandedId };
    const { cells } = state;
    while (cells.length < columns.length) cells.push({ td: tr.appendChild(doc.createElement('td')), className: '', text: null });
    while (cells.length > columns.length) cells.pop().td.remove();
    // Writes only what changed: unchanged cells cost no style or layout work.
    columns.forEach((column, i) => {
      const cell = cells[i];
      const extra = column.className?.(row, ctx);
      const cellClass = extra ? `col-${column.key} ${extra}` : `col-${column.key}`;
      if (cell.className !== cellClass) cell.td.className = cell.className = cellClass;
      if (column.render) {
        column.render(cell.td, row, ctx);
        cell.text = null;  // its content is elements now
      } else {
        const text = column.text(row);
        if (cell.text !== text) cell.td.textContent = cell.text = text;
      }
    });
  }

  /** Queries the rows for the current scroll position and draws them (and `overscan` more). */
  function draw({ overscan = OVERSCAN } = {}) {
    const view = visibleWindow({ scrollTop: scroller.scrollTop, viewportHeight: scroller.clientHeight || 600, rowHeight, overscan });
    let result = source(view.first, view.count);
    if (!result.rows.length && view.first > 0 && result.matched > 0) {
      // Fewer rows than before (the scroll position is past the end): show the last ones.
      view.first = Math.max(0, result.matched - view.count);
      result = source(view.first, view.count);
    }
    matched = result.matched;
    windowFirst = view.first;
    rowsInView = result.rows;
    table.setAttribute('aria-rowcount', String(matched + 1));
    while (pool.length < rowsInView.length) pool.push(doc.createElement('tr'));
    rowsInView.forEach((row, i) => fillRow(pool[i], row, windowFirst + i));
    const visible = pool.slice(0, rowsInView.length);
    topSpacer.firstChild.style.height = `${windowFirst * rowHeight}px`;
    bottomSpacer.firstChild.style.height = `${Math.max(0, matched - windowFirst - rowsInView.length) * rowHeight}px`;
    emptyCell.textContent = t('table.empty');
    const wanted = [topSpacer, ...(matched === 0 ? [emptyRow] : visible), bottomSpacer];
    // Only the rows that come or go are inserted or removed: a row taken out of the document
    // loses its layout, and a keystroke would lay out every row again.
    const children = tbody.children;
    wanted.forEach((tr, i) => { if (children[i] !== tr) tbody.insertBefore(tr, children[i] ?? null); });
    while (children.length > wanted.length) children[wanted.length].remove();
    measureRowHeight();
    return result;
  }

  // Row height comes from CSS (--row-height); read it once rows exist, then redraw if it differs.
  function measureRowHeight() {
    if (!rowsInView.length || measureRowHeight.done) return;
    const height = pool[0].getBoundingClientRect().height;
    if (height > 0) {
      measureRowHeight.done = true;
      if (Math.abs(height - rowHeight) > 0.5) { rowHeight = height; draw(); }
    }
  }

  // After a filter or sort change, the rows beyond the view (there for scrolling) follow the
  // paint of the rows in view: a keystroke lays out and paints only what shows.
  let cancelOverscan = () => {};
  scroller.addEventListener('scroll', () => {
    cancelOverscan();
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => { scheduled = false; draw(); });
  }, { passive: true });

  thead.addEventListener('click', (event) => {
    const button = event.target.closest('button.sort');
    if (button) onSort(button.dataset.key);
  });

  tbody.addEventListener('click', (event) => {
    const tr = event.target.closest('tr.row');
    if (!tr) return;
    const row = rowsInView[pool.indexOf(tr)];
    if (!row) return;
    if (event.target.closest('button.sans-toggle')) {
      expandedId = expandedId === row.id ? null : row.id;
      fillRow(tr, row, windowFirst + pool.indexOf(tr));
      tr.querySelector('button.sans-toggle')?.focus();
      return;
    }
    onSelect(row);
  });

  // Up/Down move between rows (scrolling the virtual window as needed); Tab leaves the table.
  tbody.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const tr = event.target.closest('tr.row');
    if (!tr) return;
    event.preventDefault();
    const target = windowFirst + pool.indexOf(tr) + (event.key === 'ArrowDown' ? 1 : -1);
    focusRow(target);
  });

  function focusRow(index) {
    if (index < 0 || index >= matched) return;
    const top = index * rowHeight;
    const headHeight = thead.getBoundingClientRect().height;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + rowHeight > scroller.scrollTop + scroller.clientHeight - headHeight) {
      scroller.scrollTop = top + rowHeight - scroller.clientHeight + headHeight;
    }
    draw();
    pool[index - windowFirst]?.querySelector('button.row-open')?.focus();
  }

  onLanguageChange(() => { renderHeader(); draw(); });
  renderHeader();

  return {
    element: scroller,
    table,
    /** Redraws after the filter or sort changed; back to the top unless keepScroll. */
    update({ keepScroll = false } = {}) {
      if (!keepScroll && scroller.scrollTop !== 0) scroller.scrollTop = 0;  // a write forces layout
      cancelOverscan();
      const result = draw({ overscan: 0 });
      cancelOverscan = afterPaint(() => draw());
      return result;
    },
    setSort(next) {
      if (next.key === sort.key && Boolean(next.descending) === Boolean(sort.descending)) return;
      sort = { ...next };
      renderHeader();
    },
    /** Shows the Site column (several sites merged) or hides it. */
    setShowSite(show) {
      columns = COLUMNS.filter((c) => !c.optional || (show && c.key === 'site'));
      renderHeader();
    },
  };
}
