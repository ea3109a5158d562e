// The emulator's kept matches (createListing): every page it serves equals what a full filter of
// the account gives (listPage), over many queries and page sizes, after the account changes and
// when the clock carries rows across a status boundary; and a query's later pages examine no
// records (counted, not timed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateAccount, watchAccount, certificateEndMs, WILL_EXPIRE_MS } from '../../scripts/emulator/account.js';
import { createListing, listPage, validateQuery } from '../../scripts/emulator/listing.js';
import { startEmulator } from '../../scripts/emulator/index.js';
import { T0, fakeClock, call } from './helpers/emulator-rpc.js';

const DAY = 86_400_000;
const query = (params) => {
  const valid = validateQuery(params);
  if (valid.error) throw new Error(valid.error.message);
  return valid.query;
};
const account = () => watchAccount(generateAccount({ seed: 'listing-index', certs: 300, orders: 160, now: T0 }));

// Every valid filter combination the account can answer differently.
function queries(store) {
  const group = store.raw.certificates[0].ResourceGroupId;
  const out = [];
  const statuses = { CERT: ['', 'ISSUED', 'WILLEXPIRED', 'EXPIRED'], UPLOAD: ['', 'EXPIRED'],
    CPACK: ['', 'PAYED', 'ISSUED', 'WILLEXPIRED', 'EXPIRED', 'REVOKED'], BUY: ['', 'CHECKING', 'EXPIRED'] };
  for (const [OrderType, list] of Object.entries(statuses)) {
    for (const Status of list) {
      for (const Keyword of ['', 'example', 'XN--', '测试', 'cas-']) {
        for (const ResourceGroupId of ['', group]) out.push({ OrderType, Status, Keyword, ResourceGroupId });
      }
    }
  }
  return out;
}

// Every page of `params` at `size` (one beyond the end too) from both, compared.
function comparePages(listing, store, params, size, now) {
  for (let CurrentPage = 1; ; CurrentPage++) {
    const q = query({ ...params, CurrentPage, ShowSize: size });
    const kept = listing.listPage(q, now);
    assert.deepEqual(kept, listPage(store.raw, q, now), `${JSON.stringify(params)} page ${CurrentPage} of ${size}`);
    if (kept.CertificateOrderList.length < size) return kept.TotalCount;
  }
}

test('kept matches give the pages a full filter gives, for every query and page size', () => {
  const store = account();
  // Three kept queries at most, so answers also come from rebuilt and evicted entries.
  for (const listing of [createListing(store), createListing(store, { maxQueries: 3 })]) {
    let rows = 0;
    for (const size of [7, 50, 100]) {
      for (const params of queries(store)) rows += comparePages(listing, store, params, size, T0);
    }
    assert.ok(rows > 1000, 'the queries list rows');
  }
});

test('pages interleaved between queries are the same as one query at a time', () => {
  const store = account();
  const listing = createListing(store);
  const all = queries(store).slice(0, 12);
  for (let CurrentPage = 1; CurrentPage <= 6; CurrentPage++) {
    for (const params of all) {
      const q = query({ ...params, CurrentPage, ShowSize: 9 });
      assert.deepEqual(listing.listPage(q, T0), listPage(store.raw, q, T0));
    }
  }
});

test('a query\'s later pages examine no records; a new query examines the account once', () => {
  const store = account();
  const listing = createListing(store);
  const certs = store.raw.certificates.length;
  let pages = 0;
  for (let CurrentPage = 1; CurrentPage <= 42; CurrentPage++) {
    listing.listPage(query({ OrderType: 'CERT', Status: 'EXPIRED', CurrentPage, ShowSize: 2 }), T0 + CurrentPage);
    pages++;
    assert.equal(listing.stats.examined, certs, `after page ${CurrentPage}`);
  }
  assert.equal(pages, 42);
  assert.equal(listing.stats.builds, 1);
  // ShowSize is not part of the query's filter; Keyword case is not either.
  listing.listPage(query({ OrderType: 'CERT', Status: 'EXPIRED', ShowSize: 100 }), T0);
  assert.equal(listing.stats.builds, 1);
  listing.listPage(query({ OrderType: 'CERT', Keyword: 'Example' }), T0);
  listing.listPage(query({ OrderType: 'CERT', Keyword: 'eXAMPLE', CurrentPage: 3 }), T0);
  assert.equal(listing.stats.builds, 2);
  assert.equal(listing.stats.examined, 2 * certs);
  listing.listPage(query({ OrderType: 'CPACK' }), T0);
  assert.equal(listing.stats.examined, 2 * certs + store.raw.orders.length);
});

test('a changed account is seen at once: added, removed, replaced and reordered rows', () => {
  const store = account();
  const listing = createListing(store, { maxQueries: 64 });
  const { certificates, orders } = store.account;
  const check = () => {
    for (const params of queries(store).filter((_, i) => i % 3 === 0)) comparePages(listing, store, params, 25, T0);
  };
  const builds = () => listing.stats.builds;
  check();
  const before = builds();
  check();
  assert.equal(builds(), before, 'unchanged: nothing rebuilt');

  const changes = [
    () => certificates.push({ ...certificates[0], CertificateId: 1, CommonName: 'added.example.com', Sans: 'added.example.com' }),
    () => certificates.splice(5, 3),
    () => orders.splice(0, 1),
    // Same length, same arrays: only the element differs.
    () => { certificates[10] = { ...certificates[10], ResourceGroupId: certificates[0].ResourceGroupId, CommonName: 'moved.example.org' }; },
    () => { orders[3] = { ...orders[3], Status: 'EXPIRED', CertEndTime: T0 - DAY, SourceType: 'buy' }; },
    () => { certificates[20] = { ...certificates[20], EndDate: '2023-06-01' }; },
    () => certificates.reverse(),
    () => orders.sort((a, b) => String(a.InstanceId).localeCompare(String(b.InstanceId))),
    () => { orders.length = 100; },
  ];
  for (const change of changes) {
    const rebuilt = builds();
    change();
    check();
    assert.ok(builds() > rebuilt, `rebuilt after ${change}`);
  }
  assert.equal(certificates.length, 298);
  assert.equal(orders.length, 100);
});

test('rows are frozen and the arrays stay the emulator\'s, so no change goes unseen', () => {
  const { account: data } = account();
  assert.throws(() => { data.certificates[0].CommonName = 'changed.example'; }, TypeError);
  assert.throws(() => { data.certificates = []; }, TypeError);
  data.certificates.push({ ...data.certificates[0] });
  assert.throws(() => { data.certificates.at(-1).Sans = 'x'; }, TypeError, 'a row put in is frozen too');
  assert.ok(Array.isArray(data.certificates));
});

// Every time at which some row's status changes.
function boundaries(store) {
  const times = new Set();
  for (const c of store.raw.certificates) {
    const end = certificateEndMs(c);
    times.add(end - WILL_EXPIRE_MS).add(end);
  }
  for (const o of store.raw.orders) {
    if (o.CertEndTime !== undefined) times.add(Number(o.CertEndTime) - WILL_EXPIRE_MS).add(Number(o.CertEndTime));
  }
  return [...times].sort((a, b) => a - b);
}

test('the clock crossing a status boundary (either way) gives the pages a full filter gives', () => {
  const store = account();
  const listing = createListing(store);
  const times = boundaries(store).filter((t) => t > T0 - 60 * DAY && t < T0 + 120 * DAY);
  assert.ok(times.length > 40);
  const picked = queries(store).filter((q) => q.Keyword === '' && q.ResourceGroupId === '');
  // Forward across each boundary (1 ms before, at it), then back across it.
  for (const t of times.filter((_, i) => i % 4 === 0)) {
    for (const now of [t - 1, t, t - 1]) {
      for (const params of picked) comparePages(listing, store, params, 40, now);
    }
  }
  // Away from any boundary the kept matches serve: certificates change status at midnight UTC.
  const q = query({ OrderType: 'CERT', Status: 'WILLEXPIRED' });
  listing.listPage(q, T0);
  const builds = listing.stats.builds;
  listing.listPage(q, T0 + 1000);
  assert.equal(listing.stats.builds, builds);
  // The next midnight at which a certificate enters WILLEXPIRED or EXPIRED.
  const next = times.find((t) => t > T0 && t % DAY === 0);
  assert.deepEqual(listing.listPage(q, next), listPage(store.raw, q, next));
  assert.equal(listing.stats.builds, builds + 1);
  listing.listPage(q, T0 + 1000);  // the clock went back
  assert.equal(listing.stats.builds, builds + 2);
});

test('the emulator serves pages from kept matches: every page equals truth() after a change and a clock move', async () => {
  const clock = fakeClock(T0);
  const emu = await startEmulator({ clock, seed: 'listing-index', certs: 120, orders: 0, rateLimit: false });
  try {
    const listed = async () => {
      const rows = [];
      for (let page = 1; page <= 13; page++) {
        const r = await call(emu.url, { OrderType: 'CERT', CurrentPage: String(page), ShowSize: '10' }, { now: clock() });
        assert.equal(r.status, 200, r.text);
        rows.push(...r.json.CertificateOrderList.map((row) => row.InstanceId));
      }
      return rows;
    };
    const truth = () => emu.truth({ OrderType: 'CERT' }).CertificateOrderList.map((row) => row.InstanceId);
    assert.deepEqual(await listed(), truth());
    emu.account.certificates.splice(0, 10);
    assert.deepEqual(await listed(), truth());
    const before = truth().length;
    clock.advance(60 * DAY);
    assert.ok(truth().length < before, 'some certificates expired');
    assert.deepEqual(await listed(), truth());
  } finally {
    await emu.close();
  }
});
