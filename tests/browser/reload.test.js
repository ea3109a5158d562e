// A reload never loses what is shown: after a load, a reload that fails (wrong secret) or is
// cancelled leaves every row in place, and the banner or progress text says the table is from
// the earlier load, with its time; a reload that succeeds replaces the rows (no duplicates);
// Clear table empties it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startStack, DEMO_KEY, SCREENSHOTS } from './helpers/stack.js';
import { watchPage, CSP_PROBE } from './helpers/watch.js';
import { loadAccount, waitForLoad, statusLine } from './helpers/page.js';
import { expectedRows } from './helpers/truth.js';

const WRONG = { accessKeyId: DEMO_KEY.accessKeyId, accessKeySecret: 'wrong-secret' };
const TIME = /\d{2}:\d{2}:\d{2}/;
let stack;
let page;
let watch;
let total;

before(async () => {
  stack = await startStack({ emulator: { seed: 'reload', certs: 40, orders: 10 } });
  page = await stack.browser.context.newPage();
  await page.addInitScript(CSP_PROBE);
  watch = watchPage(page, { secrets: [DEMO_KEY.accessKeySecret, WRONG.accessKeySecret], allowFailedResources: true });
  await page.goto(stack.pageUrl());
  await loadAccount(page);
  total = expectedRows(stack.emulator).length;
  assert.equal((await statusLine(page)).total, total);
});
after(() => stack?.close());

const rowIds = () => page.locator('table.results tbody tr.row').evaluateAll((rows) => rows.map((r) => r.dataset.id));

test('a reload with a wrong secret keeps the table, and the banner says it is the earlier load', async () => {
  const before = await rowIds();
  await loadAccount(page, { key: WRONG, expect: 'failed' });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /Reload failed/);
  assert.match(text, /AccessKey Secret does not belong to this AccessKey ID/);
  assert.match(text, new RegExp(`table still shows the earlier load from ${TIME.source}`));
  assert.equal((await statusLine(page)).total, total, 'every row still shown');
  assert.deepEqual(await rowIds(), before, 'the same rows, in the same order');
  await page.screenshot({ path: join(SCREENSHOTS, 'reload-failed.png') });
});

test('a cancelled reload keeps the table too, and says so', async () => {
  const before = await rowIds();
  // Hold every request to the proxy, so Cancel comes while the reload is in flight.
  const held = [];
  await page.route(`${stack.proxy.url}**`, (route) => { held.push(route); });
  await page.getByLabel('AccessKey Secret').fill(DEMO_KEY.accessKeySecret);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('.progress')?.dataset.state === 'loading');
  assert.equal((await statusLine(page)).total, total, 'while reloading, the earlier rows are shown');
  assert.ok(await page.getByRole('button', { name: 'Clear table' }).isDisabled(), 'no Clear while loading');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await waitForLoad(page, 'cancelled');
  assert.match(await page.locator('.progress-text').textContent(),
    new RegExp(`Reload cancelled; the table still shows the earlier load from ${TIME.source}`));
  assert.equal(await page.getByRole('alert').count(), 0, 'cancelling is not an error');
  assert.equal((await statusLine(page)).total, total);
  assert.deepEqual(await rowIds(), before);
  await page.unroute(`${stack.proxy.url}**`);
  for (const route of held) await route.abort().catch(() => {});
});

test('a reload that succeeds replaces the rows: the same account, each row once', async () => {
  await loadAccount(page);
  assert.equal(await page.getByRole('alert').count(), 0);
  const status = await statusLine(page);
  assert.equal(status.total, total, 'not twice the rows');
  assert.equal(status.shown, total);
});

test('Clear table empties it; the next load is a first load again', async () => {
  await page.getByRole('button', { name: 'Clear table' }).click();
  assert.equal(await page.getByRole('status').filter({ hasText: 'Nothing loaded yet.' }).count(), 1);
  assert.ok(await page.getByRole('button', { name: 'Clear table' }).isDisabled());
  assert.ok(await page.getByRole('button', { name: 'Export CSV' }).isDisabled());
  await loadAccount(page, { key: WRONG, expect: 'failed' });
  const text = await page.getByRole('alert').textContent();
  assert.match(text, /Loading failed/);
  assert.doesNotMatch(text, /earlier load/, 'nothing was shown, so nothing is kept');
  await loadAccount(page);
  assert.equal((await statusLine(page)).total, total);
  await watch.assertClean(assert);
});
