// The app shell: loads cleanly, tabs, language, settings, DNS panel with a real DoH server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, useLocalResolver, APP, DOH } from './harness.mjs';

test('loads without console errors and switches tabs', async () => {
  const { browser, page, errors } = await open(`${APP}?lang=en`);
  try {
    assert.equal(await page.title(), 'Sceau — email authentication analyzer');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.ok(await page.isVisible('#panel-message textarea#message-input'));
    assert.ok(await page.isVisible('#message-drop'));
    for (const [tab, panel] of [['#tab-reports', '#panel-reports'], ['#tab-domain', '#panel-domain'], ['#tab-message', '#panel-message']]) {
      await page.click(tab);
      assert.equal(await page.getAttribute(tab, 'aria-selected'), 'true');
      assert.ok(await page.isVisible(panel), `${panel} visible`);
      const hidden = await page.$$eval('[role=tabpanel]:not([hidden])', (els) => els.length);
      assert.equal(hidden, 1, 'exactly one panel shown');
    }
    assert.ok(await page.isVisible('#panel-message'));
    assert.ok(await page.$eval('#reports-file', (i) => i.multiple), 'reports accept several files');
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});

test('language: switch, ?lang=fr, navigator.languages, and it is remembered', async () => {
  const { browser, page, errors } = await open(`${APP}?lang=en`);
  try {
    const en = await page.textContent('#tab-reports');
    await page.click('#lang-fr');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    const fr = await page.textContent('#tab-reports');
    assert.equal(en.trim(), 'Reports');
    assert.equal(fr.trim(), 'Rapports');
    await page.goto(APP); // no ?lang: the choice is remembered
    await page.waitForSelector('#tab-message');
    assert.equal((await page.textContent('#tab-reports')).trim(), 'Rapports');
    await page.goto(`${APP}?lang=en`);
    await page.waitForSelector('#tab-message');
    assert.equal((await page.textContent('#tab-reports')).trim(), 'Reports');
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
  const fresh = await open(APP, { locale: 'fr-FR' });
  try {
    assert.equal(await fresh.page.getAttribute('html', 'lang'), 'fr', 'navigator.languages picks French');
  } finally { await fresh.browser.close(); }
});

test('domain check through the local DoH server shows in the DNS panel, in both languages', async () => {
  const { browser, page, errors } = await open(`${APP}?lang=en`);
  try {
    await useLocalResolver(page);
    await page.click('#tab-domain');
    await page.fill('#domain-input', 'sceau.test');
    await page.click('#domain-check');
    await page.waitForSelector('#domain-result');
    const text = await page.textContent('#domain-result');
    assert.match(text, /v=spf1 ip4:192\.0\.2\.0\/24 -all/);
    assert.match(text, /v=DMARC1; p=reject/);
    await page.click('#dns-toggle');
    await page.waitForSelector('#dns-panel tr.dns-row');
    const rows = await page.$$eval('tr.dns-row', (trs) => trs.map((tr) => ({
      name: tr.querySelector('.dns-name').textContent,
      type: tr.querySelector('.dns-type').textContent,
      resolver: tr.querySelector('.dns-resolver').textContent,
      outcome: tr.querySelector('.dns-outcome').textContent,
      duration: tr.querySelector('.dns-duration').textContent,
      ad: tr.querySelector('.dns-ad').textContent,
    })));
    const spf = rows.find((r) => r.name === 'sceau.test' && r.type === 'TXT');
    assert.ok(spf, 'TXT sceau.test logged');
    assert.equal(spf.resolver, DOH);
    assert.match(spf.outcome, /^answer/);
    assert.match(spf.duration, /ms$/);
    const nx = rows.find((r) => r.name === 'default._bimi.sceau.test');
    assert.match(nx.outcome, /does not exist/);
    await shot(page, 'domain-en');
    await page.click('#lang-fr');
    assert.match(await page.textContent('#domain-result'), /Que faire ensuite|Rien à faire/);
    assert.match(await page.textContent('#dns-panel'), /Requêtes DNS/);
    await shot(page, 'domain-fr');
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});

test('resolver setting is remembered, offline mode makes no request', async () => {
  const { browser, page, errors } = await open(`${APP}?lang=en`);
  try {
    await page.click('#settings-toggle');
    await page.selectOption('#resolver-select', 'offline');
    await page.reload();
    await page.waitForSelector('#tab-message');
    await page.click('#settings-toggle');
    assert.equal(await page.inputValue('#resolver-select'), 'offline');
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.click('#tab-domain');
    await page.fill('#domain-input', 'sceau.test');
    await page.click('#domain-check');
    await page.waitForSelector('#domain-result');
    assert.match(await page.textContent('#domain-result'), /offline mode/);
    assert.deepEqual(requests, [], 'no network request in offline mode');
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});

test('screenshots of every tab in both languages and themes', async () => {
  for (const lang of ['en', 'fr']) {
    for (const colorScheme of ['light', 'dark']) {
      const { browser, page, errors } = await open(`${APP}?lang=${lang}`, { colorScheme });
      try {
        for (const tab of ['message', 'reports', 'domain']) {
          await page.click(`#tab-${tab}`);
          await shot(page, `${tab}-${lang}-${colorScheme}`);
        }
        await page.click('#settings-toggle');
        await shot(page, `settings-${lang}-${colorScheme}`);
        assert.deepEqual(errors, []);
      } finally { await browser.close(); }
    }
  }
});

test('a Content-Security-Policy allows only the app itself, and nothing violates it', async () => {
  const { browser, page, errors } = await open(`${APP}?lang=en`);
  try {
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    await page.evaluate(() => { window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective)); });
    // An inline script smuggled into the page does not run.
    await page.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.appendChild(s); });
    assert.equal(await page.evaluate(() => window.__ran), undefined);
    assert.deepEqual(await page.evaluate(() => window.__violations), ['script-src-elem']);
    // The app's own work raises no violation: every tab, the worker included.
    await page.evaluate(() => { window.__violations = []; });
    for (const tab of ['#tab-reports', '#tab-domain', '#tab-message']) await page.click(tab);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e)), []);
  } finally { await browser.close(); }
});
