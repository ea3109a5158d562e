// createClient: listUserCertificateOrder and listAll over the WASM core (signing, paging,
// rate limit, retries, clock skew) and its Emscripten fetch transport.
import { abortError, checkSignal } from './abort.js';
import { answeredError, errorFromFields, fieldsOf, readText, requestOf, writeRequest } from './boundary.js';
import { listen, loadCore } from './core.js';
import { invalidParameter } from './errors.js';
import { integerText, onlyKnownKeys, optionalString, requiredString } from './validate.js';

const NOTICE = { page: 1, list: 2, progress: 3, error: 4, retry: 5 };
const CLIENT_OPTIONS = ['accessKeyId', 'accessKeySecret', 'securityToken', 'endpoint', 'proxy',
  'method', 'timeoutMs', 'maxRetries', 'requestsPerSecond'];
const PAGE_FIELDS = ['OrderType', 'Status', 'Keyword', 'CurrentPage', 'ShowSize', 'ResourceGroupId'];
const LIST_ALL_FIELDS = ['OrderType', 'Status', 'Keyword', 'ShowSize', 'ResourceGroupId'];

// Frees a client's WASM side when its JS object is collected.
const finalizer = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry(({ core, id }) => core._casview_client_destroy(id)) : null;

function statusList(status) {
  const statuses = Array.isArray(status) ? status : status === undefined || status === null ? [] : [status];
  for (const s of statuses) {
    if (typeof s !== 'string' || s === '' || s.includes(',')) {
      throw invalidParameter('Status', `Status must be a status name or an array of them; got ${JSON.stringify(s)}`);
    }
  }
  return statuses.join(',');
}

function pageRequest(query) {
  onlyKnownKeys('query', query, PAGE_FIELDS);
  return requestOf([
    optionalString('OrderType', query.OrderType), optionalString('Status', query.Status),
    optionalString('Keyword', query.Keyword),
    integerText('CurrentPage', query.CurrentPage, { min: 1, max: Number.MAX_SAFE_INTEGER }),
    integerText('ShowSize', query.ShowSize, { min: 1, max: 100 }),
    optionalString('ResourceGroupId', query.ResourceGroupId),
  ]);
}

class Client {
  #core;
  #id;

  constructor(core, id) {
    this.#core = core;
    this.#id = id;
    finalizer?.register(this, { core, id });
  }

  /** @see index.d.ts */
  async listUserCertificateOrder(query = {}, { signal } = {}) {
    const request = pageRequest(query);
    return this.#run(checkSignal(signal), (core) => core._casview_list_page(this.#id, writeRequest(core, request)));
  }

  /** @see index.d.ts */
  async listAll(query = {}, { signal, onProgress, inventory, site, returnEntries = true } = {}) {
    onlyKnownKeys('query', query, LIST_ALL_FIELDS);
    if (onProgress !== undefined && typeof onProgress !== 'function') {
      throw invalidParameter('onProgress', 'onProgress must be a function');
    }
    if (typeof returnEntries !== 'boolean') {
      throw invalidParameter('returnEntries', 'returnEntries must be true or false');
    }
    const inventoryId = inventory === undefined || inventory === null ? 0 : inventoryIdOf(inventory);
    const request = requestOf([
      optionalString('OrderType', query.OrderType), statusList(query.Status),
      optionalString('Keyword', query.Keyword),
      integerText('ShowSize', query.ShowSize, { min: 1, max: 100 }),
      optionalString('ResourceGroupId', query.ResourceGroupId), String(inventoryId),
      optionalString('site', site), returnEntries ? '1' : '0',
    ]);
    return this.#run(checkSignal(signal),
      (core) => core._casview_list_all(this.#id, writeRequest(core, request)), onProgress);
  }

  // Starts an operation in WASM and settles with its notifications.
  #run(signal, start, onProgress) {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const core = this.#core;
    const operation = start(core);
    if (!operation) return Promise.reject(answeredError(core));
    return new Promise((resolve, reject) => {
      let lastProgress = null;
      const onAbort = () => core._casview_cancel(this.#id, operation);
      const settle = () => {
        unlisten();
        signal?.removeEventListener('abort', onAbort);
      };
      const unlisten = listen(this.#id, operation, (kind, pointer, size) => {
        const text = readText(core, pointer, size);
        if (kind === NOTICE.progress) {
          lastProgress = JSON.parse(text);
          onProgress?.(lastProgress);
        } else if (kind === NOTICE.retry) {
          onProgress?.({ ...(lastProgress ?? { pagesDone: 0, pagesTotal: 0, entriesLoaded: 0, totalCount: 0 }),
            retrying: JSON.parse(text) });
        } else if (kind === NOTICE.error) {
          settle();
          const error = errorFromFields(fieldsOf(text));
          reject(error.code === 'Aborted' ? abortError(signal) : error);
        } else {
          settle();
          resolve(JSON.parse(text));
        }
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

let inventoryIdOf = () => {
  throw invalidParameter('inventory', 'inventory must come from createInventory()');
};

/** Lets inventory.js tell listAll which WASM inventory an Inventory object is. */
export function setInventoryResolver(resolver) {
  inventoryIdOf = resolver;
}

/** @see index.d.ts */
export async function createClient(options = {}) {
  onlyKnownKeys('options', options, CLIENT_OPTIONS);
  const method = options.method ?? 'POST';
  if (method !== 'GET' && method !== 'POST') {
    throw invalidParameter('method', `method must be "GET" or "POST", got ${JSON.stringify(method)}`);
  }
  const request = requestOf([
    requiredString('accessKeyId', options.accessKeyId),
    requiredString('accessKeySecret', options.accessKeySecret),
    optionalString('securityToken', options.securityToken),
    optionalString('endpoint', options.endpoint) || 'https://cas.aliyuncs.com',
    optionalString('proxy', options.proxy),
    method,
    integerText('timeoutMs', options.timeoutMs, { min: 1, max: 600000, fallback: 15000 }),
    integerText('maxRetries', options.maxRetries, { min: 0, max: 10, fallback: 4 }),
    integerText('requestsPerSecond', options.requestsPerSecond, { min: 1, max: 1000, fallback: 10 }),
  ]);
  const core = await loadCore();
  const id = core._casview_client_create(writeRequest(core, request));
  if (!id) throw answeredError(core);
  return new Client(core, id);
}
