// No injected content: headers full of markup, script URLs, bidi overrides and
// zero-width characters are shown as text, never run. Every payload sets a window flag
// (or opens a dialog) if it ever executes; the flag must stay unset and no dialog open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseMessage, open, shot, useLocalResolver, APP } from './harness.mjs';

const RLO = '\u202E';
const ZWSP = '\u200B';
/** How the page shows text with hidden characters: each one as a visible ⟨U+XXXX⟩. */
const reveal = (t) => t.replace(/[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g,
  (c) => `⟨U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);

const FROM_NAME = `<img src=x onerror=window.__pwned='from';alert(1)> Al${RLO}ecila${ZWSP}`;
const SUBJECT = `<script>window.__pwned='subject'</script> facture${RLO}fdp.exe${ZWSP} <svg onload=window.__pwned='svg'>`;
// No parentheses (comments) nor angle brackets (delimiters) in List-Unsubscribe URIs.
const UNSUB_JS = `javascript:document.title='x';window.__pwned='unsub'`;
const UNSUB_HTML = `https://evil.example/u?q='onmouseover=window.__pwned='unsub2'&x=/onfocus=alert`;
const RECEIVED_FROM = `<img src=x onerror=window.__pwned='rcvd'>`;
const RECEIVED_BY = `mx${ZWSP}.sceau${RLO}.test`;

const MESSAGE = [
  `Received: from evil.example (${RECEIVED_FROM} [192.0.2.66])`,
  `        by ${RECEIVED_BY} (<script>window.__pwned='by'</script>) with ESMTP id <b>bold</b>;`,
  '        Tue, 05 Mar 2024 10:00:02 -0800 (PST)',
  `Received: from [10.0.0.5] (unknown [10.0.0.5]) by evil.example (javascript:alert(3)) with SMTP;`,
  '        Tue, 05 Mar 2024 10:00:01 -0800 (PST)',
  `Authentication-Results: ${RECEIVED_BY}; spf=pass smtp.mailfrom="<script>window.__pwned='ar'</script>"@evil.example;`,
  `        dkim=pass header.d=evil.example header.s=<img/src=x/onerror=alert(4)>; dmarc=pass header.from=evil.example`,
  `From: "${FROM_NAME}" <alice@evil.example>`,
  `Reply-To: "${RLO}moc.elpmaxe@bob" <attacker@evil.example>`,
  'To: Bob <bob@example.org>',
  `Subject: ${SUBJECT}`,
  'Date: Tue, 5 Mar 2024 19:00:00 +0100',
  `Message-ID: <${ZWSP}x@evil.example>`,
  `List-Unsubscribe: <${UNSUB_JS}>, <${UNSUB_HTML}>`,
  'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  `<script>window.__pwned='body'</script><a href="javascript:alert(5)">click</a>`,
  '',
].join('\r\n');

/** Listens for dialogs; returns the list (each is dismissed). */
function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  return dialogs;
}

/** No payload ran and no markup from the input became an element. */
async function assertInert(page, dialogs) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a payload ran');
  assert.deepEqual(dialogs, [], 'a dialog opened');
  const found = await page.evaluate(() => ({
    scripts: [...document.querySelectorAll('body script')].length,
    imgs: [...document.querySelectorAll('img')].length,
    bold: [...document.querySelectorAll('#panel-message b')].length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
    jsLinks: [...document.querySelectorAll('[href],[src],[action],[formaction]')]
      .map((el) => el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action') || el.getAttribute('formaction'))
      .filter((u) => /^\s*javascript:/i.test(u)),
    svgOnload: [...document.querySelectorAll('svg')].filter((s) => s.id !== 'message-timeline').length,
  }));
  assert.deepEqual(found, { scripts: 0, imgs: 0, bold: 0, handlers: [], jsLinks: [], svgOnload: 0 });
}

for (const lang of ['en', 'fr']) {
  test(`hostile headers are shown as text, never run (${lang})`, async () => {
    const { browser, page, errors } = await open(`${APP}?lang=${lang}`);
    const dialogs = watchDialogs(page);
    try {
      await useLocalResolver(page);
      await analyseMessage(page, MESSAGE);
      await page.waitForSelector('#message-summary');

      // The summary shows the values literally; bidi and zero-width characters are made
      // visible as ⟨U+XXXX⟩, never applied.
      const summary = await page.textContent('#message-summary');
      { const m = summary.match(/.{0,30}[\u200B\u202E].{0,30}/); assert.ok(!m, `a hidden character reached the summary: ${JSON.stringify(m && m[0])}`); }
      assert.ok(summary.includes(reveal(FROM_NAME)), `From display name: ${JSON.stringify(summary)}`);
      assert.ok(summary.includes(reveal(SUBJECT)), `Subject: ${JSON.stringify(summary)}`);
      assert.ok(summary.includes(UNSUB_JS), 'List-Unsubscribe javascript: URL as text');
      assert.ok(summary.includes(UNSUB_HTML), 'List-Unsubscribe URL with markup as text');
      assert.ok(summary.includes('⟨U+202E⟩moc.elpmaxe@bob'), 'Reply-To with RLO shown');
      // The fields people read are flagged.
      const flagged = await page.$$eval('#message-findings li[data-code="hidden_characters"]', (l) => l.length);
      assert.ok(flagged >= 3, `hidden_characters findings: ${flagged}`);
      // The route shows the hostile Received parts as text.
      const hops = await page.textContent('#message-hops');
      assert.ok(hops.includes(reveal(RECEIVED_BY)), `Received by: ${JSON.stringify(hops)}`);
      // The raw view: every line of the header block, character for character (hidden
      // characters shown by name).
      const raw = await page.textContent('#message-raw');
      const header = MESSAGE.split('\r\n\r\n')[0].split('\r\n');
      for (const line of header) assert.ok(raw.includes(reveal(line)), `raw view lacks ${JSON.stringify(line)}`);
      // The whole result, in the other language too, and after opening every details.
      await page.$$eval('#message-result details', (ds) => ds.forEach((d) => { d.open = true; }));
      for (const b of await page.$$('#message-findings li button')) await b.click();
      await assertInert(page, dialogs);
      await page.click(lang === 'fr' ? '#lang-en' : '#lang-fr');
      await page.waitForSelector('#message-summary');
      assert.ok((await page.textContent('#message-summary')).includes(reveal(SUBJECT)));
      await assertInert(page, dialogs);
      await shot(page, `injection-message-${lang}`);
      assert.deepEqual(errors, []);
    } finally { await browser.close(); }
  });
}

test('hostile domain names are refused as invalid, with no lookup', async () => {
  for (const lang of ['en', 'fr']) {
    const { browser, page, errors } = await open(`${APP}?lang=${lang}`);
    const dialogs = watchDialogs(page);
    try {
      await useLocalResolver(page);
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.click('#tab-domain');
      for (const bad of [
        `<script>window.__pwned='domain'</script>.example`,
        `<img src=x onerror=alert(6)>`,
        `javascript:alert(7)`,
        `exa${RLO}mple.com`,
        `exa${ZWSP}mple.com`,
        `sceau.test${ZWSP}`,
        `${RLO}tset.uaecs`,
      ]) {
        await page.fill('#domain-input', bad);
        await page.click('#domain-check');
        const alert = await page.textContent('#panel-domain [role=alert]');
        assert.match(alert, lang === 'fr' ? /pas un nom de domaine valide/ : /not a valid domain/, `${JSON.stringify(bad)}: ${alert}`);
        assert.equal(await page.locator('#domain-result h2').count(), 0, `${JSON.stringify(bad)} was checked`);
      }
      assert.deepEqual(requests, [], 'no lookup for an invalid name');
      await assertInert(page, dialogs);
      assert.deepEqual(errors, []);
    } finally { await browser.close(); }
  }
});
