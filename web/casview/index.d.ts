/**
 * casview: sign and send Alibaba Cloud CAS `ListUserCertificateOrder` requests (API 2020-04-07,
 * RPC signature 1.0) from a browser or Node 20, with a C++/WebAssembly core.
 * @packageDocumentation
 */

/** Codes of errors the client raises itself; service codes (e.g. `SignatureDoesNotMatch`,
 * `Throttling.User`) are passed through unchanged. */
export type CasClientErrorCode = 'InvalidParameter' | 'NetworkError' | 'Timeout' | 'MalformedResponse';

/** The fields a {@link CasError} is made of (all optional when constructing one). */
export interface CasErrorFields {
  code?: string;
  message?: string;
  param?: string;
  requestId?: string;
  hostId?: string;
  httpStatus?: number;
  recommend?: string;
  retryable?: boolean;
}

/** Every failure of the casview API. Branch on {@link CasError.code}, not on the message. */
export class CasError extends Error {
  /** Missing fields default to `code: 'Unknown'`, `''`, `0` and `false`; the message to the code. */
  constructor(fields?: CasErrorFields);
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

// ─── Client (ListUserCertificateOrder over the CORS proxy) ──────────────────────────────────

export type OrderType = 'CPACK' | 'BUY' | 'UPLOAD' | 'CERT';
export type Status = 'PAYED' | 'CHECKING' | 'CHECKED_FAIL' | 'NOTACTIVATED' | 'REVOKED'
  | 'ISSUED' | 'WILLEXPIRED' | 'EXPIRED';

export interface ClientOptions {
  accessKeyId: string;
  /** Kept inside the client (and WASM memory) only; never sent, logged or put in a URL. */
  accessKeySecret: string;
  /** STS token (recommended): sent and signed as `SecurityToken` when given. */
  securityToken?: string;
  /** Default `https://cas.aliyuncs.com` (China site); `https://cas.ap-southeast-1.aliyuncs.com`
   * is the international site. */
  endpoint?: string;
  /** CORS proxy prefix, e.g. `http://127.0.0.1:8787/`; requests go to `proxy + endpoint + '/'`.
   * `''` calls the endpoint directly. */
  proxy?: string;
  /** Default `POST` (form body). */
  method?: 'GET' | 'POST';
  /** Per request, default 15000. */
  timeoutMs?: number;
  /** Retries of retryable errors (throttling, 5xx, transport failures), default 4. */
  maxRetries?: number;
  /** Client-side limit in every 1-second window, default 10 (the documented limit). */
  requestsPerSecond?: number;
}

export interface ListUserCertificateOrderQuery {
  OrderType?: OrderType;
  Status?: Status;
  Keyword?: string;
  CurrentPage?: number;
  ShowSize?: number;
  ResourceGroupId?: string;
}

export interface ListAllQuery extends Omit<ListUserCertificateOrderQuery, 'Status' | 'CurrentPage'> {
  /** One status, or several: every page of each, merged. */
  Status?: Status | Status[];
}

/** A row exactly as the API returns it (documented PascalCase names). Integers above
 * `Number.MAX_SAFE_INTEGER` are decimal strings; absent fields are absent; fields the
 * documentation does not list are passed through as sent. */
export interface CertificateOrderEntry {
  // CPACK / BUY (orders)
  Algorithm?: string; AliyunOrderId?: number | string; BuyDate?: number; CertEndTime?: number;
  CertStartTime?: number; CertType?: string; Domain?: string; DomainCount?: number;
  DomainType?: string; OrderId?: number | string; PartnerOrderId?: string; ProductCode?: string;
  ProductName?: string; RootBrand?: string; SourceType?: string; Status?: string;
  TrusteeStatus?: string; WildDomainCount?: number;
  // CERT / UPLOAD (certificates)
  CertificateId?: number | string; Name?: string; CommonName?: string; Fingerprint?: string;
  Sha2?: string; SerialNo?: string; Issuer?: string; OrgName?: string; Province?: string;
  City?: string; Country?: string; Sans?: string; Expired?: boolean; Upload?: boolean;
  StartDate?: string; EndDate?: string; ResourceGroupId?: string;
  // both
  InstanceId?: string;
}

export interface ListUserCertificateOrderPage {
  RequestId: string;
  CurrentPage: number;
  ShowSize: number;
  TotalCount: number;
  CertificateOrderList: CertificateOrderEntry[];
}

export interface ListProgress {
  pagesDone: number;
  /** Known after the first page of each status; grows as statuses start. */
  pagesTotal: number;
  entriesLoaded: number;
  totalCount: number;
  /** A retry is waiting (throttled, 5xx, network): the banner can say so. */
  retrying?: { code: string; attempt: number; delayMs: number };
}

export interface CallOptions {
  /** Aborting rejects with an error named `AbortError` and stops every request. */
  signal?: AbortSignal;
}

export interface ListAllOptions extends CallOptions {
  onProgress?: (progress: ListProgress) => void;
  /** Also add the entries to this inventory, inside WASM, each page as it arrives (before its
   * `onProgress`), so a view can show them while the listing runs. A row repeated across pages
   * or statuses replaces its earlier copy. If the listing fails or is aborted, the rows of the
   * pages that came stay in the inventory. */
  inventory?: Inventory;
  /** A label kept on each inventory row (e.g. `cn`, `intl`) when several sites are merged. */
  site?: string;
  /** Default true. `false` resolves with `[]`: the rows are kept only in `inventory` (no copy of
   * every row in WASM or JS; what a view of a large account wants). */
  returnEntries?: boolean;
}

export interface CasClient {
  /** One page. Bad input rejects with `InvalidParameter` and sends nothing. */
  listUserCertificateOrder(query?: ListUserCertificateOrderQuery, options?: CallOptions): Promise<ListUserCertificateOrderPage>;
  /** Every page (of every listed status), merged, de-duplicated, in API order. */
  listAll(query?: ListAllQuery, options?: ListAllOptions): Promise<CertificateOrderEntry[]>;
}

/**
 * Creates a client. Rejects with `InvalidParameter` for bad options (no request is sent).
 * @example
 * const client = await createClient({ accessKeyId, accessKeySecret, proxy: 'http://127.0.0.1:8787/' });
 * const certs = await client.listAll({ OrderType: 'CERT', Status: ['ISSUED', 'WILLEXPIRED', 'EXPIRED'] });
 */
export function createClient(options: ClientOptions): Promise<CasClient>;

// ─── Inventory (kept in WASM; the page asks only for what it shows) ────────────────────────

export type Kind = 'certificate' | 'order';
export type ExpiryState = 'expired' | 'critical' | 'warning' | 'ok' | 'unknown';
/** `daysLeft` sorts like `notAfter`; `sans` by SAN count. Text keys compare case-folded. */
export type SortKey = 'name' | 'domain' | 'sans' | 'issuer' | 'status' | 'orderType' | 'notAfter'
  | 'notBefore' | 'daysLeft' | 'resourceGroupId' | 'id' | 'instanceId' | 'kind' | 'site'
  | 'expiryState' | 'superseded';

export interface InventoryOptions {
  /** "Now" for days left; default Date.now() at each query. */
  nowMs?: number;
  /** Days left at or below which a row is critical (default 7) or warning (default 30). */
  criticalDays?: number;
  warningDays?: number;
}

// How the inventory derives its rows (wasm/core/inventory.hpp):
// - identity (de-duplication): site + kind + CertificateId / OrderId, else InstanceId;
// - not-after: orders CertEndTime; certificates 23:59:59.999Z of EndDate (valid through the
//   whole UTC day); daysLeft = floor((notAfter - now) / 1 day), negative once expired;
// - expiryState: expired (daysLeft < 0), critical (<= criticalDays), warning (<= warningDays),
//   ok; unknown without an end date;
// - status: the row's Status; certificates have none, so ISSUED / WILLEXPIRED (<= 30 days) /
//   EXPIRED from their dates; orderType: UPLOAD for uploaded certificates (Upload: true), else
//   CERT; CPACK / BUY for orders.

export interface InventoryFilter {
  /** Free text: names, common name, every SAN, domain, ids, issuer/brand, serial, fingerprint. */
  search?: string;
  kinds?: Kind[];
  statuses?: string[];
  orderTypes?: OrderType[];
  expiryStates?: ExpiryState[];
  /** Rows with 0 <= daysLeft <= this (expired rows are not "expiring"). */
  expiresWithinDays?: number;
  /** Not-after in [notAfterFromMs, notAfterToMs): a timeline bucket. */
  notAfterFromMs?: number;
  notAfterToMs?: number;
  /** One resource group; `''` selects rows without one. */
  resourceGroupId?: string;
  sites?: string[];
  /** Certificates that cover this host name (wildcards match one label, as TLS does). */
  covers?: string;
  hideSuperseded?: boolean;
}

export interface InventoryQuery extends InventoryFilter {
  /** Default: soonest expiry first (`notAfter` ascending). Stable; rows without a value for the
   * key come last in both directions. */
  sort?: { key: SortKey; descending?: boolean };
  offset?: number;
  /** Default: every matching row. `0` gives only the counts. */
  limit?: number;
}

export interface InventoryRow {
  /** Stable identity, e.g. `certificate:12345` or `order:98987582437920968`, prefixed by
   * `site/` when the row has a site (`intl/certificate:12345`); what {@link Inventory.details} takes. */
  id: string;
  kind: Kind;
  site: string;
  name: string;
  domain: string;
  sans: string[];
  issuer: string;
  status: string;
  orderType: string;
  notBefore: number | null;
  notAfter: number | null;
  daysLeft: number | null;
  expiryState: ExpiryState;
  resourceGroupId: string;
  instanceId: string;
  /** CertificateId or OrderId (a decimal string beyond Number.MAX_SAFE_INTEGER); null if none. */
  entryId: number | string | null;
  /** An older certificate whose every SAN is covered by a newer certificate valid now. */
  superseded: boolean;
}

export interface InventoryCounts {
  byStatus: Record<string, number>;
  byExpiryState: Record<ExpiryState, number>;
  byKind: Record<Kind, number>;
  superseded: number;
}

export interface InventoryResult {
  /** Rows in the inventory. */
  total: number;
  /** Rows that match the filter. */
  matched: number;
  /** rows[offset .. offset+limit) of the matching, sorted rows. */
  rows: InventoryRow[];
  /** Counts over the matching rows. */
  counts: InventoryCounts;
  /** Counts over every row. */
  allCounts: InventoryCounts;
}

export interface TimelineBucket {
  /** `expired`, or a UTC month `YYYY-MM` (the first one starts now). */
  label: string;
  /** With toMs, the notAfterFromMs/notAfterToMs filter that selects the bucket's rows. */
  fromMs: number | null;
  toMs: number;
  count: number;
}

export interface Inventory {
  readonly size: number;
  /** Adds API entries (as listAll returns them); de-duplicates by identity (a repeated entry
   * replaces the earlier copy). Returns how many were new. */
  add(entries: CertificateOrderEntry[], context: { orderType: OrderType; site?: string }): number;
  query(query?: InventoryQuery): InventoryResult;
  /** Every raw field of one row, as the API sent it. */
  details(id: string): CertificateOrderEntry | null;
  /** The distinct `ResourceGroupId`s of the rows, sorted (for a filter's choice list). */
  resourceGroups(): string[];
  /** Builds the text-search index of up to `maxEntries` (default: all) rows added since it was
   * last complete; true when it is complete. Adding rows does not index them, and the first
   * text search indexes what is missing: call this in idle time after adding many rows so that
   * the first keystroke stays fast. */
  prepareSearch(options?: { maxEntries?: number }): boolean;
  /** Rows matching the filter per expiry month: the expired bucket, then the next 12 UTC months. */
  timeline(filter?: InventoryFilter): TimelineBucket[];
  /** The matching rows as CSV (UTF-8 BOM, formula-safe cells) or JSON text. */
  export(format: 'csv' | 'json', query?: InventoryQuery): string;
  clear(): void;
  /** Frees the WASM memory; the inventory is unusable afterwards. */
  dispose(): void;
}

export function createInventory(options?: InventoryOptions): Promise<Inventory>;
