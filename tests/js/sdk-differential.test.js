// Differential test: our signer (the WASM build, through the public module) against the official
// SDK's getRPCSignature (@alicloud/openapi-util) on 2,000 random parameter sets. The generator is
// seeded; a failure prints the seed and the set so it can be replayed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { signRpcRequest } from '../../web/casview/index.js';

const require = createRequire(import.meta.url);
const OpenApiUtil = require('@alicloud/openapi-util').default;

const SEED = Number(process.env.CASVIEW_DIFF_SEED ?? 20201407);
const SETS = 2000;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ ';
// Code point ranges from several planes: Latin-1, Greek, CJK, Hangul, private use, emoji and
// other astral symbols (plane 1), CJK extension B (plane 2).
const RANGES = [[0x20, 0x7e], [0xa0, 0xff], [0x370, 0x3ff], [0x4e00, 0x9fff], [0xac00, 0xd7a3],
  [0xe000, 0xe0ff], [0xfe30, 0xfffd], [0x1f300, 0x1faff], [0x10400, 0x1044f], [0x20000, 0x2a6df]];
const NAMES = ['OrderType', 'Status', 'Keyword', 'CurrentPage', 'ShowSize', 'ResourceGroupId',
  'RegionId', 'Tag.1.Key', 'Tag.10.Key', 'Tag.2.Key', 'lower', '_under', 'SecurityToken'];

function randomText(random, maxLength) {
  const length = Math.floor(random() * (maxLength + 1));
  let text = '';
  for (let i = 0; i < length; i++) {
    const pick = random();
    if (pick < 0.3) {
      text += PUNCTUATION[Math.floor(random() * PUNCTUATION.length)];
    } else {
      const [lo, hi] = RANGES[Math.floor(random() * RANGES.length)];
      text += String.fromCodePoint(lo + Math.floor(random() * (hi - lo + 1)));
    }
  }
  return text;
}

// Names stay ASCII, as every API parameter name is: JS sorts UTF-16 code units and the service
// sorts bytes, which differ only above U+FFFF.
function randomName(random) {
  if (random() < 0.7) return NAMES[Math.floor(random() * NAMES.length)];
  let name = '';
  const length = 1 + Math.floor(random() * 12);
  for (let i = 0; i < length; i++) name += String.fromCharCode(0x21 + Math.floor(random() * 94));
  return name;
}

function randomParams(random) {
  const params = {
    AccessKeyId: `LTAI${Math.floor(random() * 1e9)}`,
    Action: 'ListUserCertificateOrder',
    Format: random() < 0.5 ? 'JSON' : 'json',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: crypto.randomUUID(),
    SignatureVersion: '1.0',
    Timestamp: new Date(Math.floor(random() * 4e12)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Version: '2020-04-07',
  };
  const extra = Math.floor(random() * 8);
  for (let i = 0; i < extra; i++) {
    params[randomName(random)] = random() < 0.15 ? '' : randomText(random, 40);
  }
  if (random() < 0.3) params.SecurityToken = `CAIS${randomText(random, 60)}+/==`;
  return params;
}

test(`our WASM signer equals @alicloud/openapi-util getRPCSignature on ${SETS} random sets (seed ${SEED})`, async () => {
  const random = mulberry32(SEED);
  let compared = 0;
  for (let i = 0; i < SETS; i++) {
    const params = randomParams(random);
    const method = random() < 0.5 ? 'GET' : 'POST';
    const secret = randomText(random, 30) || 's';
    const ours = await signRpcRequest({ method, params, accessKeySecret: secret });
    const sdk = OpenApiUtil.getRPCSignature(params, method, secret);
    if (ours.signature !== sdk) {
      assert.fail(`set ${i} (seed ${SEED}) differs: ${JSON.stringify({ method, secret, params })}\n` +
        `ours ${ours.signature} sdk ${sdk}\nstring-to-sign ${ours.stringToSign}`);
    }
    compared++;
  }
  assert.equal(compared, SETS);
});

test('the differential test can fail: a one-character change changes the SDK signature', async () => {
  const params = randomParams(mulberry32(1));
  const ours = await signRpcRequest({ method: 'GET', params, accessKeySecret: 's' });
  assert.notEqual(ours.signature, OpenApiUtil.getRPCSignature(params, 'POST', 's'));
  assert.notEqual(ours.signature, OpenApiUtil.getRPCSignature({ ...params, X: '' }, 'GET', 's'));
  assert.equal(ours.signature, OpenApiUtil.getRPCSignature(params, 'GET', 's'));
});
