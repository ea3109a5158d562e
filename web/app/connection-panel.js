// The connection form of the page. Credentials stay in this module's form fields (memory) and
// go only to createClient; the secret reaches sessionStorage only while "Remember for this
// tab" is ticked, and never the URL or the console (docs/security.md). Endpoint and Proxy can be
// preset by the query string (?endpoint=…&proxy=…), or filled in by the local demo.
import { readPresets } from './url-state.js';
import { sitesToLoad } from './loader.js';

export const STORAGE_KEY = 'casview.credentials';

/** Reads remembered credentials from a Storage, or null (missing or unreadable). */
export function readRemembered(storage) {
  try {
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
    return saved && typeof saved.accessKeyId === 'string' && typeof saved.accessKeySecret === 'string' ? saved : null;
  } catch {
    return null;
  }
}

/**
 * @param {HTMLFormElement} form the #connection form of index.html
 * @param {{ search: string, storage: Storage, onLoad(request): void }} options
 *   onLoad receives { credentials, sites, proxy }.
 */
export function bindConnectionPanel(form, { search, storage, onLoad, onInvalid }) {
  const field = (id) => form.querySelector(`#${id}`);
  const id = field('access-key-id');
  const secret = field('access-key-secret');
  const token = field('security-token');
  const endpoint = field('endpoint');
  const proxy = field('proxy');
  const bothSites = field('both-sites');
  const remember = field('remember');

  const presets = readPresets(search);
  if (presets.endpoint !== undefined) endpoint.value = presets.endpoint;
  if (presets.proxy !== undefined) proxy.value = presets.proxy;
  const saved = readRemembered(storage);
  if (saved) {
    id.value = saved.accessKeyId;
    secret.value = saved.accessKeySecret;
    token.value = saved.securityToken ?? '';
    remember.checked = true;
  }

  const credentials = () => ({
    accessKeyId: id.value.trim(), accessKeySecret: secret.value.trim(), securityToken: token.value.trim(),
  });
  function persist() {
    if (remember.checked) storage.setItem(STORAGE_KEY, JSON.stringify(credentials()));
    else storage.removeItem(STORAGE_KEY);
  }
  remember.addEventListener('change', persist);
  for (const input of [id, secret, token]) input.addEventListener('change', () => { if (remember.checked) persist(); });
  // Only one site at a time can be typed; "both sites" stands for the two CAS endpoints.
  bothSites.addEventListener('change', () => { endpoint.disabled = bothSites.checked; });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const creds = credentials();
    if (!creds.accessKeyId || !creds.accessKeySecret) {
      onInvalid('missingKey');
      (creds.accessKeyId ? secret : id).focus();
      return;
    }
    persist();
    onLoad({
      credentials: creds,
      sites: sitesToLoad({ endpoint: endpoint.value.trim().replace(/\/+$/, ''), bothSites: bothSites.checked }),
      proxy: proxy.value.trim(),
    });
  });

  return {
    loadButton: field('load'),
    /**
     * Fills in the local demo's settings (demo.js): endpoint and proxy unless the query string
     * set them, the demo AccessKey unless this tab remembers credentials (never persisted here).
     * Returns whether the key was filled, i.e. whether loading now uses the demo account.
     */
    applyDemo(demo) {
      if (presets.endpoint === undefined) endpoint.value = demo.endpoint;
      if (presets.proxy === undefined) proxy.value = demo.proxy;
      if (saved) return false;
      id.value = demo.accessKeyId;
      secret.value = demo.accessKeySecret;
      token.value = '';
      return true;
    },
    /** Loads as if Load were pressed. */
    submit() { form.requestSubmit(); },
  };
}
