// The page: language, connection panel, and the inventory view with its state in the URL hash.
// It talks to casview only through the public module (docs/architecture.md: the page uses the public API).
import * as casview from '../casview/index.js';
import { LANGUAGES, language, pickLanguage, setLanguage, translateTree, onLanguageChange, t } from './i18n.js';
import { parseHash, formatHash } from './url-state.js';
import { bindConnectionPanel } from './connection-panel.js';
import { createInventoryView } from './inventory-view.js';
import { wantsDemo, fetchDemoConfig } from './demo.js';

const LANGUAGE_KEY = 'casview.language';  // a preference, not a secret: localStorage is fine

function storedLanguage() {
  try { return localStorage.getItem(LANGUAGE_KEY); } catch { return null; }
}

setLanguage(storedLanguage() ?? pickLanguage(navigator.languages ?? [navigator.language]));

const languageSelect = document.getElementById('language');
for (const [code, name] of LANGUAGES) {
  const option = document.createElement('option');
  option.value = code;
  option.lang = code;
  option.textContent = name;
  languageSelect.append(option);
}
languageSelect.value = language();
languageSelect.addEventListener('change', () => {
  setLanguage(languageSelect.value);
  try { localStorage.setItem(LANGUAGE_KEY, language()); } catch { /* storage may be off */ }
});

function applyLanguage() {
  document.documentElement.lang = language();
  document.title = t('app.title');
  translateTree(document.querySelector('header'));
  translateTree(document.getElementById('connection'));
  const demoNotice = document.getElementById('demo-notice');
  demoNotice.textContent = t(demoNotice.dataset.i18n);
}
onLanguageChange(applyLanguage);
applyLanguage();

// Filter and sort live in the hash; replaceState keeps typing out of the history.
const view = createInventoryView(document, {
  api: casview,
  state: parseHash(location.hash),
  onStateChange: (state) => history.replaceState(history.state, '', formatHash(state) || `${location.pathname}${location.search}`),
});
document.getElementById('view').append(view.element);
window.addEventListener('hashchange', () => view.setState(parseHash(location.hash)));

const panel = bindConnectionPanel(document.getElementById('connection'), {
  search: location.search,
  storage: sessionStorage,
  onInvalid: (adviceKey) => view.banner.show(adviceKey),
  onLoad: async (request) => {
    panel.loadButton.disabled = true;
    try {
      await view.load(request);
    } catch {
      // The banner shows the error; nothing else to do here (and nothing to log: no secrets).
    } finally {
      panel.loadButton.disabled = false;
    }
  },
});

// The local demo (?demo, as scripts/serve prints it): its settings come from the page's own
// server, the notice says the data is made up, and the table loads with no typing.
if (wantsDemo(location.search)) {
  const demo = await fetchDemoConfig(location.href);
  if (!demo) view.banner.show('demoMissing');
  else {
    document.getElementById('demo-notice').hidden = false;
    if (panel.applyDemo(demo)) panel.submit();
  }
}
