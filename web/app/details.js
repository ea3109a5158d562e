// The details dialog: every raw field of one entry (Inventory.details), as the API sent it,
// shown as text. A modal <dialog>: focus moves in, Escape closes, focus returns to the row.
import { t, onLanguageChange } from './i18n.js';

/** [name, text] pairs of an entry, in the API's field order; objects shown as JSON. */
export function detailFields(entry) {
  return Object.entries(entry ?? {}).map(([name, value]) => [name,
    value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value)]);
}

export function createDetails(doc) {
  const dialog = doc.createElement('dialog');
  dialog.className = 'details';
  const heading = doc.createElement('h2');
  heading.className = 'details-title';
  const subtitle = doc.createElement('p');
  subtitle.className = 'details-subtitle';
  const table = doc.createElement('table');
  table.className = 'details-table';
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'details-close';
  close.addEventListener('click', () => dialog.close());
  dialog.append(heading, subtitle, table, close);
  let current = null;

  function render() {
    heading.textContent = t('details.title');
    close.textContent = t('details.close');
    dialog.setAttribute('aria-label', t('details.title'));
    if (!current) return;
    subtitle.textContent = current.row.name || current.row.id;
    const head = doc.createElement('thead');
    const headRow = doc.createElement('tr');
    for (const key of ['details.field', 'details.value']) {
      const th = doc.createElement('th');
      th.scope = 'col';
      th.textContent = t(key);
      headRow.append(th);
    }
    head.append(headRow);
    const body = doc.createElement('tbody');
    for (const [name, value] of detailFields(current.entry)) {
      const tr = doc.createElement('tr');
      const th = doc.createElement('th');
      th.scope = 'row';
      th.textContent = name;
      const td = doc.createElement('td');
      td.textContent = value;
      tr.append(th, td);
      body.append(tr);
    }
    table.replaceChildren(head, body);
  }
  onLanguageChange(render);

  return {
    element: dialog,
    /** Opens the dialog for a row with its raw entry. */
    show(row, entry) {
      current = { row, entry };
      render();
      if (!dialog.open) dialog.showModal();
      close.focus();
    },
    close() { dialog.close(); },
  };
}
