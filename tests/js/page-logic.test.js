// The page's pure logic: what the error banner advises per code, export file names, timeline
// geometry, the virtual table's window, sorting, the status line, the demo settings, and how the
// loader runs the listings (against a fake client: no network here; the browser tests use the real one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adviceFor } from '../../web/app/error-banner.js';
import { exportFileName } from '../../web/app/export.js';
import { timelineGeometry } from '../../web/app/timeline.js';
import { visibleWindow, displayId } from '../../web/app/table.js';
import { nextSort } from '../../web/app/inventory-view.js';
import { statusParts } from '../../web/app/status-line.js';
import { detailFields } from '../../web/app/details.js';
import { parseDays } from '../../web/app/filters.js';
import { LISTINGS, loadInventory, sitesToLoad, siteLabel, sumProgress } from '../../web/app/loader.js';
import { DICTIONARIES, formatTime, setLanguage } from '../../web/app/i18n.js';
import { wantsDemo, parseDemoConfig, fetchDemoConfig } from '../../web/app/demo.js';

test('the banner advice per error code', () => {
  const cases = {
    SignatureDoesNotMatch: 'wrongSecret', IncompleteSignature: 'wrongSecret',
    'InvalidAccessKeyId.NotFound': 'unknownKey', 'InvalidAccessKeyId.Inactive': 'inactiveKey',
    'Forbidden.RAM': 'permission', Forbidden: 'permission', NoPermission: 'permission', 'Forbidden.NoPermission': 'permission',
    'InvalidTimeStamp.Expired': 'clock', 'InvalidSecurityToken.Expired': 'token',
    'InvalidSecurityToken.MismatchWithAccessKey': 'token', NetworkError: 'proxyUnreachable',
    ProxyForbiddenHost: 'proxyHost', ProxyBadTarget: 'proxyHost', ProxyForbiddenOrigin: 'proxyOrigin',
    ProxyUpstreamError: 'upstream', ProxyTimeout: 'upstream', Timeout: 'timeout',
    'Throttling.User': 'throttled', Throttling: 'throttled', 'Throttling.Api': 'throttled',
    MalformedResponse: 'malformed', InvalidParameter: 'invalidParameter', InternalError: 'generic',
  };
  for (const [code, advice] of Object.entries(cases)) assert.equal(adviceFor({ code }), advice, code);
  assert.equal(adviceFor(new TypeError('x')), 'generic');
  assert.equal(adviceFor(undefined), 'generic');
  assert.equal(adviceFor({ code: 'ForbiddenFruit' }), 'generic', 'a prefix matches whole dotted parts only');
  for (const advice of new Set(Object.values(cases))) assert.ok(DICTIONARIES.en[`advice.${advice}`], advice);
  assert.match(DICTIONARIES.en['advice.permission'], /yundun-cert:ListUserCertificateOrder/);
});

test('export file names are sortable and safe', () => {
  assert.equal(exportFileName('csv', new Date(Date.UTC(2026, 0, 2, 3, 4, 5))), 'casview-2026-01-02T0304Z.csv');
  assert.match(exportFileName('json'), /^casview-\d{4}-\d\d-\d\dT\d{4}Z\.json$/);
});

test('timeline geometry: equal slots, heights proportional to the largest count', () => {
  const buckets = [{ label: 'expired', count: 10 }, { label: '2026-01', count: 5 }, { label: '2026-02', count: 0 }, { label: '2026-03', count: 1 }];
  const { bars, width, height } = timelineGeometry(buckets, { width: 400, height: 132, gap: 4, labelHeight: 18, countHeight: 14 });
  assert.equal(bars.length, 4);
  assert.deepEqual(bars.map((b) => b.x), [2, 102, 202, 302]);
  assert.ok(bars.every((b) => b.width === 96));
  assert.equal(bars[0].height, 100);
  assert.equal(bars[1].height, 50);
  assert.equal(bars[2].height, 0);
  assert.equal(bars[3].height, 10);
  for (const bar of bars) {
    assert.equal(bar.y + bar.height, 114, 'bars share a baseline');
    assert.ok(bar.y >= 14 && bar.labelY <= height && bar.x + bar.width <= width);
  }
  assert.equal(timelineGeometry([{ label: 'expired', count: 1 }, { label: 'x', count: 1000 }]).bars[0].height, 2, 'a tiny non-zero bar stays visible');
  assert.deepEqual(timelineGeometry([]).bars, []);
});

test('the virtual window covers the viewport plus overscan', () => {
  assert.deepEqual(visibleWindow({ scrollTop: 0, viewportHeight: 360, rowHeight: 36, overscan: 5 }), { first: 0, count: 15 });
  assert.deepEqual(visibleWindow({ scrollTop: 72, viewportHeight: 360, rowHeight: 36, overscan: 5 }), { first: 0, count: 17 });
  assert.deepEqual(visibleWindow({ scrollTop: 3600, viewportHeight: 360, rowHeight: 36, overscan: 5 }), { first: 95, count: 20 });
  assert.equal(displayId('order:98987582437920968'), '98987582437920968');
  assert.equal(displayId('plain'), 'plain');
});

test('header clicks: the same column flips, another starts ascending', () => {
  assert.deepEqual(nextSort({ key: 'name', descending: false }, 'name'), { key: 'name', descending: true });
  assert.deepEqual(nextSort({ key: 'name', descending: true }, 'name'), { key: 'name', descending: false });
  assert.deepEqual(nextSort({ key: 'name', descending: true }, 'id'), { key: 'id', descending: false });
});

test('the status line says shown of total, then non-zero counts by expiry state', () => {
  const parts = statusParts({ total: 90, matched: 12, counts: { byExpiryState: { expired: 2, critical: 0, warning: 3, ok: 7, unknown: 0 } } });
  assert.deepEqual(parts.map(([, text]) => text), ['Showing 12 of 90', '2 expired', '3 warning', '7 ok']);
  assert.deepEqual(statusParts(null).map(([, text]) => text), ['Nothing loaded yet.']);
});

test('detail fields keep the API order and show values as text', () => {
  assert.deepEqual(detailFields({ CertificateId: '9007199254740993', Name: '<b>x</b>', Expired: false, Count: 3 }),
    [['CertificateId', '9007199254740993'], ['Name', '<b>x</b>'], ['Expired', 'false'], ['Count', '3']]);
  assert.deepEqual(detailFields(null), []);
});

test('days parse as whole numbers or nothing', () => {
  assert.equal(parseDays('30'), 30);
  assert.equal(parseDays(' 0 '), 0);
  assert.equal(parseDays(''), null);
  assert.equal(parseDays('-3'), null);
  assert.equal(parseDays('2.5'), null);
});

test('sites: one endpoint, or both CAS sites', () => {
  assert.deepEqual(sitesToLoad({ endpoint: 'http://127.0.0.1:9', bothSites: false }), [{ endpoint: 'http://127.0.0.1:9', site: '127.0.0.1:9' }]);
  assert.deepEqual(sitesToLoad({ endpoint: 'x', bothSites: true }).map((s) => s.site), ['cn', 'intl']);
  assert.equal(siteLabel('https://cas.aliyuncs.com'), 'cn');
});

test('progress sums every listing; the total is unknown until each has reported', () => {
  const latest = new Map([['a', { pagesDone: 1, pagesTotal: 3, entriesLoaded: 100 }]]);
  assert.equal(sumProgress(latest, 2).pagesTotal, null);
  latest.set('b', { pagesDone: 2, pagesTotal: 2, entriesLoaded: 150, retrying: { code: 'Throttling.User', attempt: 1, delayMs: 500 } });
  assert.deepEqual(sumProgress(latest, 2), { pagesDone: 3, pagesTotal: 5, entriesLoaded: 250, retrying: { code: 'Throttling.User', attempt: 1, delayMs: 500 } });
});

// A fake client: listAll resolves after a tick, or fails for one OrderType, and honours signal.
function fakeApi({ failOn } = {}) {
  const calls = [];
  const api = {
    async createClient(options) {
      calls.push({ client: options });
      return {
        listAll(query, { signal, inventory, site, onProgress, returnEntries }) {
          calls.push({ query, site, inventory, returnEntries });
          return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
              onProgress({ pagesDone: 1, pagesTotal: 1, entriesLoaded: 1, totalCount: 1 });
              if (query.OrderType === failOn) reject(Object.assign(new Error('no'), { code: 'Forbidden.RAM' }));
              else resolve(returnEntries === false ? [] : [{ ResourceGroupId: `rg-${query.OrderType}` }]);
            }, query.OrderType === failOn ? 1 : 20);
            signal.addEventListener('abort', () => { clearTimeout(timer); reject(new DOMException('stop', 'AbortError')); });
          });
        },
      };
    },
  };
  return { api, calls };
}

const credentials = { accessKeyId: 'id', accessKeySecret: 'secret', securityToken: '' };

test('the loader lists CERT (three statuses), CPACK and BUY per site into the inventory', async () => {
  const { api, calls } = fakeApi();
  const inventory = {};
  const progress = [];
  const sites = sitesToLoad({ bothSites: true });
  const result = await loadInventory({ api, credentials, sites, proxy: 'http://p/', inventory, signal: new AbortController().signal, onProgress: (p) => progress.push(p) });
  assert.deepEqual(result.sites, ['cn', 'intl']);
  assert.deepEqual(Object.keys(result), ['sites']);
  const clients = calls.filter((c) => c.client).map((c) => c.client);
  assert.deepEqual(clients.map((c) => c.endpoint), ['https://cas.aliyuncs.com', 'https://cas.ap-southeast-1.aliyuncs.com']);
  assert.ok(clients.every((c) => c.proxy === 'http://p/' && c.securityToken === undefined));
  const listings = calls.filter((c) => c.query);
  assert.equal(listings.length, 6);
  assert.deepEqual(listings.slice(0, 3).map((c) => c.query), LISTINGS);
  assert.deepEqual(LISTINGS[0].Status, ['ISSUED', 'WILLEXPIRED', 'EXPIRED']);
  assert.ok(listings.every((c) => c.inventory === inventory));
  assert.ok(listings.every((c) => c.returnEntries === false), 'the rows are kept only in the inventory');
  assert.deepEqual(listings.map((c) => c.site), ['cn', 'cn', 'cn', 'intl', 'intl', 'intl']);
  assert.deepEqual(progress.at(-1), { pagesDone: 6, pagesTotal: 6, entriesLoaded: 6, retrying: undefined });
});

test('the first failure stops the other listings and is the error reported', async () => {
  const { api } = fakeApi({ failOn: 'CPACK' });
  await assert.rejects(
    loadInventory({ api, credentials, sites: sitesToLoad({ endpoint: 'e' }), proxy: '', inventory: {}, signal: new AbortController().signal, onProgress() {} }),
    (error) => error.code === 'Forbidden.RAM');
});

test('cancelling rejects with AbortError', async () => {
  const { api } = fakeApi();
  const controller = new AbortController();
  const loading = loadInventory({ api, credentials, sites: sitesToLoad({ endpoint: 'e' }), proxy: '', inventory: {}, signal: controller.signal, onProgress() {} });
  setTimeout(() => controller.abort(), 5);
  await assert.rejects(loading, { name: 'AbortError' });
});

test('the demo is asked for by ?demo only', () => {
  for (const search of ['?demo', 'demo', '?demo=1', '?endpoint=x&demo']) assert.equal(wantsDemo(search), true, search);
  for (const search of ['', '?', '?endpoint=http://127.0.0.1:8788', '?demos', undefined]) assert.equal(wantsDemo(search), false, search);
});

test('demo settings need http(s) endpoint and proxy and a whole key', () => {
  const good = { endpoint: 'http://127.0.0.1:8788', proxy: 'http://127.0.0.1:8787/', accessKeyId: 'id', accessKeySecret: 's' };
  assert.deepEqual(parseDemoConfig({ ...good, extra: 1 }), good, 'only the four settings are taken');
  for (const bad of [null, 'text', [], { ...good, endpoint: 'javascript:alert(1)' }, { ...good, proxy: 'not a url' },
    { ...good, accessKeyId: '' }, { ...good, accessKeySecret: 42 }, { ...good, endpoint: undefined }]) {
    assert.equal(parseDemoConfig(bad), null, JSON.stringify(bad));
  }
});

test('demo settings are fetched next to the page, uncached; anything but a good 200 is none', async () => {
  const good = { endpoint: 'http://127.0.0.1:8788', proxy: 'http://127.0.0.1:8787/', accessKeyId: 'id', accessKeySecret: 's' };
  const asked = [];
  const answer = (status, body) => async (url, init) => {
    asked.push([String(url), init.cache]);
    return new Response(body, { status });
  };
  assert.deepEqual(await fetchDemoConfig('http://127.0.0.1:8080/app/?demo#q=x', answer(200, JSON.stringify(good))), good);
  assert.deepEqual(asked, [['http://127.0.0.1:8080/app/casview-demo.json', 'no-store']]);
  assert.equal(await fetchDemoConfig('http://127.0.0.1:8080/', answer(404, 'Not found')), null);
  assert.equal(await fetchDemoConfig('http://127.0.0.1:8080/', answer(200, '<html>')), null);
  assert.equal(await fetchDemoConfig('http://127.0.0.1:8080/', async () => { throw new TypeError('fetch failed'); }), null);
});

test('a load\'s time: the time of day, with the day when it is not today', () => {
  setLanguage('en');
  const now = new Date(2026, 11, 4, 15, 0, 0).getTime();
  const today = formatTime(new Date(2026, 11, 4, 9, 5, 7).getTime(), now);
  assert.match(today, /09:05:07/);
  assert.doesNotMatch(today, /2026|Dec/);
  const yesterday = formatTime(new Date(2026, 11, 3, 23, 59, 1).getTime(), now);
  assert.match(yesterday, /Dec 3, 2026/);
  assert.match(yesterday, /11:59:01/);
});
