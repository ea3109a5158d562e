// <cas-cert-table>: the page's table and filters for portals, as a custom element.
//
//   <cas-cert-table endpoint="https://cas.aliyuncs.com" proxy="https://proxy.example/"></cas-cert-table>
//   <script type="module">
//     import './casview/components/cas-cert-table.js';
//     const table = document.querySelector('cas-cert-table');
//     table.accessKeyId = id; table.accessKeySecret = secret; table.securityToken = token;
//     table.addEventListener('select', (e) => console.log(e.detail.row));
//     await table.load();
//   </script>
//
// Attributes: endpoint, proxy, both-sites (boolean: China + International merged, with a site
// column). Credentials are JS properties only: never attributes, never reflected, and the
// secret and token are write-only (reading them gives undefined), so nothing else on the
// portal page can read them back from the element. Events (not bubbling): load {total},
// error {error}, select {row}. It reuses the page's modules (web/app/) in a shadow root.
import * as casview from '../casview/index.js';
import { createInventoryView } from '../app/inventory-view.js';
import { sitesToLoad, ENDPOINTS } from '../app/loader.js';
import { pickLanguage, setLanguage } from '../app/i18n.js';

const STYLES = new URL('../app/styles.css', import.meta.url).href;

export class CasCertTable extends HTMLElement {
  static observedAttributes = ['endpoint', 'proxy', 'both-sites'];

  #accessKeyId = '';
  #accessKeySecret = '';
  #securityToken = '';
  #view;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLES;
    this.#view = createInventoryView(document, {
      api: casview,
      onSelect: (row) => this.dispatchEvent(new CustomEvent('select', { detail: { row } })),
    });
    root.append(link, this.#view.element);
  }

  connectedCallback() {
    // The host page's language if it set one (<html lang>), else the browser's.
    const lang = this.closest('[lang]')?.getAttribute('lang');
    setLanguage(pickLanguage(lang ? [lang] : (navigator.languages ?? [navigator.language])));
  }

  disconnectedCallback() {
    this.#view.cancel();
  }

  get accessKeyId() { return this.#accessKeyId; }
  set accessKeyId(value) { this.#accessKeyId = String(value ?? ''); }
  /** Write-only: reading gives undefined. */
  get accessKeySecret() { return undefined; }
  set accessKeySecret(value) { this.#accessKeySecret = String(value ?? ''); }
  /** Write-only: reading gives undefined. */
  get securityToken() { return undefined; }
  set securityToken(value) { this.#securityToken = String(value ?? ''); }

  get endpoint() { return this.getAttribute('endpoint') ?? ENDPOINTS.cn; }
  set endpoint(value) { this.setAttribute('endpoint', value); }
  get proxy() { return this.getAttribute('proxy') ?? ''; }
  set proxy(value) { this.setAttribute('proxy', value); }

  /**
   * The Inventory shown, once loaded (for portals that want more than the table). A reload
   * replaces it with a new one when that has every row, and disposes the earlier one: read it
   * after each 'load' rather than keeping it.
   */
  get inventory() { return this.#view.inventory; }

  /**
   * Loads everything; resolves with { total }, or { cancelled: true }. Failures also emit
   * 'error'. A failed or cancelled reload keeps the rows shown before it.
   */
  async load() {
    try {
      const result = await this.#view.load({
        credentials: { accessKeyId: this.#accessKeyId, accessKeySecret: this.#accessKeySecret, securityToken: this.#securityToken },
        sites: sitesToLoad({ endpoint: this.endpoint, bothSites: this.hasAttribute('both-sites') }),
        proxy: this.proxy,
      });
      if (result?.cancelled) return result;
      const detail = { total: this.#view.inventory.size };
      this.dispatchEvent(new CustomEvent('load', { detail }));
      return detail;
    } catch (error) {
      this.dispatchEvent(new CustomEvent('error', { detail: { error } }));
      throw error;
    }
  }

  /** Stops a load in progress; what arrived stays shown (or, for a reload, what was shown). */
  cancel() { this.#view.cancel(); }

  /** Empties the table, as its Clear table button does. */
  clear() { this.#view.clear(); }
}

if (!customElements.get('cas-cert-table')) customElements.define('cas-cert-table', CasCertTable);
