// "Both sites": the page loads the China and the international CAS endpoints and merges them with
// a Site column. The proxy's upstream is pointed at two emulators that hold the same account
// (so every id exists on both sites): the merged view must keep both copies apart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';

import { startEmulator } from '../../scripts/emulator/index.js';
import { startStack } from './helpers/stack.js';
import { loadAccount, waitForShown, columnTexts } from './helpers/page.js';
import { expectedRows } from './helpers/truth.js';

const ACCOUNT = { seed: 'both-sites', certs: 40, orders: 12 };
let stack;
let intl;
const upstreamHosts = [];

before(async () => {
  intl = await startEmulator({ ...ACCOUNT, rateLimit: false });
  stack = await startStack({
    emulator: ACCOUNT,
    proxy: {
      // Test routing only: the proxy's allow-list still decides; this replaces the network.
      upstreamRequest: (o) => {
        upstreamHosts.push(o.hostname);
        const target = o.hostname === 'cas.aliyuncs.com' ? stack.emulator
          : o.hostname === 'cas.ap-southeast-1.aliyuncs.com' ? intl : null;
        if (!target) throw new Error(`unexpected upstream ${o.hostname}`);
        return http.request({ ...o, protocol: 'http:', hostname: '127.0.0.1', port: target.port, agent: undefined });
      },
    },
  });
});
after(async () => {
  await stack?.close();
  await intl?.close();
});

test('both sites load into one table, a Site column tells them apart', async () => {
  const page = await stack.browser.context.newPage();
  await page.goto(stack.pageUrl('', { endpoint: 'https://cas.aliyuncs.com' }));
  await page.getByLabel('Both sites (China + International)').check();
  await loadAccount(page);
  const perSite = expectedRows(stack.emulator).length;
  assert.equal(perSite, expectedRows(intl).length);
  const status = await waitForShown(page, (s) => s.total === 2 * perSite);
  assert.equal(status.shown, 2 * perSite);
  assert.deepEqual([...new Set(upstreamHosts)].sort(), ['cas.aliyuncs.com', 'cas.ap-southeast-1.aliyuncs.com']);

  const sites = await columnTexts(page, 'site');
  assert.ok(sites.length > 0);
  assert.ok(sites.every((s) => s === 'cn' || s === 'intl'), `site cells: ${[...new Set(sites)]}`);
  assert.deepEqual([...new Set(sites)].sort(), ['cn', 'intl']);
  // Each site's emulator was asked for every page of every listing, once.
  for (const emulator of [stack.emulator, intl]) {
    const listings = new Set(emulator.log.filter((e) => e.code === 'OK').map((e) => `${e.params.OrderType}/${e.params.Status ?? ''}`));
    assert.deepEqual([...listings].sort(), ['BUY/', 'CERT/EXPIRED', 'CERT/ISSUED', 'CERT/WILLEXPIRED', 'CPACK/']);
  }
});
