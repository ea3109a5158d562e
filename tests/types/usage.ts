// The whole public API as a TypeScript user writes it: checked by `tsc -p tests/types` (never
// run). Every `@ts-expect-error` line is a wrong usage the types must refuse; tsc fails if one
// of them compiles.
import {
  CasError, configureCasview, createClient, createInventory, signRpcRequest,
  type CasClient, type CertificateOrderEntry, type Inventory, type InventoryQuery, type InventoryRow,
  type ListAllQuery, type ListProgress, type ListUserCertificateOrderPage, type OrderType,
  type RpcSignature, type SortKey, type Status, type TimelineBucket,
} from 'casview';

// Where the .wasm lives (before the first call).
configureCasview({ locateFile: (path) => `/static/${path}` });
configureCasview({ wasmBinary: new Uint8Array(0) });
configureCasview({ wasmBinary: new ArrayBuffer(0) });
configureCasview();

export async function usage(signal: AbortSignal): Promise<void> {
  // ─── signRpcRequest ───
  const signed: RpcSignature = await signRpcRequest({
    method: 'GET',
    params: { Action: 'ListUserCertificateOrder', CurrentPage: 1, ShowSize: 50, Keyword: undefined, Status: null },
    accessKeySecret: 'secret',
  });
  const text: string = signed.canonicalizedQuery + signed.stringToSign + signed.signature;
  void text;

  // ─── createClient ───
  const client: CasClient = await createClient({
    accessKeyId: 'id', accessKeySecret: 'secret', securityToken: 'sts',
    endpoint: 'https://cas.ap-southeast-1.aliyuncs.com', proxy: 'http://127.0.0.1:8787/', method: 'GET',
    timeoutMs: 15000, maxRetries: 4, requestsPerSecond: 10,
  });
  await createClient({ accessKeyId: 'id', accessKeySecret: 'secret' });

  // One page, as the API returns it.
  const page: ListUserCertificateOrderPage = await client.listUserCertificateOrder(
    { OrderType: 'CERT', Status: 'ISSUED', Keyword: 'example.com', CurrentPage: 1, ShowSize: 50, ResourceGroupId: 'rg-1' },
    { signal });
  const first: CertificateOrderEntry | undefined = page.CertificateOrderList[0];
  const id: number | string | undefined = first?.CertificateId;
  const total: number = page.TotalCount + page.CurrentPage + page.ShowSize;
  const requestId: string = page.RequestId;
  await client.listUserCertificateOrder({});
  void id; void total; void requestId;

  // Every page of several statuses, with progress, into an inventory.
  const inventory: Inventory = await createInventory({ nowMs: Date.now(), criticalDays: 7, warningDays: 30 });
  const query: ListAllQuery = { OrderType: 'CERT', Status: ['ISSUED', 'WILLEXPIRED', 'EXPIRED'], ShowSize: 100 };
  const entries: CertificateOrderEntry[] = await client.listAll(query, {
    signal,
    inventory,
    site: 'cn',
    onProgress: (progress: ListProgress) => {
      const done: number = progress.pagesDone + progress.pagesTotal + progress.entriesLoaded + progress.totalCount;
      if (progress.retrying) {
        const wait: string = `${progress.retrying.code} #${progress.retrying.attempt} in ${progress.retrying.delayMs} ms`;
        void wait;
      }
      void done;
    },
  });
  await client.listAll({ OrderType: 'CPACK', Status: 'ISSUED' });
  // A large account: the rows only in the inventory.
  const none: CertificateOrderEntry[] = await client.listAll(query, { inventory, returnEntries: false });
  void none;
  const status: Status = 'WILLEXPIRED';
  const orderType: OrderType = 'UPLOAD';
  void status; void orderType;

  // ─── Inventory ───
  const added: number = inventory.add(entries, { orderType: 'CERT', site: 'intl' });
  const size: number = inventory.size;
  const q: InventoryQuery = {
    search: 'example', kinds: ['certificate'], statuses: ['ISSUED'], orderTypes: ['CERT', 'UPLOAD'],
    expiryStates: ['critical', 'warning'], expiresWithinDays: 30, notAfterFromMs: 0, notAfterToMs: Date.now(),
    resourceGroupId: '', sites: ['cn'], covers: 'www.example.com', hideSuperseded: true,
    sort: { key: 'daysLeft', descending: true }, offset: 0, limit: 50,
  };
  const result = inventory.query(q);
  const counts: number = result.total + result.matched + result.counts.byExpiryState.expired
    + result.allCounts.byKind.certificate + result.counts.superseded + (result.counts.byStatus.ISSUED ?? 0);
  const row: InventoryRow | undefined = result.rows[0];
  if (row) {
    const days: number | null = row.daysLeft;
    const sans: string[] = row.sans;
    const details: CertificateOrderEntry | null = inventory.details(row.id);
    const groups: string[] = inventory.resourceGroups();
    const indexed: boolean = inventory.prepareSearch({ maxEntries: 1000 }) && inventory.prepareSearch();
    void groups; void indexed;
    void days; void sans; void details;
  }
  inventory.query();
  const timeline: TimelineBucket[] = inventory.timeline({ kinds: ['order'] });
  const bucket = timeline[0];
  if (bucket) {
    const from: number | null = bucket.fromMs;
    inventory.query({ notAfterFromMs: from ?? undefined, notAfterToMs: bucket.toMs, limit: 0 });
  }
  const csv: string = inventory.export('csv', { sort: { key: 'name' } });
  const json: string = inventory.export('json');
  const key: SortKey = 'expiryState';
  inventory.clear();
  inventory.dispose();
  void added; void size; void counts; void csv; void json; void key;

  // ─── Errors ───
  try {
    await client.listAll({ OrderType: 'BUY' });
  } catch (error) {
    if (error instanceof CasError) {
      const fields: [string, string | undefined, string, string, number, string, boolean] = [
        error.code, error.param, error.requestId, error.hostId, error.httpStatus, error.recommend, error.retryable];
      if (error.code === 'InvalidParameter' || error.code === 'Throttling.User') void fields;
      const base: Error = error;
      void base;
    } else if (error instanceof Error && error.name === 'AbortError') {
      // cancelled
    }
  }
  const made = new CasError({ code: 'Timeout', message: 'slow', retryable: true });
  const name: 'CasError' = made.name;
  void name;

  // ─── Wrong usage, refused by the types ───
  // @ts-expect-error unknown OrderType
  await client.listAll({ OrderType: 'SSL' });
  // @ts-expect-error unknown Status
  await client.listUserCertificateOrder({ OrderType: 'CERT', Status: 'VALID' });
  // @ts-expect-error one page has one Status, not a list
  await client.listUserCertificateOrder({ OrderType: 'CERT', Status: ['ISSUED'] });
  // @ts-expect-error listAll has no CurrentPage
  await client.listAll({ OrderType: 'CERT', CurrentPage: 2 });
  // @ts-expect-error lowercase field names are not the API's
  await client.listAll({ orderType: 'CERT' });
  // @ts-expect-error returnEntries is a boolean
  await client.listAll({ OrderType: 'CERT' }, { returnEntries: 'no' });
  // @ts-expect-error missing accessKeySecret
  await createClient({ accessKeyId: 'id' });
  // @ts-expect-error method is GET or POST
  await createClient({ accessKeyId: 'id', accessKeySecret: 's', method: 'PUT' });
  // @ts-expect-error wrong sort key
  inventory.query({ sort: { key: 'expiry' } });
  // @ts-expect-error unknown expiry state
  inventory.query({ expiryStates: ['soon'] });
  // @ts-expect-error add() needs the entries' orderType
  inventory.add(entries, {});
  // @ts-expect-error export formats are csv and json
  inventory.export('xml');
  // @ts-expect-error signRpcRequest needs the secret
  await signRpcRequest({ method: 'GET', params: {} });
  // @ts-expect-error parameter values are strings, numbers, bigints or booleans
  await signRpcRequest({ method: 'GET', params: { Keyword: { nested: true } }, accessKeySecret: 's' });
  // @ts-expect-error an inventory is read-only in size
  inventory.size = 3;
  // @ts-expect-error CasError takes its fields, not a message
  new CasError('message');
}
