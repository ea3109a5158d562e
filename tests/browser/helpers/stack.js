// What every browser test starts: the CAS emulator, the CORS proxy (allowing the page's origin
// and, as its one loopback target, the emulator), a static server for a temporary copy of web/ (plus test fixtures such as the
// embed page), and headless Debian Chromium through playwright-core with a fresh profile.
// Everything listens on 127.0.0.1 on free ports; close() stops it all.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startEmulator, DEMO_KEY } from '../../../scripts/emulator/index.js';
import { startProxy } from '../../../scripts/proxy/index.js';
import { startStatic } from '../../../scripts/static/server.js';
import { writeDemoConfig } from '../../../scripts/lib/demo-config.js';

export { DEMO_KEY };
export const WEB_ROOT = fileURLToPath(new URL('../../../web/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../../../build/screenshots/', import.meta.url));

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];

/** Headless Chromium with a fresh temporary profile; close() removes the profile. */
export async function launchBrowser({ locale = 'en-US', colorScheme = 'light', viewport = { width: 1400, height: 900 } } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'casview-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CASVIEW_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true,
    locale, colorScheme, viewport, acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * @param {{ emulator?: object, files?: Record<string, string>, proxy?: object, demo?: boolean }} options
 *   emulator: startEmulator options; files: extra files for the web root (path inside it →
 *   source path), e.g. the embed fixture; proxy: extra startProxy options; demo: serve the demo
 *   settings for this emulator and proxy, as scripts/serve does.
 */
export async function startStack({ emulator: emulatorOptions = {}, files = {}, proxy: proxyOptions = {}, demo = false } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'casview-web-'));
  await cp(WEB_ROOT, root, { recursive: true });
  for (const [target, source] of Object.entries(files)) await cp(source, join(root, target));
  // Outside the served root: like scripts/serve, the settings are not one of the site's files.
  const demoConfig = demo ? `${root}.demo.json` : undefined;
  const site = await startStatic({ root, demoConfig });
  const origin = new URL(site.url).origin;
  const emulator = await startEmulator({ rateLimit: false, ...emulatorOptions });
  const proxy = await startProxy({ origins: [origin], allowLoopback: [new URL(emulator.url).host], log: () => {}, ...proxyOptions });
  if (demoConfig) writeDemoConfig(demoConfig, { endpoint: emulator.url, proxy: proxy.url });
  const browser = await launchBrowser();
  return {
    emulator, proxy, site, browser, root, demoConfig,
    /** The page URL with endpoint and proxy preset by query parameters. */
    pageUrl(path = '', { endpoint = emulator.url, proxyUrl = proxy.url } = {}) {
      return `${site.url}${path}?endpoint=${encodeURIComponent(endpoint)}&proxy=${encodeURIComponent(proxyUrl)}`;
    },
    async close() {
      await browser.close();
      await Promise.all([site.close(), proxy.close(), emulator.close()]);
      await rm(root, { recursive: true, force: true });
      if (demoConfig) await rm(demoConfig, { force: true });
    },
  };
}
