// The public client API (createClient, listUserCertificateOrder, listAll) in headless Chromium,
// through the project's CORS proxy to the CAS emulator: what the public JS API promises, end to end.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO_KEY, DEMO_STS_KEY, FAULT_KINDS } from '../../scripts/emulator/index.js';
import { startStack } from './helpers/stack.js';

// Runs `body(api, args)` in the page, where api = the casview module; returns its result.
// (Through DevTools, not eval: the page's CSP forbids eval, and must.)
async function inPage(page, body, args = {}) {
  return page.evaluate(`(async () => {
    const api = await import('/casview/index.js');
    return (${body.toString()})(api, ${JSON.stringify(args)});
  })()`);
}

async function openPage(stack) {
  const page = await stack.browser.context.newPage();
  await page.goto(`${stack.site.url}casview/index.d.ts`);  // any same-origin document
  return page;
}

// Everything a request carried, as the browser sent it.
function recordRequests(page) {
  const seen = [];
  page.on('request', (request) => {
    seen.push({ url: request.url(), body: request.postData() ?? '', headers: JSON.stringify(request.headers()) });
  });
  return seen;
}

const sortById = (rows) => [...rows].sort((a, b) => String(a.CertificateId ?? a.OrderId).localeCompare(String(b.CertificateId ?? b.OrderId)));

describe('client API against the emulator, through the proxy', () => {
  let stack;
  let page;
  before(async () => {
    stack = await startStack({ emulator: { certs: 260, orders: 120, seed: 'client-api' } });
    page = await openPage(stack);
  });
  after(async () => stack?.close());

  const options = () => ({ ...DEMO_KEY, endpoint: stack.emulator.url, proxy: stack.proxy.url });

  test('listAll of certificates in three statuses equals the emulator\'s truth', async () => {
    const requests = recordRequests(page);
    const result = await inPage(page, async (api, { options }) => {
      const client = await api.createClient(options);
      const progress = [];
      const entries = await client.listAll({ OrderType: 'CERT', Status: ['ISSUED', 'WILLEXPIRED', 'EXPIRED'], ShowSize: 50 },
        { onProgress: (p) => progress.push(p) });
      return { entries, progress };
    }, { options: options() });
    const truth = stack.emulator.truth({ OrderType: 'CERT', Status: ['ISSUED', 'WILLEXPIRED', 'EXPIRED'] });
    assert.equal(result.entries.length, truth.CertificateOrderList.length);
    assert.deepEqual(sortById(result.entries), sortById(truth.CertificateOrderList));
    const last = result.progress.at(-1);
    assert.equal(last.pagesDone, last.pagesTotal);
    assert.equal(last.entriesLoaded, truth.CertificateOrderList.length);
    for (const r of requests) {
      assert.ok(!r.url.includes(DEMO_KEY.accessKeySecret) && !r.body.includes(DEMO_KEY.accessKeySecret) &&
        !r.headers.includes(DEMO_KEY.accessKeySecret), 'the secret went out in a request');
    }
    assert.ok(requests.length > 3);
  });

  test('orders (CPACK and BUY) are complete too', async () => {
    for (const OrderType of ['CPACK', 'BUY']) {
      const entries = await inPage(page, async (api, { options, OrderType: type }) => {
        const client = await api.createClient(options);
        return client.listAll({ OrderType: type });
      }, { options: options(), OrderType });
      assert.deepEqual(sortById(entries), sortById(stack.emulator.truth({ OrderType }).CertificateOrderList));
    }
  });

  test('listAll into an inventory: each page\'s rows as it arrives; returnEntries false keeps no copy', async () => {
    const query = { OrderType: 'CERT', Status: ['ISSUED', 'WILLEXPIRED', 'EXPIRED'], ShowSize: 50 };
    const result = await inPage(page, async (api, { options, query: q }) => {
      const client = await api.createClient(options);
      const inventory = await api.createInventory();
      const seen = [];  // at each progress: pages done, inventory size
      const entries = await client.listAll(q, {
        inventory, returnEntries: false, onProgress: (p) => seen.push([p.pagesDone, p.pagesTotal, inventory.size]),
      });
      const ids = inventory.query({}).rows.map((r) => String(r.entryId));
      const groups = inventory.resourceGroups();
      let refused = null;
      try {
        await client.listAll(q, { inventory, returnEntries: 'no' });
      } catch (e) {
        refused = { code: e.code, param: e.param };
      }
      return { entries, seen, ids, groups, refused };
    }, { options: options(), query });
    const truth = stack.emulator.truth(query).CertificateOrderList;
    assert.deepEqual(result.entries, []);
    assert.deepEqual(result.ids.sort(), truth.map((r) => String(r.CertificateId)).sort());
    const groups = [...new Set(truth.map((r) => r.ResourceGroupId).filter(Boolean))].sort();
    assert.ok(groups.length > 1);
    assert.deepEqual(result.groups, groups);
    // The rows were there while the listing ran: some after the first page, all at the end.
    const [firstDone, firstTotal, firstSize] = result.seen[0];
    assert.ok(firstDone < firstTotal && firstSize > 0 && firstSize < truth.length, JSON.stringify(result.seen[0]));
    assert.ok(result.seen.every(([, , size], k) => k === 0 || size >= result.seen[k - 1][2]));
    assert.equal(result.seen.at(-1)[2], truth.length);
    assert.deepEqual(result.refused, { code: 'InvalidParameter', param: 'returnEntries' });
  });

  test('prepareSearch indexes the listed rows in slices; a search finds the same either way', async () => {
    const query = { OrderType: 'CERT', Status: ['ISSUED'], ShowSize: 50 };
    const result = await inPage(page, async (api, { options, query: q }) => {
      const client = await api.createClient(options);
      const indexedAhead = await api.createInventory();
      const indexedBySearch = await api.createInventory();
      await client.listAll(q, { inventory: indexedAhead, returnEntries: false });
      await client.listAll(q, { inventory: indexedBySearch, returnEntries: false });
      const before = indexedAhead.prepareSearch({ maxEntries: 0 });  // only says whether it is complete
      let slices = 1;
      while (!indexedAhead.prepareSearch({ maxEntries: 20 })) ++slices;
      const search = (inventory, text) => inventory.query({ search: text }).rows.map((r) => r.id).sort();
      const texts = ['example', 'cert-', 'digicert', 'rg-', '9'];
      const same = texts.every((t) => JSON.stringify(search(indexedAhead, t)) === JSON.stringify(search(indexedBySearch, t)));
      const found = search(indexedBySearch, 'example').length;
      const refused = [];
      for (const bad of [{ maxEntries: -1 }, { maxEntries: 1.5 }, { max: 3 }, 'all']) {
        try {
          indexedAhead.prepareSearch(bad);
        } catch (e) {
          refused.push(e.code);
        }
      }
      return { before, slices, size: indexedAhead.size, same, found, afterSearch: indexedBySearch.prepareSearch({ maxEntries: 0 }), refused };
    }, { options: options(), query });
    assert.equal(result.before, false, 'listed rows are not indexed yet');
    assert.equal(result.slices, Math.ceil(result.size / 20));
    assert.ok(result.same && result.found > 0, JSON.stringify(result));
    assert.equal(result.afterSearch, true, 'a search indexes what it needs');
    assert.deepEqual(result.refused, ['InvalidParameter', 'InvalidParameter', 'InvalidParameter', 'InvalidParameter']);
  });

  test('one page, exactly as the API returns it; GET works too', async () => {
    for (const method of ['POST', 'GET']) {
      const page1 = await inPage(page, async (api, { options }) => {
        const client = await api.createClient(options);
        return client.listUserCertificateOrder({ OrderType: 'CPACK', CurrentPage: 2, ShowSize: 20 });
      }, { options: { ...options(), method } });
      const all = stack.emulator.truth({ OrderType: 'CPACK' }).CertificateOrderList;
      assert.equal(page1.TotalCount, all.length);
      assert.equal(page1.CurrentPage, 2);
      assert.equal(page1.ShowSize, 20);
      assert.deepEqual(page1.CertificateOrderList, all.slice(20, 40));
      assert.equal(stack.emulator.log.at(-1).method, method);
    }
  });

  test('STS credentials are signed and accepted', async () => {
    const entries = await inPage(page, async (api, { options }) => {
      const client = await api.createClient(options);
      return client.listAll({ OrderType: 'UPLOAD' });
    }, { options: { ...DEMO_STS_KEY, endpoint: stack.emulator.url, proxy: stack.proxy.url } });
    assert.deepEqual(sortById(entries), sortById(stack.emulator.truth({ OrderType: 'UPLOAD' }).CertificateOrderList));
  });

  test('a wrong secret is SignatureDoesNotMatch at the first answer, never retried', async () => {
    const before = stack.emulator.log.length;
    const error = await inPage(page, async (api, { options }) => {
      const client = await api.createClient({ ...options, accessKeySecret: 'wrong-secret' });
      try {
        await client.listAll({ OrderType: 'CERT' });
        return null;
      } catch (e) {
        return { name: e.name, code: e.code, retryable: e.retryable, httpStatus: e.httpStatus,
          message: e.message, isCasError: e instanceof api.CasError };
      }
    }, { options: options() });
    assert.equal(error.code, 'SignatureDoesNotMatch');
    assert.equal(error.isCasError, true);
    assert.equal(error.retryable, false);
    assert.equal(error.httpStatus, 400);
    assert.ok(!error.message.includes(DEMO_KEY.accessKeyId), 'the AccessKey id is redacted in messages');
    // Page 1 and the pages asked for while it was away: one first burst, no page twice, no retry.
    await new Promise((r) => setTimeout(r, 1500));
    // A page an earlier listing cancelled can still reach the emulator now; those were signed
    // with the right secret, so they are told apart by their answer.
    const recent = stack.emulator.log.slice(before);
    const sent = recent.filter((e) => e.code === 'SignatureDoesNotMatch');
    assert.ok(recent.every((e) => e.code === 'SignatureDoesNotMatch' || e.code === 'OK'), recent.map((e) => e.code).join());
    assert.ok(sent.length >= 1 && sent.length <= 6, `${sent.length} requests`);
    assert.equal(sent[0].params.CurrentPage ?? '1', '1');
    assert.equal(new Set(sent.map((e) => e.params.CurrentPage ?? '1')).size, sent.length, 'a page was asked for twice');
  });

  test('bad input is InvalidParameter and sends nothing', async () => {
    const before = stack.emulator.log.length;
    const errors = await inPage(page, async (api, { options }) => {
      const client = await api.createClient(options);
      const out = [];
      for (const query of [{ OrderType: 'CERT', Status: 'PAYED' }, { OrderType: 'NOPE' }, { ShowSize: 101 },
        { CurrentPage: 0 }, { orderType: 'CERT' }]) {
        try {
          await client.listUserCertificateOrder(query);
          out.push(null);
        } catch (e) {
          out.push({ code: e.code, param: e.param });
        }
      }
      try {
        await client.listAll({ OrderType: 'UPLOAD', Status: ['ISSUED', 'REVOKED'] });
      } catch (e) {
        out.push({ code: e.code, param: e.param });
      }
      return out;
    }, { options: options() });
    assert.deepEqual(errors, [
      { code: 'InvalidParameter', param: 'Status' }, { code: 'InvalidParameter', param: 'OrderType' },
      { code: 'InvalidParameter', param: 'ShowSize' }, { code: 'InvalidParameter', param: 'CurrentPage' },
      { code: 'InvalidParameter', param: 'orderType' }, { code: 'InvalidParameter', param: 'Status' },
    ]);
    assert.equal(stack.emulator.log.length, before);
  });
});

describe('client API under faults and cancellation', () => {
  let stack;
  let page;
  before(async () => {
    stack = await startStack({ emulator: { certs: 400, orders: 10, seed: 'faults', latencyMs: 30,
      faults: { rate: 0.2, kinds: FAULT_KINDS, seed: 7 } } });
    page = await openPage(stack);
  });
  after(async () => stack?.close());

  test('with 20% injected faults of every kind a listing is complete, without duplicates', async () => {
    const result = await inPage(page, async (api, { options }) => {
      const client = await api.createClient(options);
      const retries = [];
      const entries = await client.listAll({ OrderType: 'CERT', Status: ['ISSUED', 'WILLEXPIRED', 'EXPIRED'], ShowSize: 20 },
        { onProgress: (p) => { if (p.retrying) retries.push(p.retrying.code); } });
      return { entries, retries };
    }, { options: { ...DEMO_KEY, endpoint: stack.emulator.url, proxy: stack.proxy.url, timeoutMs: 1500, maxRetries: 8 } });
    const truth = stack.emulator.truth({ OrderType: 'CERT', Status: ['ISSUED', 'WILLEXPIRED', 'EXPIRED'] });
    const ids = result.entries.map((e) => String(e.CertificateId));
    assert.equal(new Set(ids).size, ids.length, 'duplicates in the listing');
    assert.deepEqual(sortById(result.entries), sortById(truth.CertificateOrderList));
    const faults = stack.emulator.log.filter((e) => e.fault).length;
    assert.ok(faults > 0, 'no fault was injected');
    assert.ok(result.retries.length >= faults - 1, `retries announced ${result.retries.length}, faults ${faults}`);
  });

  test('a 200 that is not the API\'s answer is retried: HTML, empty, not an object, no RequestId, cut short', async () => {
    const kinds = ['html200', 'empty', 'notObject', 'noRequestId', 'truncated'];
    const options = { ...DEMO_KEY, endpoint: stack.emulator.url, proxy: stack.proxy.url, maxRetries: 5 };
    // One page: asked again until the real answer comes.
    for (const kind of kinds) stack.emulator.faults.inject(kind);
    let before = stack.emulator.log.length;
    const first = await inPage(page, async (api, { options }) => {
      const client = await api.createClient(options);
      return client.listUserCertificateOrder({ OrderType: 'CERT', ShowSize: 7 });
    }, { options });
    assert.equal(first.CertificateOrderList.length, 7);
    assert.deepEqual(stack.emulator.log.slice(before).map((e) => e.code), [...kinds.map((k) => `fault:${k}`), 'OK']);

    // A listing: the same, and each retry is announced through onProgress.
    for (const kind of kinds) stack.emulator.faults.inject(kind);
    before = stack.emulator.log.length;
    const listed = await inPage(page, async (api, { options }) => {
      const client = await api.createClient(options);
      const retries = [];
      const entries = await client.listAll({ OrderType: 'CERT', Status: 'ISSUED' },
        { onProgress: (p) => { if (p.retrying) retries.push(p.retrying.code); } });
      return { entries, retries };
    }, { options });
    assert.equal(stack.emulator.log[before].code, 'fault:html200', 'page 1 met the first fault');
    assert.deepEqual(sortById(listed.entries), sortById(stack.emulator.truth({ OrderType: 'CERT', Status: 'ISSUED' }).CertificateOrderList));
    assert.ok(listed.retries.length >= 1, 'retries were announced');
    assert.ok(listed.retries.every((code) => code === 'MalformedResponse'), listed.retries.join());
  });

  test('abort stops the listing: AbortError, and no request after it', async () => {
    const outcome = await inPage(page, async (api, { options }) => {
      const client = await api.createClient(options);
      const controller = new AbortController();
      const started = client.listAll({ OrderType: 'CERT', ShowSize: 5 }, {
        signal: controller.signal,
        // >=: pages that came before page 1 are counted with it, so pagesDone can jump.
        onProgress: (p) => { if (p.pagesDone >= 2) controller.abort(); },
      });
      try {
        await started;
        return { name: 'resolved' };
      } catch (e) {
        return { name: e.name };
      }
    }, { options: { ...DEMO_KEY, endpoint: stack.emulator.url, proxy: stack.proxy.url, requestsPerSecond: 5 } });
    assert.equal(outcome.name, 'AbortError');
    // Requests already sent when abort came may still be on their way through the proxy: let
    // them arrive, then no more may come (at 5 per second, a client that went on would send 7).
    await new Promise((r) => setTimeout(r, 500));
    const count = stack.emulator.log.length;
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(stack.emulator.log.length, count, 'requests went on after abort');
  });

  test('an already aborted signal sends nothing', async () => {
    const before = stack.emulator.log.length;
    const name = await inPage(page, async (api, { options }) => {
      const client = await api.createClient(options);
      try {
        await client.listUserCertificateOrder({}, { signal: AbortSignal.abort() });
        return 'resolved';
      } catch (e) {
        return e.name;
      }
    }, { options: { ...DEMO_KEY, endpoint: stack.emulator.url, proxy: stack.proxy.url } });
    assert.equal(name, 'AbortError');
    assert.equal(stack.emulator.log.length, before);
  });
});
