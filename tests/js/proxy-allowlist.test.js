// The proxy's allow-list on its own: what is forwarded, and every way of asking for somewhere
// else, with the exact refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTarget } from '../../scripts/proxy/allowlist.js';
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

test('loopback targets only when allowed, and only with a port', () => {
  for (const t of ['/http://127.0.0.1:8788/', '/http://localhost:8788/?a=1', '/https://127.0.0.1:9443/']) {
    assert.equal(checkTarget(t).error.code, 'ProxyForbiddenHost', t);
    assert.ok(checkTarget(t, { allowLoopback: true }).target, t);
  }
  const { target } = checkTarget('/http://127.0.0.1:8788/?q', { allowLoopback: true });
  assert.deepEqual([target.hostname, target.port, target.host, target.path, target.loopback], ['127.0.0.1', 8788, '127.0.0.1:8788', '/?q', true]);
  for (const t of ['/http://127.0.0.1/', '/http://localhost/', '/http://127.0.0.1:0/', '/http://127.0.0.1:65536/', '/http://127.0.0.1:08788/',
    '/http://127.0.0.2:8788/', '/http://[::1]:8788/', '/http://2130706433:8788/', '/http://0x7f.1:8788/', '/http://127.1:8788/',
    '/http://LOCALHOST:8788/', '/http://localhost.:8788/', '/http://user@127.0.0.1:8788/']) {
    assert.equal(checkTarget(t, { allowLoopback: true }).error?.code, 'ProxyForbiddenHost', t);
  }
});


for (const [requestTarget, code] of ESCAPES) {
  test(`refused: ${requestTarget} → ${code}`, () => {
    for (const allowLoopback of [false, true]) {
      const { target, error } = checkTarget(requestTarget, { allowLoopback });
      assert.equal(target, undefined);
      assert.equal(error.code, code);
      assert.equal(error.status, code === 'ProxyBadTarget' ? 400 : 403);
      assert.equal(typeof error.message, 'string');
    }
  });
}
