// What to do about a failed load, per error code (CasError.code: the service's Code, the
// client's own, or the CORS proxy's Proxy* codes), and the banner that says it.
import { t, formatTime, onLanguageChange } from './i18n.js';

// Exact codes first, then prefixes: services add sub-codes (Throttling.User, Forbidden.RAM…).
const EXACT = {
  SignatureDoesNotMatch: 'wrongSecret',
  IncompleteSignature: 'wrongSecret',
  'InvalidAccessKeyId.NotFound': 'unknownKey',
  InvalidAccessKeyId: 'unknownKey',
  'InvalidAccessKeyId.Inactive': 'inactiveKey',
  NoPermission: 'permission',
  'InvalidTimeStamp.Expired': 'clock',
  NetworkError: 'proxyUnreachable',
  ProxyForbiddenHost: 'proxyHost',
  ProxyBadTarget: 'proxyHost',
  ProxyForbiddenOrigin: 'proxyOrigin',
  ProxyUpstreamError: 'upstream',
  ProxyTimeout: 'upstream',
  Timeout: 'timeout',
  MalformedResponse: 'malformed',
  InvalidParameter: 'invalidParameter',
};
const PREFIXES = [
  ['Forbidden', 'permission'], ['NoPermission', 'permission'], ['InvalidSecurityToken', 'token'],
  ['Throttling', 'throttled'], ['InvalidTimeStamp', 'clock'], ['InvalidAccessKeyId', 'unknownKey'],
];

/** The advice key (an i18n key without 'advice.') for an error. */
export function adviceFor(error) {
  const code = String(error?.code ?? '');
  if (EXACT[code]) return EXACT[code];
  for (const [prefix, advice] of PREFIXES) if (code === prefix || code.startsWith(`${prefix}.`)) return advice;
  return 'generic';
}

/** The text that a retry in progress (ListProgress.retrying) shows. */
export function retryingText(retrying) {
  return t('advice.retrying', {
    code: retrying.code, attempt: retrying.attempt, seconds: (retrying.delayMs / 1000).toFixed(1),
  });
}

/**
 * The banner: role=alert for failures, a quieter role=status note for retries in progress.
 * Everything from the error (message, code, request id) is set as text.
 */
export function createErrorBanner(doc = document) {
  const element = doc.createElement('div');
  element.className = 'banner';
  element.hidden = true;
  const retry = doc.createElement('p');
  retry.className = 'banner-retry';
  retry.setAttribute('role', 'status');
  retry.hidden = true;
  let shown = null;      // { error } or { adviceKey }, and { keptAt, keptComplete } after a reload
  let retrying = null;

  function render() {
    element.replaceChildren();
    element.hidden = !shown;
    element.classList.toggle('banner-error', Boolean(shown));
    if (shown) {
      element.setAttribute('role', 'alert');
      const title = doc.createElement('strong');
      title.textContent = t(shown.keptAt === undefined ? 'error.title' : 'error.titleReload');
      const advice = doc.createElement('p');
      advice.className = 'banner-advice';
      const error = shown.error;
      const key = shown.adviceKey ?? adviceFor(error);
      advice.textContent = t(`advice.${key}`, { param: error?.param ?? '' });
      element.append(title, advice);
      if (error) {
        const facts = doc.createElement('p');
        facts.className = 'banner-facts';
        const parts = [t('error.code', { code: error.code ?? error.name ?? '' })];
        if (error.requestId) parts.push(t('error.requestId', { requestId: error.requestId }));
        facts.textContent = parts.join(' · ');
        const message = doc.createElement('p');
        message.className = 'banner-message';
        message.textContent = error.message ?? '';
        element.append(facts, message);
      }
      if (shown.keptAt !== undefined) {
        // A reload failed: the rows shown are the earlier load's, and the user should know when that was.
        const kept = doc.createElement('p');
        kept.className = 'banner-kept';
        kept.textContent = t(shown.keptComplete ? 'error.keptEarlier' : 'error.keptEarlierPartial', { time: formatTime(shown.keptAt) });
        element.append(kept);
      }
      const dismiss = doc.createElement('button');
      dismiss.type = 'button';
      dismiss.className = 'banner-dismiss';
      dismiss.textContent = t('error.dismiss');
      dismiss.addEventListener('click', () => { shown = null; render(); });
      element.append(dismiss);
    } else {
      element.removeAttribute('role');
    }
    retry.hidden = !retrying;
    retry.textContent = retrying ? retryingText(retrying) : '';
  }
  onLanguageChange(render);

  return {
    element,
    retryElement: retry,
    /**
     * Shows an error (a CasError or any Error), or an advice key with no error. keptAt (ms) and
     * keptComplete: a reload failed, and the table still shows the load that ended then.
     */
    show(error, { keptAt, keptComplete = true } = {}) {
      shown = { ...(typeof error === 'string' ? { adviceKey: error } : { error }), keptAt, keptComplete };
      render();
    },
    clear() { shown = null; retrying = null; render(); },
    /** The retry note from ListProgress.retrying (undefined clears it). */
    setRetrying(next) { retrying = next ?? null; render(); },
  };
}
