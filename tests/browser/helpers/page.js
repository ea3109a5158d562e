// Page-level steps of the browser tests, by accessible name (docs/page.md) wherever one exists.
import { DEMO_KEY } from '../../../scripts/emulator/index.js';

/** Fills the connection form, presses Load and waits for the progress bar to finish. */
export async function loadAccount(page, { key = DEMO_KEY, expect = 'done' } = {}) {
  await page.getByLabel('AccessKey ID').fill(key.accessKeyId);
  await page.getByLabel('AccessKey Secret').fill(key.accessKeySecret);
  if (key.securityToken) await page.getByLabel('Security token').fill(key.securityToken);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await waitForLoad(page, expect);
}

/** Waits until the progress bar's load has ended, and checks how. */
export async function waitForLoad(page, expect = 'done', root = page) {
  const progress = root.locator('.progress[data-state]:not([data-state="loading"])');
  await progress.waitFor({ state: 'attached', timeout: 30_000 });
  const state = await progress.getAttribute('data-state');
  if (state !== expect) throw new Error(`load ended "${state}", expected "${expect}"`);
}

const number = (text) => Number(text.replace(/[,\s]/g, ''));

/** { shown, total, counts: { expired, critical, … } } from the role=status line. */
export async function statusLine(root) {
  const status = root.getByRole('status').filter({ hasText: /Showing|显示/ });
  const text = await status.textContent();
  const match = /Showing ([\d,]+) of ([\d,]+)/.exec(text);
  const counts = {};
  for (const [, n, state] of text.matchAll(/([\d,]+) (expired|critical|warning|ok|no date)/g)) counts[state === 'no date' ? 'unknown' : state] = number(n);
  return match ? { shown: number(match[1]), total: number(match[2]), counts, text } : { shown: 0, total: 0, counts, text };
}

/** Polls until the status line shows `shown` rows (filters apply on the next frame). */
export async function waitForShown(root, predicate, timeout = 5_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await statusLine(root);
    if (predicate(last)) return last;
    if (Date.now() > end) throw new Error(`status line stayed "${last.text}"`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Texts of one column in the rendered rows, top to bottom. */
export function columnTexts(root, key) {
  return root.locator(`table.results tbody tr.row td.col-${key}`).allTextContents();
}
