// The Reports tab: the corpus's aggregate, failure and TLS reports dropped at once are
// read by the Web Worker; totals, per-file statuses (one broken file, the others read),
// sources, the chart and export are shown, in both languages; a batch can be stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { open, shot, useLocalResolver, APP } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const CORPUS = process.env.SCEAU_CORPUS || join(HERE, '..', '..', '..', 'shared', 'corpus');
const REPORTS = join(CORPUS, 'reports');

function corpusFiles() {
  assert.ok(existsSync(REPORTS), `the report corpus is missing at ${REPORTS} (set SCEAU_CORPUS)`);
  const out = [];
  for (const sub of ['aggregate', 'failure', 'smtp_tls']) {
    for (const name of readdirSync(join(REPORTS, sub)).sort()) {
      out.push({ name, mimeType: 'application/octet-stream', buffer: readFileSync(join(REPORTS, sub, name)) });
    }
  }
  return out;
}

async function drop(page, files) {
  await page.click('#tab-reports');
  await page.setInputFiles('#reports-file', files);
  await page.waitForSelector('#reports-dashboard');
  await page.waitForFunction(() => !document.querySelector('#reports-progress'));
}

for (const lang of ['en', 'fr']) {
  test(`the whole report corpus in one drop (${lang})`, async () => {
    const { browser, page, errors } = await open(`${APP}?lang=${lang}`);
    try {
      await useLocalResolver(page);
      const files = corpusFiles();
      await drop(page, files);
      const statuses = await page.$$eval('#reports-files li.file', (lis) => lis.map((li) => li.dataset.status));
      assert.equal(statuses.length, files.length);
      assert.equal(statuses.filter((s) => s === 'error').length, 1, statuses.join(','));
      // The counts of the native corpus test (tests/reports_corpus.rs), read in the browser.
      assert.equal(await page.textContent('#total-records'), '2304');
      assert.equal(await page.textContent('#total-messages'), '2433');
      assert.match(await page.textContent('#total-pass'), /^134 \(5\s?%\)$/);
      assert.ok(await page.locator('#reports-sources tr.source').count() > 0);
      assert.ok(await page.locator('#reports-days .day').count() > 0);
      const broken = await page.textContent('#reports-files li.file[data-status="error"]');
      assert.match(broken, /invalid_xml\.xml/);
      assert.match(await page.textContent('#reports-dashboard'), lang === 'fr' ? /Sources d’envoi/ : /Sending sources/);
      // Failure reports, the latest first, and one row per TLS policy, the most failures first.
      assert.equal(await page.locator('#reports-failures tr.failure-report').count(), 5);
      assert.match(await page.textContent('#reports-failures tr.failure-report'), /2025-04-07 .*203\.0\.113\.68.*example\.com.*dmarc/);
      assert.equal(await page.locator('#reports-tls tr.tls-policy').count(), 4);
      const tls = await page.textContent('#reports-tls tr.tls-policy');
      assert.match(tls, /Company-X.*company-y\.example.*sts.*5326.*303.*certificate-expired 100/);
      assert.match(await page.textContent('#reports-tls thead'), lang === 'fr' ? /Sessions échouées/ : /Failed sessions/);
      // Filtering the sources table.
      await page.fill('#reports-filter', '203.0.113.255');
      assert.equal(await page.locator('#reports-sources tr.source').count(), 0);
      await page.fill('#reports-filter', '');
      // Drill-down: the raw records of one source.
      await page.click('#reports-sources tr.source button.link');
      await page.waitForSelector('#reports-records tr.raw-record');
      // A DKIM key seen in a report opens the Domain tab on that domain and selector.
      await page.fill('#reports-filter', '109.203.100.17');
      await page.click('#reports-sources tr.source button.link');
      await page.waitForSelector('#reports-records button.key-check');
      await page.click('#reports-records button.key-check');
      await page.waitForSelector('#tab-domain[aria-selected="true"]');
      assert.equal(await page.inputValue('#domain-input'), 'toptierhighticket.club');
      assert.equal(await page.inputValue('#domain-selectors'), 'default');
      await page.click('#tab-reports');
      await page.fill('#reports-filter', '');
      // Narrowing to one reporter recomputes the dashboard in the worker.
      await page.selectOption('#reports-reporter', 'google.com');
      await page.waitForFunction(() => document.querySelector('#total-messages')?.textContent !== '2433');
      const narrowed = Number(await page.textContent('#total-messages'));
      assert.ok(narrowed > 0 && narrowed < 2433, `google.com: ${narrowed}`);
      await page.selectOption('#reports-reporter', '');
      await page.waitForFunction(() => document.querySelector('#total-messages')?.textContent === '2433');
      // Export: a CSV download of the records.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#reports-export-records')]);
      assert.equal(download.suggestedFilename(), 'sceau-records.csv');
      await shot(page, `reports-corpus-${lang}`);
      assert.deepEqual(errors, []);
    } finally { await browser.close(); }
  });
}

test('a large batch shows progress and can be stopped; the page stays responsive', async () => {
  const { browser, page, errors } = await open(`${APP}?lang=en`);
  try {
    await useLocalResolver(page);
    const big = readFileSync(join(REPORTS, 'aggregate', '!large-example.com!1711897200!1711983600.xml'));
    const files = Array.from({ length: 50 }, (_, i) => ({ name: `copy-${i}.xml`, mimeType: 'application/xml', buffer: big }));
    await page.click('#tab-reports');
    await page.setInputFiles('#reports-file', files);
    await page.waitForSelector('#reports-progress progress');
    // The main thread answers while the worker reads.
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    assert.ok(Date.now() - t0 < 500);
    await page.click('#reports-cancel');
    await page.waitForSelector('#reports-dashboard');
    assert.match(await page.textContent('#panel-reports'), /Stopped/);
    const read = await page.locator('#reports-files li.file').count();
    assert.ok(read >= 1 && read < 50, `${read} files read before stopping`);
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});
