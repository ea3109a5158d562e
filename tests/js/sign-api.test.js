// signRpcRequest's contract at the JS boundary: bad input is a CasError naming the parameter.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { CasError, signRpcRequest } from '../../web/casview/index.js';

const params = { AccessKeyId: 'testid', Action: 'ListUserCertificateOrder', Keyword: 'x' };

async function refusal(input, param) {
  await assert.rejects(signRpcRequest(input), (error) => {
    assert.ok(error instanceof CasError);
    assert.equal(error.name, 'CasError');
    assert.equal(error.code, 'InvalidParameter');
    assert.equal(error.param, param);
    assert.equal(error.retryable, false);
    return true;
  });
}

test('refuses a bad method, secret or params', async () => {
  await refusal({ method: 'get', params, accessKeySecret: 's' }, 'method');
  await refusal({ method: 'PUT', params, accessKeySecret: 's' }, 'method');
  await refusal({ method: 'GET', params, accessKeySecret: '' }, 'accessKeySecret');
  await refusal({ method: 'GET', params }, 'accessKeySecret');
  await refusal({ method: 'GET', params: null, accessKeySecret: 's' }, 'params');
  await refusal({ method: 'GET', params: ['a'], accessKeySecret: 's' }, 'params');
  await refusal({ method: 'GET', params: { Keyword: { a: 1 } }, accessKeySecret: 's' }, 'Keyword');
  await refusal({ method: 'GET', params: { Keyword: 'a\0b' }, accessKeySecret: 's' }, 'Keyword');
  await refusal({ method: 'GET', params: { ShowSize: NaN }, accessKeySecret: 's' }, 'ShowSize');
  await refusal({ method: 'GET', params: { Signature: 'x' }, accessKeySecret: 's' }, 'Signature');
});

test('numbers are signed as decimal text; null and undefined are left out', async () => {
  const asNumbers = await signRpcRequest({
    method: 'POST', params: { CurrentPage: 2, ShowSize: 100, Keyword: null, Status: undefined },
    accessKeySecret: 's',
  });
  const asText = await signRpcRequest({
    method: 'POST', params: { CurrentPage: '2', ShowSize: '100' }, accessKeySecret: 's',
  });
  assert.equal(asNumbers.canonicalizedQuery, 'CurrentPage=2&ShowSize=100');
  assert.equal(asNumbers.signature, asText.signature);
});

test('concurrent first calls share one module instance', async () => {
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
    signRpcRequest({ method: 'GET', params: { N: i }, accessKeySecret: 's' })));
  assert.equal(new Set(results.map((r) => r.signature)).size, 20);
});

test('a lone surrogate is refused, naming the parameter', async () => {
  await refusal({ method: 'GET', params: { Keyword: 'a\uD800b' }, accessKeySecret: 's' }, 'Keyword');
  await refusal({ method: 'GET', params: { ['K\uDC00']: 'v' }, accessKeySecret: 's' }, 'K\uDC00');
  await refusal({ method: 'GET', params: { A: 'v' }, accessKeySecret: 's\uD800' }, 'accessKeySecret');
});

test('signing through the module matches a second, independent HMAC (node:crypto)', async () => {
  const { createHmac } = await import('node:crypto');
  const { stringToSign, signature } = await signRpcRequest({
    method: 'POST', params: { A: 'é', B: '~*' }, accessKeySecret: 'k+/=',
  });
  assert.equal(signature, createHmac('sha1', 'k+/=&').update(stringToSign, 'utf8').digest('base64'));
});
