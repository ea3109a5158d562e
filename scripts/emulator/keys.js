// AccessKeys the emulator knows. The demo keys are published on purpose (printed by the CLI and
// scripts/serve): they open the emulator's fake account and nothing else.

export const DEMO_KEY = Object.freeze({
  accessKeyId: 'LTAIcasviewDEMO0001',
  accessKeySecret: 'casview-demo-secret-not-real',
});

// An STS triple. The token has + / = in it, as real tokens do (docs/alibaba-api.md §6,
// apache/opendal-reqsign#221), so clients that forget to percent-encode it fail here as they
// would against Alibaba.
export const DEMO_STS_KEY = Object.freeze({
  accessKeyId: 'STS.NTcasviewDEMO0001sts',
  accessKeySecret: 'casview-demo-sts-secret-not-real',
  securityToken: 'CAIS+casview/demo+STS/token+not/a+secret+0001/AQ==',
});

export const DEMO_KEYS = Object.freeze([DEMO_KEY, DEMO_STS_KEY]);

/** The shape real STS tokens have (base64 text starting with CAIS); anything else is malformed. */
export const isWellFormedToken = (token) => /^CAIS[A-Za-z0-9+/]+={0,2}$/.test(token);

/**
 * @typedef {{ accessKeyId: string, accessKeySecret: string, securityToken?: string,
 *             expiresAt?: number, disabled?: boolean }} EmulatorKey
 *   A key with a securityToken is an STS key: requests must carry that token. expiresAt (ms,
 *   emulator clock): when the STS credentials expire; disabled: an inactive AccessKey.
 */

/** @param {EmulatorKey[]} keys */
export function createKeyStore(keys) {
  const byId = new Map();
  for (const key of keys) {
    if (!key.accessKeyId || !key.accessKeySecret) throw new Error('keys: accessKeyId and accessKeySecret are required');
    // Real STS AccessKey ids start with "STS." and never come without their token.
    if (key.accessKeyId.startsWith('STS.') && !key.securityToken) throw new Error(`keys: ${key.accessKeyId} needs a securityToken`);
    byId.set(key.accessKeyId, key);
  }
  return { find: (id) => byId.get(id) };
}
