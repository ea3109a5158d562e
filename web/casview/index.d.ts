/**
 * casview: sign and send Alibaba Cloud CAS `ListUserCertificateOrder` requests (API 2020-04-07,
 * RPC signature 1.0) from a browser or Node 20, with a C++/WebAssembly core.
 * @packageDocumentation
 */

/** Codes of errors the client raises itself; service codes (e.g. `SignatureDoesNotMatch`,
 * `Throttling.User`) are passed through unchanged. */
export type CasClientErrorCode = 'InvalidParameter' | 'NetworkError' | 'Timeout' | 'MalformedResponse';

/** Every failure of the casview API. Branch on {@link CasError.code}, not on the message. */
export class CasError extends Error {
  readonly name: 'CasError';
  /** The service's `Code`, or one of {@link CasClientErrorCode}. */
  readonly code: CasClientErrorCode | (string & {});
  /** For `InvalidParameter`: the parameter that was refused (nothing was sent). */
  readonly param?: string;
  readonly requestId: string;
  readonly hostId: string;
  /** 0 when no HTTP response was received. */
  readonly httpStatus: number;
  readonly recommend: string;
  /** Whether repeating the request (re-signed) can succeed. */
  readonly retryable: boolean;
}

export interface SignRpcRequestInput {
  /** The HTTP method the request will use; it is part of what is signed. */
  method: 'GET' | 'POST';
  /**
   * The complete parameter set except `Signature`: common parameters (with `Timestamp` and
   * `SignatureNonce` chosen by the caller) and operation parameters. Numbers are signed as
   * their decimal text; `undefined` and `null` values are left out.
   */
  params: Record<string, string | number | bigint | boolean | null | undefined>;
  /** Used verbatim with `&` appended as the HMAC key; never sent anywhere. */
  accessKeySecret: string;
}

export interface RpcSignature {
  /** Sorted (byte order), percent-encoded `k=v&k=v`. */
  canonicalizedQuery: string;
  /** `METHOD&%2F&` + percent-encoded canonicalized query. */
  stringToSign: string;
  /** Base64 HMAC-SHA1; percent-encode it on the wire. */
  signature: string;
}

/**
 * Signs an RPC request (signature version 1.0). Pure: nothing is sent.
 * @throws {@link CasError} `InvalidParameter` for a bad method, secret or parameter value.
 * @example
 * const { signature } = await signRpcRequest({ method: 'GET', params, accessKeySecret });
 */
export function signRpcRequest(input: SignRpcRequestInput): Promise<RpcSignature>;

/**
 * Says where the WebAssembly module is, before the first API call. By default it is loaded
 * from `casview-core.wasm` beside this module (read from disk in Node).
 * @param options.locateFile maps `casview-core.wasm` to the URL to fetch it from.
 * @param options.wasmBinary the module's bytes, when the host has them already.
 * @throws Error when called after the module was loaded.
 */
export function configureCasview(options?: {
  locateFile?: (path: string) => string;
  wasmBinary?: ArrayBuffer | Uint8Array;
}): void;
