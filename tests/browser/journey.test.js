// A user's journey in headless Chromium, against the emulator and the project's
// proxy: fill the form, Load, counts equal the emulator's truth, search, sort by each column,
// each filter, coverage, timeline, export (both formats, files checked), details, keyboard,
// language switch, URL hash round-trip, and no secret in any URL, storage, request or log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startStack, DEMO_KEY, SCREENSHOTS } from './helpers/stack.js';
import { watchPage, CSP_PROBE } from './helpers/watch.js';
import { loadAccount, statusLine, waitForShown, columnTexts } from './helpers/page.js';
import { expectedRows, countBy } from './helpers/truth.js';
import { parseCsv } from './helpers/csv.js';

const DAY = 86_400_000;
const SECRET = DEMO_KEY.accessKeySecret;
let stack;
let page;
let watch;
let rows;      // what a complete load must show (helpers/truth.js)

before(async () => {
  stack = await startStack({ emulator: { seed: 'journey', certs: 180, orders: 64 } });
  await mkdir(SCREENSHOTS, { recursive: true });
  page = await stack.browser.context.newPage();
  await page.addInitScript(CSP_PROBE);
  watch = watchPage(page, { secrets: [SECRET] });
});
after(() => stack?.close());

const shot = (name) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
const filters = () => page.getByRole('search');
const table = () => page.getByRole('table').first();

/** Ids of every row of the current view, top to bottom: scrolls the virtual table through. */
async function shownIds(p = page) {
  return p.locator('.table-scroll').evaluate(async (scroller) => {
    const ids = new Map();
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    scroller.scrollTop = 0;
    await frame();
    for (;;) {
      for (const tr of scroller.querySelectorAll('tr.row')) ids.set(Number(tr.getAttribute('aria-rowindex')), tr.dataset.id);
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
      scroller.scrollTop += scroller.clientHeight / 2;
      await frame();
    }
    scroller.scrollTop = 0;
    return [...ids.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
  });
}

async function resetFilters() {
  await filters().getByRole('button', { name: 'Reset filters' }).click();
  await waitForShown(page, (s) => s.shown === s.total);
}

/** Each step starts from the default view (an empty hash), whatever the last one left. */
async function resetView() {
  await page.evaluate(() => { location.hash = ''; });
  await waitForShown(page, (s) => s.shown === s.total);
}

test('the journey', async (t) => {
  await t.test('query parameters preset Endpoint and Proxy; nothing secret is prefilled', async () => {
    await page.goto(stack.pageUrl());
    assert.equal(await page.getByLabel('Endpoint').inputValue(), stack.emulator.url);
    assert.equal(await page.getByLabel('Proxy').inputValue(), stack.proxy.url);
    assert.equal(await page.getByLabel('AccessKey Secret').getAttribute('type'), 'password');
    assert.equal(await page.getByLabel('AccessKey Secret').inputValue(), '');
    await shot('connection');
  });

  await t.test('Load fills the table; the bar finishes; counts equal the emulator truth', async () => {
    await loadAccount(page);
    rows = expectedRows(stack.emulator, Date.now());
    await shot('loaded-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot('loaded-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    const bar = page.getByRole('progressbar', { name: 'Loading progress' });
    const [value, max] = await bar.evaluate((el) => [el.value, el.max]);
    assert.equal(value, max, 'the progress bar is full');
    assert.ok(await page.getByRole('button', { name: 'Cancel' }).isDisabled());
    const status = await statusLine(page);
    assert.equal(status.total, rows.length);
    assert.equal(status.shown, rows.length);
    const expiry = countBy(rows, 'expiryState');
    for (const state of ['expired', 'critical', 'warning', 'ok', 'unknown']) {
      assert.equal(status.counts[state] ?? 0, expiry[state] ?? 0, `${state} count`);
    }
    // The Status filter lists the count of each status: the emulator's listings per status.
    const options = await filters().getByLabel('Status').locator('option').allTextContents();
    for (const [s, n] of Object.entries(countBy(rows, 'status'))) assert.ok(options.includes(`${s} (${n})`), `${s} (${n}) in ${options}`);
    // Soonest expiry first by default.
    const th = table().locator('th[aria-sort]');
    assert.equal(await th.count(), 1);
    assert.equal(await th.getAttribute('aria-sort'), 'ascending');
    assert.equal(await th.textContent(), 'Not after▲');
  });

  await t.test('the virtual table renders only what is visible, and scrolls to the end', async () => {
    const rendered = await page.locator('table.results tbody tr.row').count();
    assert.ok(rendered > 10 && rendered < 80, `${rendered} rows rendered of ${rows.length}`);
    assert.equal(await table().getAttribute('aria-rowcount'), String(rows.length + 1));
    await page.locator('.table-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await page.waitForFunction((n) => [...document.querySelectorAll('tr.row')].some((tr) => tr.getAttribute('aria-rowindex') === String(n + 1)), rows.length);
  });

  await t.test('search: ids, SANs, fingerprints, case-insensitive', async () => {
    await resetView();
    const search = page.getByLabel('Search');
    const cert = rows.find((r) => r.kind === 'certificate' && r.entry.Sans.split(',').length > 2);
    await search.fill(String(cert.entry.CertificateId));
    await waitForShown(page, (s) => s.shown === 1);
    assert.deepEqual(await shownIds(), [cert.id]);
    await search.fill(cert.entry.Fingerprint.toLowerCase());
    await waitForShown(page, (s) => s.shown === 1);
    // A SAN that is not the common name: found through the SAN list.
    const san = cert.entry.Sans.split(',').find((s) => s !== cert.entry.CommonName);
    await search.fill(san.toUpperCase());
    const status = await waitForShown(page, (s) => s.shown >= 1 && s.shown < s.total);
    assert.ok((await shownIds()).includes(cert.id), `${san} finds ${cert.id} (${status.text})`);
    await search.fill('no-such-thing-anywhere');
    await waitForShown(page, (s) => s.shown === 0);
    assert.equal(await page.locator('tr.empty').textContent(), 'No rows match.');
    await search.fill('');
    await waitForShown(page, (s) => s.shown === s.total);
  });

  await t.test('sort by each column, both directions, with aria-sort', async () => {
    await resetView();
    const keys = await table().locator('thead th').evaluateAll((ths) => ths.map((th) => th.className.replace('col-', '')));
    assert.deepEqual(keys, ['kind', 'name', 'domain', 'sans', 'issuer', 'status', 'orderType', 'notAfter', 'daysLeft', 'resourceGroupId', 'id']);
    const numeric = { daysLeft: true, sans: true };
    for (const key of keys) {
      const header = table().locator(`thead th.col-${key}`);
      for (const direction of ['ascending', 'descending']) {
        if ((await header.getAttribute('aria-sort')) !== direction) await header.getByRole('button').click();
        await page.waitForFunction(([k, d]) => document.querySelector(`thead th.col-${k}`)?.getAttribute('aria-sort') === d, [key, direction]);
        assert.equal(await table().locator('th[aria-sort]').count(), 1, 'one sorted column');
        const values = (await columnTexts(page, key)).filter((v) => v !== '');
        const comparable = numeric[key] ? values.map((v) => Number(v.replace(/,/g, ''))) : values;
        const ordered = [...comparable].sort((a, b) => (numeric[key] ? a - b : a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0)));
        if (direction === 'descending') ordered.reverse();
        // Text order may be by code point or by locale: either is sorted, as long as it is one of them.
        const codepoint = [...comparable].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        if (direction === 'descending') codepoint.reverse();
        // Ids sort by their full identity (kind:number), which the ID column shows only in part.
        const ok = JSON.stringify(comparable) === JSON.stringify(ordered) || (!numeric[key] && JSON.stringify(comparable) === JSON.stringify(codepoint))
          || key === 'notAfter' || key === 'id';
        assert.ok(ok, `${key} ${direction}: ${comparable.slice(0, 12).join(' | ')}`);
        if (key === 'notAfter') {
          const dates = comparable.slice();
          const expected = [...dates].sort();
          if (direction === 'descending') expected.reverse();
          assert.deepEqual(dates, expected, `notAfter ${direction}`);
        }
      }
    }
    assert.match(page.url(), /#sort=id&desc=1$/);
    // Back to the default: soonest expiry first.
    await table().locator('thead th.col-notAfter button').click();
    await page.waitForFunction(() => document.querySelector('thead th.col-notAfter')?.getAttribute('aria-sort') === 'ascending');
  });

  await t.test('each filter narrows to exactly the matching rows', async () => {
    await resetView();
    const expectShown = async (n, what) => {
      const status = await waitForShown(page, (s) => s.shown === n).catch(async () => statusLine(page));
      assert.equal(status.shown, n, what);
    };
    await filters().getByLabel('Status').selectOption('EXPIRED');
    await expectShown(rows.filter((r) => r.status === 'EXPIRED').length, 'Status EXPIRED');
    assert.ok((await columnTexts(page, 'status')).every((s) => s === 'EXPIRED'));
    await resetFilters();
    await filters().getByLabel('Order type').selectOption('CPACK');
    await expectShown(rows.filter((r) => r.orderType === 'CPACK').length, 'Order type CPACK');
    await filters().getByLabel('Order type').selectOption('BUY');
    await expectShown(rows.filter((r) => r.orderType === 'BUY').length, 'Order type BUY');
    await resetFilters();
    await filters().getByLabel('Kind').selectOption('order');
    await expectShown(rows.filter((r) => r.kind === 'order').length, 'Kind order');
    await filters().getByLabel('Kind').selectOption('certificate');
    await expectShown(rows.filter((r) => r.kind === 'certificate').length, 'Kind certificate');
    await resetFilters();
    // Expires within 30 days: 0 ≤ days left ≤ 30 (expired rows are not "expiring"); rows at an
    // edge may go either way while the test runs.
    const now = Date.now();
    await filters().getByLabel('Expires within (days)').fill('30');
    const strict = rows.filter((r) => r.notAfter !== null && r.notAfter - now >= 60_000 && r.notAfter - now < 30 * DAY).length;
    const loose = rows.filter((r) => r.notAfter !== null && r.notAfter - now >= -60_000 && r.notAfter - now < 32 * DAY).length;
    const within = await waitForShown(page, (s) => s.shown < s.total);
    assert.ok(within.shown >= strict && within.shown <= loose, `within 30: ${within.shown} in [${strict}, ${loose}]`);
    await resetFilters();
    const groups = countBy(rows.filter((r) => r.resourceGroupId), 'resourceGroupId');
    const [group, groupCount] = Object.entries(groups).sort((a, b) => b[1] - a[1])[0];
    await filters().getByLabel('Resource group').selectOption(group);
    await expectShown(groupCount, `Resource group ${group}`);
    assert.ok((await columnTexts(page, 'resourceGroupId')).every((g) => g === group));
    await resetFilters();
    await filters().getByLabel('Hide superseded').check();
    const hidden = await statusLine(page);
    assert.ok(hidden.shown <= hidden.total);
    assert.equal(await page.locator('tr.row.is-superseded').count(), 0);
    await resetFilters();
    await shot('filtered');
  });

  await t.test('Covers domain: exact names and one-label wildcards, as TLS matches them', async () => {
    await resetView();
    const wildcard = rows.find((r) => r.kind === 'certificate' && r.entry.CommonName.startsWith('*.'));
    const base = wildcard.entry.CommonName.slice(2);
    const host = `zz-not-a-listed-name.${base}`;
    const names = (r) => [r.entry.CommonName, ...r.entry.Sans.split(',')].map((n) => n.toLowerCase());
    const covers = (name, h) => name === h || (name.startsWith('*.') && h.slice(h.indexOf('.') + 1) === name.slice(2));
    const expected = rows.filter((r) => r.kind === 'certificate' && names(r).some((n) => covers(n, host))).map((r) => r.id).sort();
    await filters().getByLabel('Covers domain').fill(host);
    await waitForShown(page, (s) => s.shown < s.total);
    const shown = (await shownIds()).filter((id) => id.startsWith('certificate:')).sort();
    assert.deepEqual(shown, expected);
    // Two labels below the wildcard are not covered by it.
    await filters().getByLabel('Covers domain').fill(`a.b.${base}`);
    await waitForShown(page, (s) => s.shown < s.total);
    assert.ok(!(await shownIds()).includes(wildcard.id));
    await resetFilters();
  });

  await t.test('clicking a timeline bar filters to that month; again clears it', async () => {
    await resetView();
    const bars = page.locator('.timeline-bar');
    assert.equal(await bars.count(), 13, 'expired + 12 months');
    assert.equal(await bars.first().getAttribute('data-label'), 'expired');
    const labels = await bars.evaluateAll((gs) => gs.map((g) => [g.dataset.label, Number(g.querySelector('.timeline-count').textContent.replace(/,/g, '') || 0)]));
    const [month, count] = labels.slice(1).sort((a, b) => b[1] - a[1])[0];
    await page.locator(`.timeline-bar[data-label="${month}"]`).click();
    const status = await waitForShown(page, (s) => s.shown < s.total);
    assert.ok(status.shown >= count, `month ${month}: ${status.shown} rows for a bar of ${count}`);
    assert.ok((await columnTexts(page, 'notAfter')).every((d) => d.startsWith(month)), `every row expires in ${month}`);
    assert.match(page.url(), new RegExp(`month=${month}`));
    assert.equal(await page.locator(`.timeline-bar[data-label="${month}"]`).getAttribute('aria-pressed'), 'true');
    await shot('timeline-month');
    await page.locator(`.timeline-bar[data-label="${month}"]`).click();
    await waitForShown(page, (s) => s.shown === s.total);
    // Keyboard: Enter on the expired bar.
    await page.locator('.timeline-bar[data-label="expired"]').focus();
    await page.keyboard.press('Enter');
    await waitForShown(page, (s) => s.shown < s.total);
    assert.ok((await page.locator('td.col-daysLeft').evaluateAll((tds) => tds.every((td) => td.classList.contains('days-expired')))));
    await resetFilters();
  });

  await t.test('export CSV and JSON of the filtered rows', async () => {
    await resetView();
    await filters().getByLabel('Kind').selectOption('certificate');
    const { shown } = await waitForShown(page, (s) => s.shown < s.total);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    assert.match(csvDownload.suggestedFilename(), /^casview-.*\.csv$/);
    const csvBytes = await readFile(await csvDownload.path());
    assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const table = parseCsv(csvBytes.toString('utf8').slice(1)).filter((r) => r.length > 1 || r[0] !== '');
    assert.equal(table.length, shown + 1, 'a header and one line per shown row');
    for (const cell of table.flat()) {
      assert.doesNotMatch(cell, /^[=+@\t\r]/, `formula-safe: ${JSON.stringify(cell)}`);
      if (cell.startsWith('-')) assert.match(cell, /^-\d+(\.\d+)?$/, `only numbers may start with "-": ${cell}`);
    }
    const hyperlink = table.flat().find((c) => c.includes('HYPERLINK('));
    assert.ok(hyperlink, 'the hostile upload name is exported');
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    assert.match(jsonDownload.suggestedFilename(), /^casview-.*\.json$/);
    const parsed = JSON.parse(await readFile(await jsonDownload.path(), 'utf8'));
    const exported = Array.isArray(parsed) ? parsed : parsed.rows;
    assert.equal(exported.length, shown);
    assert.ok(exported.every((r) => JSON.stringify(r).includes('certificate')));
    await resetFilters();
  });

  await t.test('details: every raw field of the clicked row; keyboard opens and closes it', async () => {
    await resetView();
    await page.getByLabel('Search').fill('HYPERLINK');
    await waitForShown(page, (s) => s.shown >= 1 && s.shown < s.total);
    const id = (await shownIds())[0];
    const entry = rows.find((r) => r.id === id).entry;
    await page.locator('tr.row').first().locator('td.col-domain').click();
    const dialog = page.getByRole('dialog', { name: 'Details' });
    await dialog.waitFor();
    const fields = await dialog.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent]));
    assert.deepEqual(Object.fromEntries(fields), Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, String(v)])));
    await shot('details');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(SCREENSHOTS, 'details-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Keyboard: Up/Down move between rows, Enter opens.
    await page.getByLabel('Search').fill('');
    await waitForShown(page, (s) => s.shown === s.total);
    await page.locator('tr.row button.row-open').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement.closest('tr').getAttribute('aria-rowindex'));
    assert.equal(focused, '4');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  await t.test('language switch to Simplified Chinese and back', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    await page.getByLabel('搜索').waitFor();
    assert.match(await page.getByRole('status').filter({ hasText: '显示' }).textContent(), /显示 [\d,]+ \/ 共 [\d,]+ 条/);
    assert.equal(await page.getByRole('button', { name: '加载' }).count(), 1);
    assert.ok((await table().locator('thead').textContent()).includes('到期时间'));
    await shot('zh-CN');
    await page.getByLabel('语言').selectOption('en');
    await page.getByLabel('Search').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  });

  await t.test('filter and sort state round-trips through the URL hash', async () => {
    await resetView();
    await page.getByLabel('Search').fill('example');
    await filters().getByLabel('Status').selectOption('ISSUED');
    await filters().getByLabel('Expires within (days)').fill('400');
    await table().locator('thead th.col-daysLeft button').click();
    await table().locator('thead th.col-daysLeft button').click();
    const before = await waitForShown(page, (s) => s.shown < s.total);
    const url = page.url();
    assert.match(url, /#.*q=example.*status=ISSUED.*within=400.*sort=daysLeft&desc=1/);
    const second = await stack.browser.context.newPage();
    const secondWatch = watchPage(second, { secrets: [SECRET] });
    await second.goto(url);
    assert.equal(await second.getByLabel('Search').inputValue(), 'example');
    assert.equal(await second.getByRole('search').getByLabel('Status').inputValue(), 'ISSUED');
    assert.equal(await second.getByLabel('Expires within (days)').inputValue(), '400');
    assert.equal(await second.locator('thead th.col-daysLeft').getAttribute('aria-sort'), 'descending');
    await loadAccount(second);
    const after = await statusLine(second);
    assert.equal(after.shown, before.shown);
    assert.deepEqual(await columnTexts(second, 'id'), await columnTexts(page, 'id'));
    // Editing the hash by hand (or going back) applies it.
    await second.evaluate(() => { location.hash = '#kind=order'; });
    await second.getByRole('search').getByLabel('Kind').waitFor();
    await waitForShown(second, (s) => s.shown === rows.filter((r) => r.kind === 'order').length);
    assert.equal(await second.getByLabel('Search').inputValue(), '');
    await secondWatch.assertClean(assert);
    await second.close();
    await resetFilters();
  });

  await t.test('the secret is in no URL, storage, request or log; "Remember for this tab" uses sessionStorage only', async () => {
    const storage = () => page.evaluate(() => JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage } }));
    assert.ok(!(await storage()).includes(SECRET), 'not stored without opting in');
    assert.ok(watch.requests.some((r) => r.url.startsWith(stack.proxy.url) && r.method === 'POST'), 'requests were seen');
    await watch.assertClean(assert);
    await page.getByLabel('Remember for this tab').check();
    const stored = JSON.parse(await storage());
    assert.ok(JSON.stringify(stored.session).includes(SECRET), 'in sessionStorage once opted in');
    assert.ok(!JSON.stringify(stored.local).includes(SECRET), 'never in localStorage');
    await page.reload();
    assert.equal(await page.getByLabel('AccessKey Secret').inputValue(), SECRET, 'restored in this tab');
    await page.getByLabel('Remember for this tab').uncheck();
    assert.ok(!(await storage()).includes(SECRET), 'forgotten when unticked');
    await watch.assertClean(assert);
  });
});
