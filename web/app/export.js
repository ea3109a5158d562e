// Export of the filtered rows: the inventory writes the CSV (UTF-8 BOM, formula-safe cells) or
// JSON text; this module only names the file and hands it to the browser as a download.

const TYPES = { csv: 'text/csv;charset=utf-8', json: 'application/json;charset=utf-8' };

/** 'casview-2025-03-01T1205Z.csv': sortable, no characters that file systems refuse. */
export function exportFileName(format, date = new Date()) {
  const stamp = date.toISOString().slice(0, 16).replace(/:/g, '');
  return `casview-${stamp}Z.${format}`;
}

/**
 * Saves text as a file through a Blob object URL (works under a CSP without data: downloads).
 * Blob stores the string as UTF-8, so a leading U+FEFF becomes the bytes EF BB BF.
 */
export function downloadText(doc, text, fileName, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  (doc.body ?? doc.documentElement).append(link);
  link.click();
  link.remove();
  // Revoke later: the download starts asynchronously and needs the URL until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports the rows that match `query` (paging removed) in `format` ('csv' | 'json'). */
export function exportRows(doc, inventory, format, query) {
  const { offset, limit, ...all } = query;
  downloadText(doc, inventory.export(format, all), exportFileName(format), TYPES[format]);
}
