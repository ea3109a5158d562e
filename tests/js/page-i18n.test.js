// The page's dictionaries: both languages have the same keys and placeholders, the contract
// labels of docs/page.md are exact in English, and the default language follows the browser.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { DICTIONARIES, pickLanguage, setLanguage, t, language, onLanguageChange, formatDate } from '../../web/app/i18n.js';

afterEach(() => setLanguage('en'));

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('en and zh-CN have the same keys and the same placeholders', () => {
  const en = DICTIONARIES.en;
  const zh = DICTIONARIES['zh-CN'];
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) assert.deepEqual(placeholders(zh[key]), placeholders(en[key]), key);
  for (const key of Object.keys(en)) assert.notEqual(zh[key].trim(), '', key);
});

test('the accessible names of docs/page.md are exact in English', () => {
  const names = {
    'conn.accessKeyId': 'AccessKey ID', 'conn.accessKeySecret': 'AccessKey Secret',
    'conn.securityToken': 'Security token', 'conn.endpoint': 'Endpoint', 'conn.proxy': 'Proxy',
    'conn.load': 'Load', 'filters.search': 'Search', 'filters.status': 'Status',
    'filters.orderType': 'Order type', 'filters.within': 'Expires within (days)',
    'conn.remember': 'Remember for this tab', 'progress.cancel': 'Cancel',
  };
  for (const [key, name] of Object.entries(names)) assert.equal(DICTIONARIES.en[key], name, key);
});

test('no other English button text contains "Load" (a role+name lookup must find one button)', () => {
  const buttons = ['export.csv', 'export.json', 'progress.cancel', 'details.close', 'error.dismiss', 'filters.reset', 'filters.clearMonth'];
  for (const key of buttons) assert.doesNotMatch(DICTIONARIES.en[key], /load/i, key);
});

test('the language follows the browser: any zh tag gives zh-CN, otherwise English', () => {
  assert.equal(pickLanguage(['zh-CN']), 'zh-CN');
  assert.equal(pickLanguage(['zh-TW', 'en']), 'zh-CN');
  assert.equal(pickLanguage(['zh']), 'zh-CN');
  assert.equal(pickLanguage(['en-US', 'zh-CN']), 'en');
  assert.equal(pickLanguage(['fr-FR', 'zh-CN']), 'zh-CN');
  assert.equal(pickLanguage(['de']), 'en');
  assert.equal(pickLanguage([]), 'en');
});

test('t fills placeholders; switching language notifies and changes the text', () => {
  assert.equal(t('status.showing', { shown: 3, total: 10 }), 'Showing 3 of 10');
  let calls = 0;
  const off = onLanguageChange(() => { calls += 1; });
  setLanguage('zh-CN');
  assert.equal(language(), 'zh-CN');
  assert.equal(t('status.showing', { shown: 3, total: 10 }), '显示 3 / 共 10 条');
  setLanguage('zh-CN');
  assert.equal(calls, 1, 'no event when the language stays');
  setLanguage('xx');
  assert.equal(language(), 'en', 'unknown languages fall back to English');
  off();
  assert.equal(t('no.such.key'), 'no.such.key');
});

test('dates are ISO days in UTC', () => {
  assert.equal(formatDate(Date.UTC(2026, 2, 31, 23, 59)), '2026-03-31');
  assert.equal(formatDate(null), '');
});
