// The official SDKs are accepted by the emulator: @alicloud/pop-core (GET and form POST) and
// @alicloud/cas20200407 with signatureAlgorithm 'v2' (POST, parameters in the query), with
// AccessKeys and STS; a wrong secret is refused with SignatureDoesNotMatch echoing exactly the
// string the SDK signed. The captured SDK requests (tests/vectors/sdk-wire-captures.json) are
// replayed byte for byte as well.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHmac } from 'node:crypto';
import { startEmulator, DEMO_KEY, DEMO_STS_KEY } from '../../scripts/emulator/index.js';
import { T0, fakeClock } from './helpers/emulator-rpc.js';

const require = createRequire(import.meta.url);
const RPCClient = require('@alicloud/pop-core');
const CasClient = require('@alicloud/cas20200407').default;
const { ListUserCertificateOrderRequest } = require('@alicloud/cas20200407');
const { Config } = require('@alicloud/openapi-client');
const captures = JSON.parse(readFileSync(new URL('../vectors/sdk-wire-captures.json', import.meta.url)));

let emu;
before(async () => { emu = await startEmulator({ seed: 'sdk-test', certs: 40, orders: 20, rateLimit: false }); });
after(() => emu.close());

const popCore = (key = DEMO_KEY) => new RPCClient({
  accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, securityToken: key.securityToken,
  endpoint: emu.url, apiVersion: '2020-04-07',
});
const casSdk = (key = DEMO_KEY) => new CasClient(new Config({
  accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, securityToken: key.securityToken,
  endpoint: new URL(emu.url).host, protocol: 'http', signatureAlgorithm: 'v2', // RPC 1.0, not the V3 default
}));
const lastLog = () => emu.log[emu.log.length - 1];

test('pop-core GET is accepted', async () => {
  const result = await popCore().request('ListUserCertificateOrder', { OrderType: 'CERT', ShowSize: 5 });
  const truth = emu.truth({ OrderType: 'CERT' });
  assert.equal(result.TotalCount, truth.TotalCount);
  assert.equal(result.CertificateOrderList.length, 5);
  assert.equal(String(result.CertificateOrderList[0].CertificateId), String(truth.CertificateOrderList[0].CertificateId));
  assert.deepEqual([lastLog().method, lastLog().code, lastLog().params.Format], ['GET', 'OK', 'JSON']);
});

test('pop-core form POST is accepted', async () => {
  const result = await popCore().request('ListUserCertificateOrder', { OrderType: 'BUY', Keyword: '*.example' }, { method: 'POST' });
  assert.equal(result.TotalCount, emu.truth({ OrderType: 'BUY', Keyword: '*.example' }).TotalCount);
  assert.equal(lastLog().method, 'POST');
  assert.equal(lastLog().code, 'OK');
  assert.match(lastLog().headers['content-type'], /^application\/x-www-form-urlencoded/);
});

test('pop-core with STS credentials is accepted', async () => {
  const result = await popCore(DEMO_STS_KEY).request('ListUserCertificateOrder', { OrderType: 'UPLOAD' }, { method: 'POST' });
  assert.equal(result.TotalCount, emu.truth({ OrderType: 'UPLOAD' }).TotalCount);
  assert.equal(lastLog().params.SecurityToken, DEMO_STS_KEY.securityToken);
});

test('@alicloud/cas20200407 (signatureAlgorithm v2) is accepted, with AccessKey and STS', async () => {
  for (const key of [DEMO_KEY, DEMO_STS_KEY]) {
    const response = await casSdk(key).listUserCertificateOrder(new ListUserCertificateOrderRequest({
      orderType: 'CERT', status: 'EXPIRED', showSize: 3, currentPage: 2,
    }));
    const truth = emu.truth({ OrderType: 'CERT', Status: 'EXPIRED' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.body.totalCount, truth.TotalCount);
    assert.deepEqual(response.body.certificateOrderList.map((r) => r.instanceId),
      truth.CertificateOrderList.slice(3, 6).map((r) => r.InstanceId));
    // It POSTs with every parameter in the query and Format=json (docs/alibaba-api.md §1.6, §1.7).
    assert.deepEqual([lastLog().method, lastLog().params.Format, lastLog().code], ['POST', 'json', 'OK']);
  }
});

test('a wrong secret is refused: SignatureDoesNotMatch echoing the string pop-core signed', async () => {
  const wrong = { ...DEMO_KEY, accessKeySecret: 'not-the-secret' };
  await assert.rejects(popCore(wrong).request('ListUserCertificateOrder', { Keyword: 'a b*~' }, { method: 'POST' }), (err) => {
    assert.equal(err.code, 'SignatureDoesNotMatch');
    const prefix = 'Specified signature is not matched with our calculation. server string to sign is:';
    assert.ok(err.data.Message.startsWith(prefix), err.data.Message);
    const echoed = err.data.Message.slice(prefix.length);
    // The echo, signed with the client's (wrong) secret, gives the very signature pop-core sent:
    // so it is byte for byte the string pop-core signed.
    assert.equal(createHmac('sha1', 'not-the-secret&').update(echoed).digest('base64'), lastLog().params.Signature);
    assert.ok(echoed.startsWith('POST&%2F&AccessKeyId%3DLTAIcasviewDEMO0001%26Action%3DListUserCertificateOrder'));
    return true;
  });
  await assert.rejects(casSdk(wrong).listUserCertificateOrder(new ListUserCertificateOrderRequest({ orderType: 'CERT' })),
    (err) => err.code === 'SignatureDoesNotMatch' && err.statusCode === 400);
});

// Replays of what the SDKs put on the wire, with the capture's pinned time, key and token.
const CAPTURED = ['pop_core_GET', 'pop_core_POST', 'cas20200407_v2_rpc_signature', 'cas20200407_v2_rpc_sts', 'openapi_client_0_4_doRPCRequest'];
for (const name of CAPTURED) {
  test(`captured ${name} request: accepted as sent; with another secret the echo equals the SDK's string to sign`, async () => {
    const capture = captures[name];
    const [request] = capture.requests;
    const replay = async (secret) => {
      const { SecurityToken } = request.decodedQuery;
      const key = { accessKeyId: 'testid', accessKeySecret: secret, ...(SecurityToken ? { securityToken: SecurityToken } : {}) };
      const e = await startEmulator({ keys: [key], clock: fakeClock(T0), certs: 3, orders: 3 });
      try {
        const res = await fetch(`${e.url}${request.path}${request.rawQuery ? `?${request.rawQuery}` : ''}`, {
          method: request.method,
          headers: request.headers['content-type'] ? { 'content-type': request.headers['content-type'] } : {},
          body: request.rawBody || undefined,
        });
        return { status: res.status, body: await res.json() };
      } finally { await e.close(); }
    };
    const ok = await replay('testsecret');
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.CurrentPage, 1);
    const refused = await replay('another-secret');
    assert.equal(refused.status, 400);
    assert.equal(refused.body.Code, 'SignatureDoesNotMatch');
    assert.equal(refused.body.Message,
      `Specified signature is not matched with our calculation. server string to sign is:${capture.crossCheck.stringToSign}`);
  });
}
