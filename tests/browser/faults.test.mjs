// DNS faults in the browser: the resolver set to the fault server (scripts/doh-faults.py,
// started by scripts/doh-server.sh on 127.0.0.1:8054, SCEAU_DOH_FAULTS to override).
// The Domain tab must list the failed lookups as temporary ("try again"), with the
// cause, in both languages — never as missing records in the SPF/DMARC rows' place —
// and the console may only hold the network errors the browser logs for those requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, useLocalResolver, APP } from './harness.mjs';

const FAULTS = (process.env.SCEAU_DOH_FAULTS || 'http://127.0.0.1:8054').replace(/\/$/, '');

/** fault path, domain, expected cause (en, fr), console errors the browser may log. */
const CASES = [
  { fault: '500', domain: 'sceau.test', en: /answered HTTP 500/, fr: /a répondu HTTP 500/, console: /status of 500/ },
  { fault: 'type', domain: 'sceau.test', en: /sent “text\/html; charset=utf-8” instead of a DNS message/, fr: /a envoyé «\u00a0text\/html; charset=utf-8\u00a0» au lieu d’un message DNS/ },
  { fault: 'trunc', domain: 'sceau.test', en: /could not be read/, fr: /la réponse est illisible/ },
  { fault: 'garbage', domain: 'sceau.test', en: /could not be read/, fr: /la réponse est illisible/ },
  { fault: 'nocors', domain: 'sceau.test', en: /could not be reached: network down, or the browser blocked it \(CORS\)/, fr: /le résolveur est injoignable/, console: /blocked by CORS policy|net::ERR_FAILED/ },
  { fault: '', domain: 'servfail.sceau.test', en: /the resolver failed \(SERVFAIL\)/, fr: /le résolveur a échoué \(SERVFAIL\)/ },
  { fault: '', domain: 'timeout.sceau.test', en: /no answer within 5 s/, fr: /pas de réponse en 5 s/, console: /net::ERR_ABORTED|signal is aborted/ },
];

for (const lang of ['en', 'fr']) {
  for (const c of CASES) {
    const url = `${FAULTS}/${c.fault ? `${c.fault}/` : ''}dns-query`;
    test(`${c.fault || c.domain}: failed lookups are temporary (${lang})`, async () => {
      const { browser, page, errors } = await open(`${APP}?lang=${lang}`);
      try {
        await useLocalResolver(page, url);
        await page.click('#tab-domain');
        await page.fill('#domain-input', c.domain);
        await page.click('#domain-check');
        await page.waitForFunction((d) => document.querySelector('#domain-result h2')?.textContent.includes(d), c.domain, { timeout: 30000 });
        const alert = page.locator('#domain-result [role=alert]');
        assert.equal(await alert.count(), 1, 'the failed lookups are announced');
        const text = await alert.textContent();
        assert.match(text, lang === 'fr' ? /Ces requêtes ont échoué.*réessayez/ : /These lookups failed.*try again/);
        const items = await alert.locator('li').allTextContents();
        for (const name of [c.domain, `_dmarc.${c.domain}`]) {
          const item = items.find((i) => i.startsWith(`${name}: `));
          assert.ok(item, `${name} in ${items.join(' | ')}`);
          assert.match(item, c[lang], item);
        }
        // Every failed lookup has the same cause.
        for (const i of items) assert.match(i, c[lang], `${i} (of ${items.length})`);
        // SPF says its check is incomplete, not that there is no record.
        const codes = await page.$$eval('#domain-findings li.finding', (lis) => lis.map((li) => li.dataset.code));
        assert.ok(codes.includes('spf_dns_error'), codes.join(' '));
        assert.ok(!codes.includes('spf_none') && !codes.includes('no_spf'), codes.join(' '));
        await shot(page, `faults-${c.fault || c.domain}-${lang}`);
        // Only the browser's own network messages about the fault server's requests.
        const unexpected = errors.filter((e) => !(c.console && c.console.test(e)));
        assert.deepEqual(unexpected, []);
      } finally { await browser.close(); }
    });
  }
}
