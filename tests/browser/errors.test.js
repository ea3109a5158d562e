// The error banner says what to do per error code (wrong secret, unknown key, proxy unreachable
// or refusing the host, missing fields); clock skew and throttling are survived (a note shows
// while a retry waits); Cancel stops a load and keeps what arrived.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startStack, DEMO_KEY, SCREENSHOTS } from './helpers/stack.js';
import { watchPage, CSP_PROBE } from './helpers/watch.js';
import { loadAccount } from './helpers/page.js';

let stack;
before(async () => { stack = await startStack({ emulator: { seed: 'errors', certs: 40, orders: 10 } }); });
after(() => stack?.close());

// Records every text the retry note shows, however briefly.
const RETRY_PROBE = () => {
  window.__retryNotes = [];
  new MutationObserver(() => {
    const note = document.querySelector('.banner-retry');
    if (note && !note.hidden && note.textContent) window.__retryNotes.push(note.textContent);
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
};

async function openPage(url = stack.pageUrl()) {
  const page = await stack.browser.context.newPage();
  await page.addInitScript(CSP_PROBE);
  await page.addInitScript(RETRY_PROBE);
  const watch = watchPage(page, { secrets: [DEMO_KEY.accessKeySecret, 'wrong-secret'], allowFailedResources: true });
  await page.goto(url);
  return { page, watch };
}

async function bannerFor(page, key) {
  await loadAccount(page, { key, expect: 'failed' });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  return alert.textContent();
}

test('wrong secret, unknown key: the banner says which, with the code', async () => {
  const { page, watch } = await openPage();
  const wrong = await bannerFor(page, { accessKeyId: DEMO_KEY.accessKeyId, accessKeySecret: 'wrong-secret' });
  assert.match(wrong, /AccessKey Secret does not belong to this AccessKey ID/);
  assert.match(wrong, /Code: SignatureDoesNotMatch/);
  await page.screenshot({ path: join(SCREENSHOTS, 'error-banner.png') });
  const unknown = await bannerFor(page, { accessKeyId: 'LTAInobodyHasThisKey', accessKeySecret: 'wrong-secret' });
  assert.match(unknown, /AccessKey ID is unknown/);
  assert.match(unknown, /InvalidAccessKeyId\.NotFound/);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.getByRole('alert').count(), 0);
  await watch.assertClean(assert);
  await page.close();
});

test('empty credentials are refused before anything is sent', async () => {
  const { page, watch } = await openPage();
  const before = watch.requests.length;
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  assert.match(await page.getByRole('alert').textContent(), /Enter an AccessKey ID and AccessKey Secret/);
  assert.equal(watch.requests.length, before, 'no request');
  await page.close();
});

test('proxy unreachable, and a proxy that refuses the endpoint host', async () => {
  const down = await openPage(stack.pageUrl('', { proxyUrl: 'http://127.0.0.1:9/' }));
  assert.match(await bannerFor(down.page, DEMO_KEY), /proxy could not be reached/);
  await down.page.close();
  const refused = await openPage(stack.pageUrl('', { endpoint: 'https://example.com' }));
  assert.match(await bannerFor(refused.page, DEMO_KEY), /proxy refuses to forward to this endpoint/);
  await refused.page.close();
});

test('a clock an hour off still loads: the client corrects it from the Date header', async () => {
  // Its own browser: the fake clock stays with the browser context it was installed in.
  const skewed = await startStack({ emulator: { seed: 'skew', certs: 20, orders: 5 } });
  try {
    const page = await skewed.browser.context.newPage();
    const watch = watchPage(page, { allowFailedResources: true });
    await page.clock.setSystemTime(Date.now() + 60 * 60_000);  // an hour ahead, and still running
    await page.goto(skewed.pageUrl());
    await loadAccount(page);
    assert.ok(skewed.emulator.log.some((e) => e.code === 'InvalidTimeStamp.Expired'), 'the first request was refused');
    assert.equal(await page.getByRole('alert').count(), 0);
    await watch.assertClean(assert);
  } finally {
    await skewed.close();
  }
});

test('throttling: a note says it is retrying, then the load completes', async () => {
  const { page } = await openPage();
  stack.emulator.faults.inject('throttling', 2);
  await loadAccount(page);
  const notes = await page.evaluate(() => window.__retryNotes);
  assert.ok(notes.some((n) => /retrying/.test(n) && /Throttling/.test(n)), `retry notes: ${notes}`);
  assert.ok(await page.locator('.banner-retry').isHidden(), 'the note goes away once done');
  await page.close();
});

test('Cancel stops the load and keeps what arrived', async () => {
  const slow = await startStack({ emulator: { seed: 'slow', certs: 400, orders: 10, latencyMs: 400 } });
  try {
    const page = await slow.browser.context.newPage();
    const watch = watchPage(page, { allowFailedResources: true });
    await page.goto(slow.pageUrl());
    await page.getByLabel('AccessKey ID').fill(DEMO_KEY.accessKeyId);
    await page.getByLabel('AccessKey Secret').fill(DEMO_KEY.accessKeySecret);
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await page.waitForFunction(() => document.querySelector('.progress-text')?.textContent.match(/^[1-9]/));
    await cancel.click();
    await page.locator('.progress[data-state="cancelled"]').waitFor();
    assert.match(await page.locator('.progress-text').textContent(), /Loading cancelled/);
    assert.equal(await page.getByRole('alert').count(), 0, 'cancelling is not an error');
    // The option lists describe what arrived, the resource groups included (after the paint).
    await page.waitForFunction(() => [...document.querySelectorAll('label')]
      .find((l) => l.querySelector('.field-label')?.textContent === 'Resource group')?.querySelector('select').options.length > 1);
    assert.ok(await page.getByLabel('Resource group').locator('option').count() > 1, 'the groups of the rows that arrived');
    assert.ok(await cancel.isDisabled());
    assert.ok(await page.getByRole('button', { name: 'Load', exact: true }).isEnabled());
    await watch.assertClean(assert);
  } finally {
    await slow.close();
  }
});
