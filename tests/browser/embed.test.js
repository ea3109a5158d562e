// <cas-cert-table> embedded in a portal page (fixtures/embed.html): configured by attributes
// and credential properties (never attributes, never readable back), the same table and
// filters in a shadow root, events load / error / select.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startStack, DEMO_KEY, FIXTURES, SCREENSHOTS } from './helpers/stack.js';
import { watchPage, CSP_PROBE } from './helpers/watch.js';
import { statusLine, waitForShown, waitForLoad } from './helpers/page.js';
import { expectedRows } from './helpers/truth.js';

let stack;
before(async () => {
  stack = await startStack({
    emulator: { seed: 'embed', certs: 50, orders: 20 },
    files: Object.fromEntries(['embed.html', 'embed.js', 'embed.css'].map((f) => [f, join(FIXTURES, f)])),
  });
});
after(() => stack?.close());

test('the component loads, filters, selects and reports errors', async () => {
  const page = await stack.browser.context.newPage();
  await page.addInitScript(CSP_PROBE);
  const watch = watchPage(page, { secrets: [DEMO_KEY.accessKeySecret], allowFailedResources: true });
  await page.goto(stack.pageUrl('embed.html'));
  const element = page.locator('cas-cert-table');
  await page.waitForFunction(() => customElements.get('cas-cert-table'));

  // Credentials as properties only.
  await element.evaluate((el, key) => {
    el.accessKeyId = key.accessKeyId;
    el.accessKeySecret = key.accessKeySecret;
  }, DEMO_KEY);
  const exposed = await element.evaluate((el) => ({
    attributes: el.getAttributeNames(), html: el.outerHTML, secret: el.accessKeySecret, token: el.securityToken, id: el.accessKeyId,
  }));
  assert.deepEqual(exposed.attributes.sort(), ['endpoint', 'proxy']);
  assert.ok(!exposed.html.includes(DEMO_KEY.accessKeySecret));
  assert.equal(exposed.secret, undefined, 'the secret cannot be read back');
  assert.equal(exposed.token, undefined);
  assert.equal(exposed.id, DEMO_KEY.accessKeyId);

  const result = await element.evaluate((el) => el.load());
  await waitForLoad(page, 'done', element);
  const rows = expectedRows(stack.emulator);
  assert.equal(result.total, rows.length);
  const status = await statusLine(element);
  assert.equal(status.total, rows.length);
  assert.deepEqual(await page.evaluate(() => window.portalEvents.map((e) => e.type)), ['load']);
  assert.equal((await page.evaluate(() => window.portalEvents[0].detail.total)), rows.length);

  // The same filters, by accessible name, inside the component.
  await element.getByLabel('Order type').selectOption('BUY');
  await waitForShown(element, (s) => s.shown === rows.filter((r) => r.orderType === 'BUY').length);
  await element.getByLabel('Order type').selectOption('');
  await element.getByLabel('Search').fill(String(rows[0].entry.CertificateId));
  await waitForShown(element, (s) => s.shown === 1);
  await element.getByRole('table').locator('tr.row td.col-domain').first().click();
  const select = await page.evaluate(() => window.portalEvents.at(-1));
  assert.equal(select.type, 'select');
  assert.equal(select.detail.row.id, rows[0].id);
  await element.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await element.getByLabel('Search').fill('');
  // The portal's dashed table borders do not reach into the shadow root.
  assert.notEqual(await element.locator('table.results td').first().evaluate((td) => getComputedStyle(td).borderTopStyle), 'dashed');
  await page.screenshot({ path: join(SCREENSHOTS, 'embed.png'), fullPage: true });

  // A wrong secret: the promise rejects, an error event carries the code, the banner explains.
  await element.evaluate((el) => { el.accessKeySecret = 'wrong-secret'; });
  const code = await element.evaluate((el) => el.load().then(() => 'resolved', (e) => e.code));
  assert.equal(code, 'SignatureDoesNotMatch');
  assert.deepEqual(await page.evaluate(() => window.portalEvents.at(-1)), { type: 'error', detail: { code: 'SignatureDoesNotMatch' } });
  assert.match(await element.getByRole('alert').textContent(), /AccessKey Secret does not belong/);
  await watch.assertClean(assert);
});
