// Hostile data (docs/security.md): names of uploaded certificates are user-controlled. Markup shows as
// literal text and runs nothing (no dialog, no <img>, no console error, no CSP violation);
// spreadsheet formulas are neutralised in the CSV export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startStack, SCREENSHOTS } from './helpers/stack.js';
import { watchPage, CSP_PROBE } from './helpers/watch.js';
import { loadAccount, waitForShown } from './helpers/page.js';
import { parseCsv } from './helpers/csv.js';

const DAY = 86_400_000;
const ymd = (ms) => new Date(ms).toISOString().slice(0, 10);
export const HOSTILE_NAMES = [
  '<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '"><svg onload=alert(3)>',
  '=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', '-2+3', '@cmd', '\tTAB', '\rCR',
  '<b>bold</b> & &amp; entity',
];

function hostileAccount(now = Date.now()) {
  const certificates = HOSTILE_NAMES.map((name, i) => ({
    CertificateId: 5000 + i, Name: name, CommonName: `h${i}.hostile.example`, Sans: `h${i}.hostile.example,"><img src=y onerror=alert(4)>.example`,
    Issuer: '<i>Evil CA</i>', OrgName: '=cmd|\' /C calc\'!A0', Province: '', City: '', Country: 'CN', Fingerprint: 'AA', Sha2: 'BB',
    SerialNo: '01', Upload: true, StartDate: ymd(now - 100 * DAY), EndDate: ymd(now + (i * 11 - 20) * DAY),
    ResourceGroupId: '<rg onmouseover=alert(5)>', InstanceId: `cas-upload-${i}`,
  }));
  const orders = [{
    OrderId: 7001, SourceType: 'cpack', Status: 'CHECKING', ProductName: '=1+1<img src=z onerror=alert(6)>',
    Domain: '<a href=javascript:alert(7)>x</a>.example', RootBrand: '@SUM(A1)', InstanceId: 'cas-ivauto-1',
  }];
  return { certificates, orders };
}

let stack;
before(async () => { stack = await startStack({ emulator: { account: hostileAccount() } }); });
after(() => stack?.close());

test('hostile names show as literal text, run nothing, and are neutralised in CSV', async () => {
  const page = await stack.browser.context.newPage();
  await page.addInitScript(CSP_PROBE);
  const watch = watchPage(page);
  await page.goto(stack.pageUrl());
  await loadAccount(page);
  await waitForShown(page, (s) => s.total === HOSTILE_NAMES.length + 1);
  await page.getByLabel('Search').fill('hostile');
  await waitForShown(page, (s) => s.shown === HOSTILE_NAMES.length);
  await page.getByLabel('Search').fill('');
  await waitForShown(page, (s) => s.shown === s.total);

  // Texts are trimmed of surrounding whitespace (as the parser does for "Hangzhou\n"), so "\tTAB"
  // shows as "TAB"; everything else exactly as sent.
  const names = await page.locator('tr.row button.row-open').allTextContents();
  for (const name of HOSTILE_NAMES) assert.ok(names.includes(name.trim()), `${JSON.stringify(name)} shown literally`);
  assert.equal(await page.locator('main img, main svg script, main script, main iframe').count(), 0, 'no injected elements');
  assert.ok((await page.locator('tr.row td.col-issuer').allTextContents()).every((t) => t === '<i>Evil CA</i>' || t === '@SUM(A1)'));
  // SAN lists and details are text too.
  await page.locator('tr.row button.sans-toggle').first().click();
  assert.ok((await page.locator('.sans-list li').allTextContents()).some((t) => t.startsWith('"><img')));
  await page.locator('tr.row td.col-domain').first().click();
  const dialog = page.getByRole('dialog', { name: 'Details' });
  await dialog.waitFor();
  assert.ok((await dialog.locator('td').allTextContents()).some((t) => t.includes('onerror')));
  await page.screenshot({ path: join(SCREENSHOTS, 'hostile-details.png') });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: join(SCREENSHOTS, 'hostile.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const cells = parseCsv(bytes.toString('utf8').slice(1)).flat();
  for (const cell of cells) {
    assert.doesNotMatch(cell, /^[=+@\t\r]/, `formula-safe: ${JSON.stringify(cell)}`);
    if (cell.startsWith('-')) assert.match(cell, /^-\d+(\.\d+)?$/, `only numbers may start with "-": ${JSON.stringify(cell)}`);
  }
  for (const name of HOSTILE_NAMES) {
    assert.ok(cells.some((c) => c.includes(name.trim().replace(/^[=+\-@]/, ''))), `${JSON.stringify(name)} is exported (neutralised)`);
  }
  await new Promise((r) => setTimeout(r, 300));  // give any injected handler time to fire
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  await watch.assertClean(assert);
});
