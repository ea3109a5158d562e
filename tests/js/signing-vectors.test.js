// The SDK-computed vectors again, through the public ES module (WASM build): the same data
// drives the native Catch2 suite and the JS layer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { signRpcRequest } from '../../web/casview/index.js';

const vectorsFile = JSON.parse(
  await readFile(new URL('../vectors/signature-vectors.json', import.meta.url), 'utf8'));
const captures = JSON.parse(
  await readFile(new URL('../vectors/sdk-wire-captures.json', import.meta.url), 'utf8'));

test('the vector file is complete', () => {
  assert.equal(vectorsFile.vectors.length, 12);
});

for (const vector of vectorsFile.vectors) {
  test(`vector ${vector.id}: canonical query, string-to-sign, signature`, async () => {
    const result = await signRpcRequest({
      method: vector.method, params: vector.params, accessKeySecret: vector.secret,
    });
    assert.equal(result.canonicalizedQuery, vector.expectedCanonicalizedQuery);
    assert.equal(result.stringToSign, vector.expectedStringToSign);
    assert.equal(result.signature, vector.expectedSignature);
  });
}

test('the official CAS SDK capture re-signs to what it sent', async () => {
  for (const name of ['cas20200407_v2_rpc_signature', 'cas20200407_v2_rpc_sts']) {
    const [request] = captures[name].requests;
    const { Signature: sent, ...params } = request.decodedQuery;
    const result = await signRpcRequest({
      method: request.method, params, accessKeySecret: captures.pinned.secret,
    });
    assert.equal(result.stringToSign, captures[name].crossCheck.stringToSign);
    assert.equal(result.signature, sent);
  }
});
