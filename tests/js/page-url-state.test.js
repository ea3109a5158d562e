// The page's URL state: filters and sort in the hash round-trip exactly, junk falls back to
// defaults, only endpoint and proxy are read from the query string, and the inventory filter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyState, parseHash, formatHash, toInventoryFilter, readPresets, monthBounds, SORT_KEYS }
  from '../../web/app/url-state.js';

test('the empty state has an empty hash and parses back', () => {
  assert.equal(formatHash(emptyState()), '');
  assert.deepEqual(parseHash(''), emptyState());
  assert.deepEqual(parseHash('#'), emptyState());
});

test('every field round-trips, including text that needs escaping', () => {
  const state = {
    ...emptyState(), search: 'a&b=c #x 测试', status: 'WILLEXPIRED', orderType: 'CPACK', within: 30,
    kind: 'certificate', resourceGroup: 'rg-acfm123', site: 'intl', covers: 'www.example.com',
    hideSuperseded: true, month: '2026-03', sort: { key: 'daysLeft', descending: true },
  };
  const hash = formatHash(state);
  assert.match(hash, /^#/);
  assert.deepEqual(parseHash(hash), state);
});

test('every sort key round-trips in both directions; the default sort is left out', () => {
  for (const key of SORT_KEYS) {
    for (const descending of [false, true]) {
      const state = { ...emptyState(), sort: { key, descending } };
      assert.deepEqual(parseHash(formatHash(state)).sort, { key, descending });
    }
  }
  assert.equal(formatHash({ ...emptyState(), sort: { key: 'notAfter', descending: false } }), '');
});

test('malformed values fall back to defaults', () => {
  const state = parseHash('#kind=robot&month=2026-13&within=-4&sort=evil&hideSuperseded=yes');
  assert.equal(state.kind, '');
  assert.equal(state.month, '');
  assert.equal(state.within, null);
  assert.deepEqual(state.sort, { key: 'notAfter', descending: false });
  assert.equal(state.hideSuperseded, false);
  assert.equal(parseHash('#month=expired').month, 'expired');
  assert.equal(parseHash('#within=0').within, 0);
});

test('the inventory filter carries only what is set', () => {
  assert.deepEqual(toInventoryFilter(emptyState()), {});
  const filter = toInventoryFilter({
    ...emptyState(), search: '  shop ', status: 'EXPIRED', orderType: 'CERT', within: 7, kind: 'order',
    resourceGroup: 'rg-1', site: 'cn', covers: ' a.example.com ', hideSuperseded: true, month: '2026-12',
  });
  assert.deepEqual(filter, {
    search: 'shop', statuses: ['EXPIRED'], orderTypes: ['CERT'], kinds: ['order'], resourceGroupId: 'rg-1',
    sites: ['cn'], expiresWithinDays: 7, covers: 'a.example.com', hideSuperseded: true,
    notAfterFromMs: Date.UTC(2026, 11, 1), notAfterToMs: Date.UTC(2027, 0, 1),
    expiryStates: ['critical', 'warning', 'ok'],
  });
  assert.deepEqual(toInventoryFilter({ ...emptyState(), month: 'expired' }), { expiryStates: ['expired'] });
  assert.deepEqual(toInventoryFilter({ ...emptyState(), month: '2026-12' }, { withMonth: false }), {});
});

test('month bounds are UTC', () => {
  assert.deepEqual(monthBounds('2024-02'), { fromMs: Date.UTC(2024, 1, 1), toMs: Date.UTC(2024, 2, 1) });
});

test('only endpoint and proxy are read from the query string', () => {
  assert.deepEqual(readPresets('?endpoint=http%3A%2F%2F127.0.0.1%3A8788&proxy=http://127.0.0.1:8787/&accessKeySecret=s&accessKeyId=x'),
    { endpoint: 'http://127.0.0.1:8788', proxy: 'http://127.0.0.1:8787/' });
  assert.deepEqual(readPresets(''), {});
  assert.deepEqual(readPresets('?proxy='), { proxy: '' });
});
