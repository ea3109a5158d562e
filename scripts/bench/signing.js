// Figure: full RPC signature of a 15-parameter request, our WASM build (through the public
// module, as users call it) against @alicloud/openapi-util getRPCSignature, same process.
import { createRequire } from 'node:module';

import { signRpcRequest } from '../../web/casview/index.js';
import { microsPerOpSideBySide } from './stats.js';

const require = createRequire(import.meta.url);
const OpenApiUtil = require('@alicloud/openapi-util').default;

function fifteenParams(i) {
  return {
    AccessKeyId: 'LTAI5tExampleKeyId0001', Action: 'ListUserCertificateOrder', Format: 'JSON',
    SignatureMethod: 'HMAC-SHA1', SignatureNonce: `3ee8c1b8-83d3-44af-a94f-${String(i).padStart(12, '0')}`,
    SignatureVersion: '1.0', Timestamp: '2026-11-29T12:00:00Z', Version: '2020-04-07',
    SecurityToken: 'CAIS+STS/tokenExample==', OrderType: 'CERT', Status: 'WILLEXPIRED',
    Keyword: '*.example.com 测试', CurrentPage: '3', ShowSize: '50', ResourceGroupId: 'rg-acfm2pz25js',
  };
}

export async function benchSigning({ smoke }) {
  const batch = smoke ? 50 : 20000;
  const repetitions = smoke ? 2 : 7;
  const secret = 'casview-bench-secret';
  // Alternating batches: both see the same load (the machine is shared).
  const { ours, peer: sdk, ratio } = await microsPerOpSideBySide(
    (i) => signRpcRequest({ method: 'POST', params: fifteenParams(i), accessKeySecret: secret }),
    (i) => OpenApiUtil.getRPCSignature(fifteenParams(i), 'POST', secret),
    { batch: smoke ? batch : batch / 4, repetitions: smoke ? repetitions : repetitions * 3 });
  return {
    figure: 'sign 15-param request (WASM, Node)', unit: 'µs/op', ...ours,
    peer: '@alicloud/openapi-util getRPCSignature', peerMedian: sdk.median,
    ratio, budget: '≤ 0.5× SDK', pass: ratio <= 0.5,
    detail: `ratio = median of ${smoke ? repetitions : repetitions * 3} alternating rounds (ours ÷ SDK); ` +
      `SDK min ${sdk.min.toFixed(2)}, max ${sdk.max.toFixed(2)} µs/op`,
  };
}
