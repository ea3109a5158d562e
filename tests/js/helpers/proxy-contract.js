// What both CORS proxies (scripts/proxy and scripts/nginx) must do, shared by their tests.
import assert from 'node:assert/strict';

/** The CORS headers on a forwarded answer for an allowed page origin. */
export function assertCorsAnswer(response, origin) {
  assert.equal(response.headers['access-control-allow-origin'], origin);
  assert.equal(response.headers['access-control-expose-headers'], 'Date, x-acs-retry-after, x-acs-request-id');
  assert.equal(response.headers['access-control-allow-credentials'], undefined);
  assert.equal(response.headers.vary, 'Origin');
}

/** The proxy's own answer to an allowed preflight. */
export function assertPreflightAnswer(response, origin) {
  assert.equal(response.status, 204);
  assert.equal(response.headers['access-control-allow-origin'], origin);
  assert.equal(response.headers['access-control-allow-methods'], 'GET, POST');
  assert.equal(response.headers['access-control-allow-headers'], 'Content-Type');
  assert.equal(response.headers['access-control-max-age'], '600');
  assert.equal(response.headers.vary, 'Origin');
}

// Requests that try to make a proxy go somewhere other than CAS (or the allowed loopback emulator).
// [request target, code the Node proxy answers]. None of these may be forwarded, loopback allowed or not.
export const ESCAPES = [
  ['/https://evil.com/', 'ProxyForbiddenHost'],
  ['/https://aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/https://ecs.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/https://cas-vpc.cn-hangzhou.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/https://cas.cn-hangzhou.aliyuncs.com.evil.com/', 'ProxyForbiddenHost'],
  ['/https://cas.aliyuncs.com.evil.com/', 'ProxyForbiddenHost'],
  ['/https://evil.com/cas.aliyuncs.com', 'ProxyForbiddenHost'],
  ['/https://evil.com/https://cas.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/https://evilcas.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/https://user@cas.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/https://cas.aliyuncs.com@evil.com/', 'ProxyForbiddenHost'],
  ['/https://cas.aliyuncs.com:443@evil.com/', 'ProxyForbiddenHost'],
  ['/https://cas.aliyuncs.com%40evil.com/', 'ProxyForbiddenHost'],
  ['/https://cas%2ealiyuncs.com/', 'ProxyForbiddenHost'],
  ['/https://%63as.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/https://cas.aliyuncs.com%2f@evil.com/', 'ProxyForbiddenHost'],
  ['/https://evil.com%2f.cas.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/https://CAS.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/https://cas.AliyunCS.com/', 'ProxyForbiddenHost'],
  ['/HTTPS://cas.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/https://cas.aliyuncs.com./', 'ProxyForbiddenHost'],
  ['/https://cas.aliyuncs.com../', 'ProxyForbiddenHost'],
  ['/https://cas.ap-southeast-1.aliyuncs.com./', 'ProxyForbiddenHost'],
  ['/https://cas.aliyuncs.com:443/', 'ProxyForbiddenHost'],
  ['/https://cas.aliyuncs.com:8443/', 'ProxyForbiddenHost'],
  ['/https://cas.aliyuncs.com:/', 'ProxyForbiddenHost'],
  ['/http://cas.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/ftp://cas.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/file:///etc/passwd', 'ProxyForbiddenHost'],
  ['/javascript:alert(1)', 'ProxyForbiddenHost'],
  ['/https://1.2.3.4/', 'ProxyForbiddenHost'],
  ['/https://127.0.0.1/', 'ProxyForbiddenHost'],
  ['/https://[::1]/', 'ProxyForbiddenHost'],
  ['/https://[::ffff:127.0.0.1]:8788/', 'ProxyForbiddenHost'],
  ['/https://2130706433/', 'ProxyForbiddenHost'],
  ['/https://0x7f000001/', 'ProxyForbiddenHost'],
  ['/https://017700000001/', 'ProxyForbiddenHost'],
  ['/https://169.254.169.254/latest/meta-data/', 'ProxyForbiddenHost'],
  ['/https://cas.aliyuncs.com\\@evil.com/', 'ProxyForbiddenHost'],
  ['/https://evil.com\\cas.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/https://cas.aliyuncs.com\\.evil.com/', 'ProxyForbiddenHost'],
  ['/https:/cas.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/https:cas.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['/https:///cas.aliyuncs.com/', 'ProxyForbiddenHost'],
  ['//https://cas.aliyuncs.com/', 'ProxyBadTarget'],
  ['/./https://cas.aliyuncs.com/', 'ProxyBadTarget'],
  ['/https://cas.aliyuncs.com/../evil.com/', 'ProxyBadTarget'],
  ['/https://cas.aliyuncs.com/..%2f..%2fevil.com/', 'ProxyBadTarget'],
  ['/https://cas.aliyuncs.com//evil.com/', 'ProxyBadTarget'],
  ['/https://cas.aliyuncs.com/%2e%2e/', 'ProxyBadTarget'],
  ['/https://cas.aliyuncs.com/x', 'ProxyBadTarget'],
  ['/https://cas.aliyuncs.com/#@evil.com/', 'ProxyBadTarget'],
  ['/https://cas.aliyuncs.com/?a=1#frag', 'ProxyBadTarget'],
  ['/', 'ProxyBadTarget'],
  ['/favicon.ico', 'ProxyBadTarget'],
  ['https://cas.aliyuncs.com/', 'ProxyBadTarget'],
  ['http://evil.com/', 'ProxyBadTarget'],
  ['*', 'ProxyBadTarget'],
];
