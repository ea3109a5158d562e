// Watches a page for what must never happen: script dialogs (an alert from injected markup),
// uncaught errors, console errors (Chromium reports CSP violations there too), CSP violation
// events, and a secret in any request (URL, headers, body), console message or the page URL.
export const CSP_PROBE = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
};

/**
 * @param {{ secrets?: string[], allowFailedResources?: boolean }} options allowFailedResources:
 *   Chromium logs every HTTP error status and refused connection as a console error; tests of
 *   error handling expect those.
 */
export function watchPage(page, { secrets = [], allowFailedResources = false } = {}) {
  const problems = [];
  const requests = [];
  const consoleLines = [];
  page.on('dialog', (dialog) => { problems.push(`dialog: ${dialog.type()} ${dialog.message()}`); dialog.dismiss().catch(() => {}); });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    consoleLines.push(message.text());
    if (allowFailedResources && message.text().startsWith('Failed to load resource')) return;
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('request', (request) => {
    requests.push({ url: request.url(), method: request.method(), headers: request.headers(), body: request.postData() ?? '' });
  });
  page.on('framenavigated', (frame) => requests.push({ url: frame.url(), method: 'NAVIGATE', headers: {}, body: '' }));
  return {
    problems,
    requests,
    consoleLines,
    /** Everything seen so far, checked: no problem, and no secret anywhere it could leak. */
    async assertClean(assert) {
      const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      assert.deepEqual(violations, [], 'no CSP violation');
      assert.deepEqual(problems, [], 'no dialog, page error or console error');
      for (const secret of secrets) {
        assert.ok(!page.url().includes(secret), 'secret not in the page URL');
        for (const r of requests) {
          const text = `${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`;
          assert.ok(!text.includes(secret) && !text.includes(encodeURIComponent(secret)), `secret not in ${r.method} ${r.url}`);
        }
        assert.ok(consoleLines.every((line) => !line.includes(secret)), 'secret not in the console');
      }
    },
  };
}
