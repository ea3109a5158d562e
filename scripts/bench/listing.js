// Figure: listing 5,000 certificates (ShowSize 50: 100 pages) from the CAS emulator answering
// after 200 ms, with its 10 requests/second per-AccessKey limit on (docs/performance.md):
//  - casview: client.listAll in headless Chromium, through the project's CORS proxy (the
//    stack the browser tests use; Emscripten fetch is XMLHttpRequest, so a browser it is);
//  - peer: the official SDK (@alicloud/cas20200407, signatureAlgorithm 'v2', i.e. RPC 1.0) in
//    Node, page after page, as its documentation's loop does.
// Both run in the same process against the same emulator, one after the other (a pause between
// them empties the emulator's sliding window). The figure is the achieved rate as a fraction of
// the 10 requests/second limit (100 pages / 10 per second = 10 s is the floor on wall time);
// the budget also wants zero Throttling answers, counted from the emulator's log.
import { createRequire } from 'node:module';

import { DEMO_KEY, generateAccount } from '../emulator/index.js';
import { startStack } from '../../tests/browser/helpers/stack.js';
import { summarize } from './stats.js';

const require = createRequire(import.meta.url);
const CasSdk = require('@alicloud/cas20200407').default;
const { ListUserCertificateOrderRequest } = require('@alicloud/cas20200407');
const { Config } = require('@alicloud/openapi-client');

const LIMIT = 10;  // requests per second per AccessKey (the service's documented limit)
const DAY = 86_400_000;
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** `count` certificates, all valid for a year (a listing without Status returns valid ones). */
function validCertificates(count) {
  const now = Date.now();
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  const { certificates } = generateAccount({ seed: 'bench-listing', certs: count, orders: 0, now });
  return certificates.map((c) => ({ ...c, StartDate: day(now - 30 * DAY), EndDate: day(now + 365 * DAY) }));
}

// In the page: one client, one listAll; the time from the call to its rows.
async function casviewListing(page, options) {
  return page.evaluate(async ({ clientOptions, query }) => {
    const api = await import('/casview/index.js');
    const client = await api.createClient(clientOptions);
    const start = performance.now();
    const entries = await client.listAll(query);
    return { ms: performance.now() - start, rows: entries.length };
  }, options);
}

async function sdkListing(emulator, showSize) {
  const sdk = new CasSdk(new Config({
    accessKeyId: DEMO_KEY.accessKeyId, accessKeySecret: DEMO_KEY.accessKeySecret,
    endpoint: new URL(emulator.url).host, protocol: 'http', signatureAlgorithm: 'v2',
  }));
  const start = performance.now();
  let rows = 0;
  for (let currentPage = 1; ; currentPage++) {
    const { body } = await sdk.listUserCertificateOrder(new ListUserCertificateOrderRequest({
      orderType: 'CERT', showSize, currentPage,
    }));
    rows += body.certificateOrderList.length;
    if (rows >= body.totalCount || body.certificateOrderList.length === 0) break;
  }
  return { ms: performance.now() - start, rows };
}

const throttled = (log, from) => log.slice(from).filter((e) => /^Throttling/.test(e.code ?? '')).length;

// The emulator (valid certificates, the service's limit on) behind the proxy, and a page of the
// site to run the client in.
async function listingStack(certs, latencyMs) {
  const stack = await startStack({
    emulator: { account: { certificates: validCertificates(certs), orders: [] }, latencyMs,
      rateLimit: { limit: LIMIT, windowMs: 1000 } },
  });
  const page = await stack.browser.context.newPage();
  await page.goto(`${stack.site.url}casview/index.d.ts`);  // any same-origin document
  const clientOptions = { ...DEMO_KEY, endpoint: stack.emulator.url, proxy: stack.proxy.url };
  return { stack, page, clientOptions };
}

export async function benchListing({ smoke }) {
  const certs = smoke ? 150 : 5000;
  const showSize = 50;
  const latencyMs = smoke ? 20 : 200;
  const repetitions = smoke ? 1 : 3;
  const { stack, page, clientOptions } = await listingStack(certs, latencyMs);
  try {
    const query = { OrderType: 'CERT', ShowSize: showSize };
    const ours = [];
    const peer = [];
    let throttles = 0;
    let requests = 0;
    for (let r = 0; r < repetitions; r++) {
      await sleep(1500);  // an empty sliding window for each run
      let from = stack.emulator.log.length;
      const run = await casviewListing(page, { clientOptions, query });
      if (run.rows !== certs) throw new Error(`listing bench: casview listed ${run.rows} of ${certs}`);
      const sent = stack.emulator.log.length - from;
      throttles += throttled(stack.emulator.log, from);
      requests += sent;
      ours.push({ ...run, sent });

      await sleep(1500);
      from = stack.emulator.log.length;
      const sdk = await sdkListing(stack.emulator, showSize);
      if (sdk.rows !== certs) throw new Error(`listing bench: the SDK listed ${sdk.rows} of ${certs}`);
      peer.push({ ...sdk, sent: stack.emulator.log.length - from });
    }
    const pages = Math.ceil(certs / showSize);
    // Achieved pages per second as a fraction of the limit: 1.0 = exactly 10 pages every second.
    const rate = (run) => pages / (run.ms / 1000) / LIMIT;
    const s = summarize(ours.map(rate));
    const p = summarize(peer.map(rate));
    const wall = summarize(ours.map((run) => run.ms / 1000));
    const sdkWall = summarize(peer.map((run) => run.ms / 1000));
    return {
      figure: `list ${certs.toLocaleString('en')} certificates (${pages} pages, ${latencyMs} ms latency, ${LIMIT} req/s limit)`,
      unit: `× ${LIMIT} req/s`, ...s, peer: '@alicloud/cas20200407 sequential loop', peerMedian: p.median,
      ratio: s.median / p.median, throttled: throttles, requests,
      budget: '≥ 0.95× limit, 0 throttled', pass: s.median >= 0.95 && throttles === 0,
      detail: `casview ${wall.median.toFixed(2)} s (min ${wall.min.toFixed(2)}, max ${wall.max.toFixed(2)}) for ${pages} pages, ` +
        `floor ${(pages / LIMIT).toFixed(1)} s; ${requests} requests over ${repetitions} run(s), ${throttles} throttled; ` +
        `SDK ${sdkWall.median.toFixed(2)} s; casview ${(sdkWall.median / wall.median).toFixed(2)}× faster than the SDK`,
    };
  } finally {
    await stack.close();
  }
}

// Figure: the rate of one listing, 42 pages (2,100 valid certificates, ShowSize 50), from the
// emulator answering after 20, 200 or 500 ms with its 10 requests/second limit on: one
// client.listAll in Chromium through the proxy, as above. The rate is (n − 1) ÷ (last − first
// arrival) over the n requests the emulator logged for the listing (retries included), so the
// client's start-up and the last answer's latency are not in it; the budget wants ≥ 9.5 req/s
// and no Throttling answer. Peer: the official SDK's sequential loop, timed the same way, once
// per latency (it has no client-side limit, so when its pages come faster than the limit it is
// throttled and its listing fails: the row says so).
const SINGLE_PAGES = 42;
const SINGLE_TARGET = 9.5;  // requests per second

/** Requests per second between the first and the last arrival of the given log entries. */
function arrivalRate(entries) {
  if (entries.length < 2) return undefined;
  return (entries.length - 1) / ((entries[entries.length - 1].time - entries[0].time) / 1000);
}

async function sdkSingleListing(emulator, showSize) {
  const from = emulator.log.length;
  try {
    const run = await sdkListing(emulator, showSize);
    return { ...run, entries: emulator.log.slice(from) };
  } catch (err) {
    return { error: err, entries: emulator.log.slice(from) };
  }
}

function singleListingFigure(latencyMs) {
  const name = `benchSingleListing${latencyMs}ms`;
  const figure = async ({ smoke }) => {
    const pages = smoke ? 3 : SINGLE_PAGES;
    const windowPause = smoke ? 1100 : 1500;  // an empty sliding window for each run
    const showSize = 50;
    const certs = pages * showSize;
    const repetitions = smoke ? 1 : 3;
    const { stack, page, clientOptions } = await listingStack(certs, latencyMs);
    try {
      const { log } = stack.emulator;
      const runs = [];
      for (let r = 0; r < repetitions; r++) {
        if (r > 0) await sleep(windowPause);
        const from = log.length;
        const run = await casviewListing(page, { clientOptions, query: { OrderType: 'CERT', ShowSize: showSize } });
        if (run.rows !== certs) throw new Error(`single listing bench: casview listed ${run.rows} of ${certs}`);
        const entries = log.slice(from);
        runs.push({ rate: arrivalRate(entries), sent: entries.length, throttled: throttled(entries, 0),
          pages: new Set(entries.map((e) => e.params.CurrentPage ?? '1')).size });
      }
      await sleep(windowPause);
      const sdk = await sdkSingleListing(stack.emulator, showSize);
      const sdkThrottled = throttled(sdk.entries, 0);
      const sdkDone = !sdk.error && sdk.rows === certs;
      const s = summarize(runs.map((run) => run.rate));
      const throttles = runs.reduce((n, run) => n + run.throttled, 0);
      const peerMedian = sdkDone ? arrivalRate(sdk.entries) : undefined;
      const peerNote = sdkDone
        ? `SDK ${peerMedian.toFixed(2)} req/s over ${sdk.entries.length} requests (one run), ${sdkThrottled} throttled`
        : `SDK: no comparable figure, its loop failed after ${sdk.entries.length} requests ` +
          `(${sdkThrottled} throttled: it has no client-side limit): ${sdk.error?.code ?? sdk.error?.message ?? 'incomplete listing'}`;
      return {
        figure: `one listAll of ${pages} pages (${certs.toLocaleString('en')} certificates, ${latencyMs} ms latency, ${LIMIT} req/s limit)`,
        unit: 'req/s', ...s, peer: '@alicloud/cas20200407 sequential loop', peerMedian,
        ratio: peerMedian === undefined ? undefined : s.median / peerMedian, throttled: throttles,
        requests: runs.reduce((n, run) => n + run.sent, 0),
        budget: `≥ ${SINGLE_TARGET} req/s, 0 throttled`, pass: s.median >= SINGLE_TARGET && throttles === 0,
        detail: `(n − 1) ÷ (last − first arrival at the emulator), ${runs.length} run(s): ` +
          `${runs.map((run) => `${run.rate.toFixed(2)} req/s over ${run.sent} requests for ${run.pages} pages`).join(', ')}; ` +
          `${throttles} throttled; ${peerNote}`,
      };
    } finally {
      await stack.close();
    }
  };
  Object.defineProperty(figure, 'name', { value: name });
  return figure;
}

/** Every figure of this file, in table order (scripts/bench/main.js spreads it in). */
export const listingFigures = [benchListing, ...[20, 200, 500].map(singleListingFigure)];
