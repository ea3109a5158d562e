// The proxy's allow-list on its own: what is forwarded, and every way of asking for somewhere
// else, with the exact refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTarget, loopbackTargets } from '../../scripts/proxy/allowlist.js';
import { ESCAPES } from './helpers/proxy-contract.js';

const ALLOWED = [
  ['/https://cas.aliyuncs.com/?Action=ListUserCertificateOrder&Signature=a%2Bb%3D', 'https://cas.aliyuncs.com/?Action=ListUserCertificateOrder&Signature=a%2Bb%3D', 'cas.aliyuncs.com'],
  ['/https://cas.aliyuncs.com/', 'https://cas.aliyuncs.com/', 'cas.aliyuncs.com'],
  ['/https://cas.aliyuncs.com', 'https://cas.aliyuncs.com/', 'cas.aliyuncs.com'],
  ['/https://cas.aliyuncs.com?x=1', 'https://cas.aliyuncs.com/?x=1', 'cas.aliyuncs.com'],
  ['/https://cas.ap-southeast-1.aliyuncs.com/', 'https://cas.ap-southeast-1.aliyuncs.com/', 'cas.ap-southeast-1.aliyuncs.com'],
  ['/https://cas.eu-central-1.aliyuncs.com/?a=%2F..%2F', 'https://cas.eu-central-1.aliyuncs.com/?a=%2F..%2F', 'cas.eu-central-1.aliyuncs.com'],
];
for (const [requestTarget, url, hostname] of ALLOWED) {
  test(`forwarded: ${requestTarget}`, () => {
    const { target, error } = checkTarget(requestTarget);
    assert.equal(error, undefined);
    assert.equal(target.url, url);
    assert.equal(target.hostname, hostname);
    assert.equal(target.port, 443);
    assert.equal(target.protocol, 'https:');
    assert.equal(target.path, url.slice(url.indexOf('/', 8)));
  });
}

const DEMO = loopbackTargets(['127.0.0.1:8788', 'localhost:9443']);

test('loopback targets only as named: that host and port, nothing else', () => {
  for (const t of ['/http://127.0.0.1:8788/', '/http://localhost:9443/?a=1', '/https://localhost:9443/', '/https://127.0.0.1:8788/']) {
    assert.equal(checkTarget(t).error.code, 'ProxyForbiddenHost', t);
    assert.ok(checkTarget(t, { allowLoopback: DEMO }).target, t);
  }
  const { target } = checkTarget('/http://127.0.0.1:8788/?q', { allowLoopback: DEMO });
  assert.deepEqual([target.hostname, target.port, target.host, target.path, target.loopback], ['127.0.0.1', 8788, '127.0.0.1:8788', '/?q', true]);
  // Other ports, the other loopback name for a named port, and every other spelling.
  for (const t of ['/http://127.0.0.1:8789/', '/http://127.0.0.1:9443/', '/http://localhost:8788/', '/http://127.0.0.1:80/', '/http://127.0.0.1:22/',
    '/http://127.0.0.1/', '/http://localhost/', '/http://127.0.0.1:0/', '/http://127.0.0.1:65536/', '/http://127.0.0.1:08788/',
    '/http://127.0.0.2:8788/', '/http://[::1]:8788/', '/http://2130706433:8788/', '/http://0x7f.1:8788/', '/http://127.1:8788/',
    '/http://LOCALHOST:9443/', '/http://localhost.:9443/', '/http://user@127.0.0.1:8788/', '/http://10.0.0.1:8788/', '/http://192.168.1.1:8788/']) {
    const { error } = checkTarget(t, { allowLoopback: DEMO });
    assert.equal(error?.code, 'ProxyForbiddenHost', t);
    assert.equal(error.status, 403, t);
  }
});

test('loopbackTargets: a list of 127.0.0.1:<port> / localhost:<port>; true and anything else is refused', () => {
  assert.deepEqual([...loopbackTargets(['127.0.0.1:8788', 'localhost:1'])], ['127.0.0.1:8788', 'localhost:1']);
  assert.deepEqual([...loopbackTargets(undefined)], []);
  assert.deepEqual([...loopbackTargets([])], []);
  assert.throws(() => loopbackTargets(true), /"host:port" strings/);
  assert.throws(() => loopbackTargets('127.0.0.1:8788'), /"host:port" strings/);
  for (const bad of ['127.0.0.1', '127.0.0.1:', '127.0.0.1:0', '127.0.0.1:65536', '127.0.0.1:08788', '127.0.0.2:8788', '[::1]:8788',
    'LOCALHOST:8788', 'cas.aliyuncs.com:443', 'http://127.0.0.1:8788', '127.0.0.1:8788/', ' 127.0.0.1:8788', 8788, true]) {
    assert.throws(() => loopbackTargets([bad]), /is not "127\.0\.0\.1:<port>" or "localhost:<port>"/, String(bad));
  }
  assert.throws(() => checkTarget('/http://127.0.0.1:8788/', { allowLoopback: true }), TypeError);
});


for (const [requestTarget, code] of ESCAPES) {
  test(`refused: ${requestTarget} → ${code}`, () => {
    for (const allowLoopback of [new Set(), DEMO]) {
      const { target, error } = checkTarget(requestTarget, { allowLoopback });
      assert.equal(target, undefined);
      assert.equal(error.code, code);
      assert.equal(error.status, code === 'ProxyBadTarget' ? 400 : 403);
      assert.equal(typeof error.message, 'string');
    }
  });
}
