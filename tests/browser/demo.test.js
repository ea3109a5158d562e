// The local demo as scripts/serve serves it: the page opened with ?demo reads the demo settings
// from its own server and shows the demo account's table with no typing, says the data is made
// up, and keeps the key out of the URL and storage. Without ?demo nothing of it happens; with
// ?demo but no settings, the page says so; remembered credentials are not overwritten.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { startStack, DEMO_KEY, SCREENSHOTS } from './helpers/stack.js';
import { watchPage, CSP_PROBE } from './helpers/watch.js';
import { waitForLoad, statusLine } from './helpers/page.js';
import { expectedRows } from './helpers/truth.js';

let stack;
before(async () => { stack = await startStack({ demo: true, emulator: { seed: 'demo', certs: 30, orders: 12 } }); });
after(() => stack?.close());

async function openPage(url, { allowFailedResources = false } = {}) {
  const page = await stack.browser.context.newPage();
  await page.addInitScript(CSP_PROBE);
  const watch = watchPage(page, { secrets: [DEMO_KEY.accessKeySecret], allowFailedResources });
  await page.goto(url);
  return { page, watch };
}

const notice = (page) => page.getByRole('note').filter({ hasText: /Local demo/ });
const demoRequests = (watch) => watch.requests.filter((r) => r.url.endsWith('/casview-demo.json'));

test('?demo opens loaded: the demo account\'s table with no typing, and a notice that it is made up', async () => {
  const { page, watch } = await openPage(`${stack.site.url}?demo`);
  await waitForLoad(page, 'done');
  const status = await statusLine(page);
  assert.equal(status.total, expectedRows(stack.emulator).length, 'every row of the demo account');
  assert.equal(await page.getByRole('table').first().locator('tbody tr.row').count() > 0, true);
  await notice(page).waitFor();
  assert.match(await notice(page).textContent(), /made-up account.*nothing comes from Alibaba Cloud/);
  assert.equal(await page.getByLabel('Endpoint').inputValue(), stack.emulator.url);
  assert.equal(await page.getByLabel('Proxy').inputValue(), stack.proxy.url);
  assert.equal(await page.getByLabel('AccessKey ID').inputValue(), DEMO_KEY.accessKeyId);
  assert.equal(demoRequests(watch).length, 1);
  assert.equal(await page.evaluate(() => sessionStorage.length + localStorage.length
    - (localStorage.getItem('casview.language') === null ? 0 : 1)), 0, 'the demo key is not stored');
  await page.screenshot({ path: join(SCREENSHOTS, 'demo.png') });
  await watch.assertClean(assert);  // nor is the secret in any URL, request or log
  await page.close();
});

test('without ?demo the page asks for no demo settings and loads nothing', async () => {
  const { page, watch } = await openPage(stack.site.url);
  await page.getByRole('button', { name: 'Load', exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(demoRequests(watch).length, 0);
  assert.equal(await notice(page).isVisible(), false);
  assert.equal(await page.getByLabel('AccessKey ID').inputValue(), '');
  assert.equal(await page.getByRole('status').filter({ hasText: 'Nothing loaded yet.' }).count(), 1);
  await watch.assertClean(assert);
  await page.close();
});

test('?demo where no demo settings are served: the banner says so, nothing is filled in', async () => {
  await rename(stack.demoConfig, `${stack.demoConfig}.away`);
  try {
    const { page, watch } = await openPage(`${stack.site.url}?demo`, { allowFailedResources: true });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /opened as the local demo.*no demo settings.*scripts\/serve/);
    assert.equal(await notice(page).isVisible(), false);
    assert.equal(await page.getByLabel('AccessKey ID').inputValue(), '');
    await watch.assertClean(assert);
    await page.close();
  } finally {
    await rename(`${stack.demoConfig}.away`, stack.demoConfig);
  }
});

test('?demo keeps credentials this tab remembers: it presets endpoint and proxy only, and waits for Load', async () => {
  const remembered = { accessKeyId: 'LTAIrememberedByThisTab', accessKeySecret: 'remembered-secret' };
  const page = await stack.browser.context.newPage();
  await page.addInitScript(CSP_PROBE);
  // Before the page's scripts run, as if "Remember for this tab" had been ticked earlier.
  await page.addInitScript((creds) => sessionStorage.setItem('casview.credentials', creds), JSON.stringify(remembered));
  const watch = watchPage(page, { secrets: [DEMO_KEY.accessKeySecret, remembered.accessKeySecret] });
  await page.goto(`${stack.site.url}?demo`);
  await notice(page).waitFor();
  assert.equal(await page.getByLabel('AccessKey ID').inputValue(), remembered.accessKeyId);
  assert.equal(await page.getByLabel('Endpoint').inputValue(), stack.emulator.url);
  assert.equal(await page.getByLabel('Proxy').inputValue(), stack.proxy.url);
  await page.waitForLoadState('networkidle');
  assert.equal(await page.locator('.progress').isVisible(), false, 'no load started with a key the user did not pick');
  await watch.assertClean(assert);
  await page.close();
});
