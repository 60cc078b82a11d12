// The Domain tab against the local DoH server: a healthy domain and a broken one, in
// English and in French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDomain, open, shot, useLocalResolver, APP } from './harness.mjs';

async function check(page, domain, selectors = '') {
  await checkDomain(page, domain, selectors);
  return page.$$eval('#domain-findings li.finding', (lis) => lis.map((li) => li.dataset.code));
}

for (const lang of ['en', 'fr']) {
  test(`healthy and broken domains (${lang})`, async () => {
    const { browser, page, errors } = await open(`${APP}?lang=${lang}`);
    try {
      await useLocalResolver(page);
      const healthy = await check(page, 'sceau.test', 'mail2026, nokey');
      assert.ok(!healthy.includes('spf_pass_all'));
      assert.match(await page.textContent('#domain-result'), /v=DMARC1; p=reject/);
      // Selectors typed by the user: one found (Ed25519), one reported missing.
      const keys = await page.$$eval('#domain-result ul.keys li', (lis) => lis.map((li) => li.textContent));
      assert.ok(keys.some((k) => k.startsWith('mail2026._domainkey') && /256/.test(k)), keys.join(' | '));
      assert.ok(keys.some((k) => k.startsWith('nokey._domainkey') && (lang === 'fr' ? /introuvable/ : /not found/).test(k)), keys.join(' | '));
      // Both discovery methods are shown.
      const discovery = await page.textContent('#domain-discovery');
      assert.match(discovery, lang === 'fr' ? /Parcours DNS RFC 9989/ : /RFC 9989 tree walk/);
      assert.match(discovery, /_dmarc\.sceau\.test/);
      assert.match(discovery, /RFC 7489/);
      await shot(page, `domain-healthy-${lang}`);

      const broken = await check(page, 'broken.sceau.test');
      for (const code of ['spf_several_records', 'spf_pass_all', 'null_mx_mixed']) {
        assert.ok(broken.includes(code), `${code} in ${broken}`);
      }
      const text = await page.textContent('#domain-result');
      if (lang === 'fr') {
        assert.match(text, /Que faire ensuite/);
        assert.match(text, /n’importe qui sur Internet/);
      } else {
        assert.match(text, /What to do next/);
        assert.match(text, /anyone on the Internet/);
      }
      // The plan gives records ready to copy.
      const records = await page.$$eval('#domain-steps code', (cs) => cs.map((c) => c.textContent));
      assert.ok(records.some((r) => r.startsWith('v=DMARC1;')), records.join(' | '));
      await shot(page, `domain-broken-${lang}`);
      assert.deepEqual(errors, []);
    } finally { await browser.close(); }
  });
}

test('an invalid domain gets a clear message, no lookup', async () => {
  const { browser, page, errors } = await open(`${APP}?lang=fr`);
  try {
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.click('#tab-domain');
    await page.fill('#domain-input', 'not a domain');
    await page.click('#domain-check');
    assert.match(await page.textContent('[role=alert]'), /pas un nom de domaine valide/);
    assert.deepEqual(requests, []);
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});

test('record builder produces valid records and explains them, in both languages', async () => {
  const { browser, page, errors } = await open(`${APP}?lang=en`);
  try {
    await page.click('#tab-domain');
    await page.click('#builder summary');
    assert.equal(await page.textContent('#builder-spf'), 'v=spf1 mx ~all');
    await page.fill('#builder-ip4', '192.0.2.0/24');
    await page.fill('#builder-includes', '_spf.example.net');
    await page.selectOption('#builder-all', '-');
    assert.equal(await page.textContent('#builder-spf'), 'v=spf1 mx ip4:192.0.2.0/24 include:_spf.example.net -all');
    await page.selectOption('#builder-p', 'quarantine');
    await page.fill('#builder-pct', '25');
    await page.fill('#builder-rua', 'dmarc@example.com');
    await page.locator('#builder-rua').blur();
    assert.equal(await page.textContent('#builder-dmarc'), 'v=DMARC1; p=quarantine; pct=25; rua=mailto:dmarc@example.com');
    assert.match(await page.textContent('#builder'), /every other server fails SPF/);
    await page.fill('#builder-ip4', '192.0.2.0/40');
    await page.locator('#builder-ip4').blur();
    assert.match(await page.textContent('#builder [role=alert]'), /not a valid address/);
    await page.click('#lang-fr');
    assert.match(await page.textContent('#builder [role=alert]'), /n’est pas une adresse/);
    await shot(page, 'builder-fr');
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});
