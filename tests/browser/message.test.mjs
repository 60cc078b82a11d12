// The Message tab against the local DoH server: a message that passes SPF, DKIM and
// DMARC, and a forgery that fails DMARC under p=reject, each read in both languages;
// refusals of what is not a message; findings highlighting their header fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseMessage, open, shot, useLocalResolver, APP } from './harness.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const read = (name) => readFileSync(join(FIXTURES, name), 'utf8');

async function analyse(page, text) {
  await analyseMessage(page, text);
  return page.$$eval('#message-comparison tr.compare-row', (rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.method, r.querySelector('.rechecked').textContent.replace(/[✓✗!] /, '')])));
}

for (const lang of ['en', 'fr']) {
  test(`a message passing SPF, DKIM and DMARC (${lang})`, async () => {
    const { browser, page, errors } = await open(`${APP}?lang=${lang}`);
    try {
      await useLocalResolver(page);
      const got = await analyse(page, read('pass.eml'));
      assert.deepEqual({ spf: got.spf, dkim: got.dkim, dmarc: got.dmarc }, { spf: 'pass', dkim: 'pass', dmarc: 'pass' });
      // Claims and re-checks agree on all three.
      const agree = await page.$$eval('#message-comparison tr.compare-row', (rows) =>
        rows.filter((r) => ['spf', 'dkim', 'dmarc'].includes(r.dataset.method)).map((r) => r.dataset.agree));
      assert.deepEqual(agree, ['true', 'true', 'true']);
      // The route: three hops, the chart, the connecting server marked.
      assert.equal(await page.locator('#message-hops tr.hop').count(), 3);
      assert.equal(await page.locator('#message-timeline .hop-bar').count(), 3);
      assert.match(await page.textContent('#message-hops tr.hop.entry'), /192\.0\.2\.25/);
      // One DKIM card, Ed25519, passing.
      assert.equal(await page.getAttribute('#message-dkim .dkim-card', 'data-result'), 'pass');
      assert.match(await page.textContent('#message-dkim .dkim-card'), /ed25519-sha256/);
      const story = await page.textContent('#message-story');
      const verdict = await page.textContent('#message-verdict');
      if (lang === 'fr') {
        assert.match(story, /Ce qui s’est passé/);
        assert.match(story, /DMARC réussit/);
        assert.match(verdict, /Qui peut envoyer \(SPF\)/);
        assert.match(await page.textContent('#message-summary'), /Compte rendu de réunion/);
      } else {
        assert.match(story, /DMARC passes/);
        assert.match(verdict, /192\.0\.2\.25 is authorised to send for sceau\.test/);
      }
      await shot(page, `message-pass-${lang}`);
      assert.deepEqual(errors, []);
    } finally { await browser.close(); }
  });

  test(`a forgery failing DMARC with p=reject (${lang})`, async () => {
    const { browser, page, errors } = await open(`${APP}?lang=${lang}`);
    try {
      await useLocalResolver(page);
      const got = await analyse(page, read('reject.eml'));
      assert.equal(got.spf, 'fail');
      assert.equal(got.dkim, 'none');
      assert.equal(got.dmarc, 'fail');
      const verdict = await page.textContent('#message-verdict');
      assert.match(verdict, lang === 'fr' ? /refusé/ : /rejected/);
      assert.match(verdict, /p=reject/);
      // The Reply-To finding points at its header field.
      const finding = page.locator('#message-findings li[data-code="reply_to_other_domain"] button');
      await finding.click();
      assert.match(await page.textContent('#message-raw .field.highlight'), /^Reply-To: ceo\.private@example\.net/);
      assert.match(await page.textContent('#message-findings'), lang === 'fr' ? /Les réponses partent vers example\.net/ : /Replies go to example\.net/);
      await shot(page, `message-reject-${lang}`);
      // Switching language re-renders the analysis in the other language.
      await page.click(lang === 'fr' ? '#lang-en' : '#lang-fr');
      assert.match(await page.textContent('#message-story'), lang === 'fr' ? /What happened/ : /Ce qui s’est passé/);
      assert.deepEqual(errors, []);
    } finally { await browser.close(); }
  });
}

for (const lang of ['en', 'fr']) {
  test(`a tampered body fails DKIM with the body-hash cause (${lang})`, async () => {
    const { browser, page, errors } = await open(`${APP}?lang=${lang}`);
    try {
      await useLocalResolver(page);
      const tampered = read('pass.eml').replace('Voici le compte rendu.', 'Voici le compte rendu modifié.');
      const got = await analyse(page, tampered);
      assert.equal(got.dkim, 'fail');
      const card = page.locator('#message-dkim .dkim-card');
      assert.equal(await card.getAttribute('data-result'), 'fail');
      assert.equal(await card.locator('li[data-code="dkim_body_hash_mismatch"]').count(), 1);
      const text = await card.textContent();
      assert.match(text, lang === 'fr' ? /Le corps du message a changé après sa signature par sceau\.test/ : /The body of the message changed after sceau\.test signed it/);
      // The receiver said pass: the comparison explains the change.
      const why = await page.textContent('#message-comparison tr[data-method="dkim"]');
      assert.match(why, lang === 'fr' ? /modifié après la vérification/ : /changed after the receiver checked it/);
      // What was signed, with line ends made visible.
      await card.locator('details.signed summary').click();
      assert.match(await card.locator('details.signed pre').first().textContent(), /from:Alice·Martin·<alice@sceau\.test>\\r\\n/);
      await shot(page, `message-tampered-${lang}`);
      assert.deepEqual(errors, []);
    } finally { await browser.close(); }
  });
}

test('what is not a message gets a clear message, in both languages', async () => {
  const { browser, page, errors } = await open(`${APP}?lang=fr`);
  try {
    await useLocalResolver(page);
    await page.click('#tab-message');
    await page.click('#message-analyze');
    assert.match(await page.textContent('#message-error'), /rien à analyser/);
    await page.fill('#message-input', 'juste du texte\nsans en-têtes');
    await page.click('#message-analyze');
    assert.match(await page.textContent('#message-error'), /Aucun champ d’en-tête/);
    await page.setInputFiles('#message-file', { name: 'mail.msg', mimeType: 'application/vnd.ms-outlook',
      buffer: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]) });
    await page.waitForFunction(() => /Outlook/.test(document.querySelector('#message-error')?.textContent || ''));
    await page.click('#lang-en');
    assert.match(await page.textContent('#message-error'), /Outlook \.msg file/);
    // A dropped .eml is analysed at once; headers only is said.
    const headers = read('pass.eml').split('\r\n\r\n')[0] + '\r\n';
    await page.setInputFiles('#message-file', { name: 'h.eml', mimeType: 'message/rfc822', buffer: Buffer.from(headers) });
    await page.waitForSelector('#message-story');
    assert.match(await page.textContent('#message-summary'), /Headers only/);
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});

test('on a phone-sized screen the analysis fits the width (no sideways scrolling)', async () => {
  const { browser, page, errors } = await open(`${APP}?lang=fr`);
  try {
    await page.setViewportSize({ width: 375, height: 800 });
    await useLocalResolver(page);
    await analyse(page, read('reject.eml'));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375);
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});
