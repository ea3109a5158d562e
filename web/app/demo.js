// The local demo (scripts/serve prints the page's URL with ?demo): the page fetches the demo's
// connection settings (emulator endpoint, proxy, the emulator's published demo AccessKey) from
// its own server and loads them. Only a page opened with ?demo asks, so a deployment, which has
// no such file, sees no extra request; and no key, even a fake one, is ever put in a URL.

export const DEMO_CONFIG_URL = 'casview-demo.json';  // relative to the page, as its server serves it

/** Whether the query string asks for the demo (?demo, with or without a value). */
export function wantsDemo(search) {
  return new URLSearchParams(String(search ?? '').replace(/^\?/, '')).has('demo');
}

const isHttpUrl = (value) => {
  try { return ['http:', 'https:'].includes(new URL(value).protocol); } catch { return false; }
};
const isText = (value) => typeof value === 'string' && value.trim() !== '';

/** The settings of a parsed demo config, or null if its shape is wrong. */
export function parseDemoConfig(value) {
  if (!value || typeof value !== 'object') return null;
  const { endpoint, proxy, accessKeyId, accessKeySecret } = value;
  if (!isHttpUrl(endpoint) || !isHttpUrl(proxy) || !isText(accessKeyId) || !isText(accessKeySecret)) return null;
  return { endpoint, proxy, accessKeyId, accessKeySecret };
}

/**
 * Fetches the demo settings next to the page at baseUrl; null if there are none (not served by
 * scripts/serve) or they are malformed.
 */
export async function fetchDemoConfig(baseUrl, fetchImpl = fetch) {
  try {
    const response = await fetchImpl(new URL(DEMO_CONFIG_URL, baseUrl), { cache: 'no-store', credentials: 'same-origin' });
    return response.ok ? parseDemoConfig(await response.json()) : null;
  } catch {
    return null;
  }
}
