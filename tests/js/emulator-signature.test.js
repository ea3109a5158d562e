// The emulator's own RPC signature 1.0 code, stage by stage, against the official SDKs' vectors
// (tests/vectors/signature-vectors.json, see tests/vectors/README.md) and, on random inputs,
// against the SDK's getRPCSignature. If the emulator's verifier were wrong, every other emulator
// test would be moot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { percentEncode, canonicalizedQuery, stringToSign, sign, signatureMatches } from '../../scripts/emulator/signature.js';
import { createPrng } from '../../scripts/emulator/prng.js';

const require = createRequire(import.meta.url);
const OpenApiUtil = require('@alicloud/openapi-util').default;
const { vectors } = JSON.parse(readFileSync(new URL('../vectors/signature-vectors.json', import.meta.url)));

test('percentEncode follows §1.2 (UTF-8, uppercase hex, only A-Z a-z 0-9 - _ . ~ literal)', () => {
  const table = {
    ' ': '%20', '*': '%2A', '~': '~', '/': '%2F', '+': '%2B', '=': '%3D', '&': '%26', '%': '%25', ':': '%3A',
    '!': '%21', "'": '%27', '(': '%28', ')': '%29', '\n': '%0A', 'é': '%C3%A9', '"': '%22',
    '测': '%E6%B5%8B', '😀': '%F0%9F%98%80', 'Az09-_.': 'Az09-_.',
  };
  for (const [input, expected] of Object.entries(table)) assert.equal(percentEncode(input), expected, JSON.stringify(input));
});

test("the HMAC stage gives the known answer of Alibaba's DescribeRegions example, OLeaidS1JvxuMvnyHOwuJ+uX5qY=", () => {
  const sts = vectors.find((v) => v.id === 'official-describe-regions').expectedStringToSign;
  // docs/alibaba-api.md §2.1: the known answers of Alibaba's documentation and of the official
  // SDKs' own tests.
  assert.equal(sign(sts, 'testsecret'), 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  assert.equal(sign('GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26', 'testsecret'),
    'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
});

for (const v of vectors) {
  test(`vector ${v.id}: canonical query, string to sign, signature`, () => {
    assert.equal(canonicalizedQuery(v.params), v.expectedCanonicalizedQuery, 'canonicalized query');
    assert.equal(stringToSign(v.method, v.params), v.expectedStringToSign, 'string to sign');
    assert.equal(sign(v.expectedStringToSign, v.secret), v.expectedSignature, 'signature');
  });
}

test('Signature itself is never signed', () => {
  const v = vectors[0];
  assert.equal(canonicalizedQuery({ ...v.params, Signature: 'x' }), v.expectedCanonicalizedQuery);
});

test('signatureMatches is exact', () => {
  assert.equal(signatureMatches('OLeaidS1JvxuMvnyHOwuJ+uX5qY=', 'OLeaidS1JvxuMvnyHOwuJ+uX5qY='), true);
  assert.equal(signatureMatches('OLeaidS1JvxuMvnyHOwuJ+uX5qY', 'OLeaidS1JvxuMvnyHOwuJ+uX5qY='), false);
  assert.equal(signatureMatches('oLeaidS1JvxuMvnyHOwuJ+uX5qY=', 'OLeaidS1JvxuMvnyHOwuJ+uX5qY='), false);
});

test('agrees with the SDK getRPCSignature on 300 seeded random parameter sets', () => {
  const rng = createPrng(20200407);
  const alphabet = [...'abcXYZ019-_.~ !*\'()/+=&%:?#@[]"\\é测试😀\n\t,;$'];
  const text = (max) => Array.from({ length: rng.int(0, max) }, () => rng.pick(alphabet)).join('');
  for (let i = 0; i < 300; i++) {
    const params = { AccessKeyId: 'testid', Action: 'ListUserCertificateOrder', Timestamp: '2024-01-01T12:00:00Z' };
    for (let j = rng.int(0, 6); j > 0; j--) params[`${rng.pick(['Keyword', 'Tag.', 'a', 'Z', '_x'])}${text(3)}`] = text(12);
    const method = rng.pick(['GET', 'POST']);
    const secret = text(20) || 's';
    assert.equal(sign(stringToSign(method, params), secret), OpenApiUtil.getRPCSignature(params, method, secret),
      `set ${i}: ${JSON.stringify({ method, params, secret })}`);
  }
});
