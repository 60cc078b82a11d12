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
      // The first 20 files are listed (errors first); the button lists the rest.
      assert.equal(await page.locator('#reports-files li.file').count(), 20);
      assert.equal(await page.locator('#reports-files li.file[data-status="error"]').count(), 1);
      await page.click('#reports-more-files');
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
    if (await page.locator('#reports-more-files').count()) await page.click('#reports-more-files');
    const read = await page.locator('#reports-files li.file').count();
    assert.ok(read >= 1 && read < 50, `${read} files read before stopping`);
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});

/** `count` aggregate reports of `records` records each, from a pool of `pool` sources. */
function synthetic(prefix, count, records, pool) {
  return Array.from({ length: count }, (_, i) => {
    let x = '<?xml version="1.0"?><feedback><report_metadata><org_name>synth.example</org_name>'
      + `<email>r@synth.example</email><report_id>${prefix}-${i}</report_id>`
      + '<date_range><begin>1700000000</begin><end>1700086399</end></date_range></report_metadata>'
      + '<policy_published><domain>example.com</domain><p>none</p></policy_published>';
    for (let r = 0; r < records; r++) {
      const n = (i * records + r) % pool;
      x += `<record><row><source_ip>10.${n >> 16 & 255}.${n >> 8 & 255}.${n & 255}</source_ip><count>2</count>`
        + '<policy_evaluated><disposition>none</disposition><dkim>fail</dkim><spf>pass</spf></policy_evaluated></row>'
        + '<identifiers><header_from>example.com</header_from></identifiers><auth_results>'
        + `<dkim><domain>esp${n % 7}.example</domain><selector>s</selector><result>pass</result></dkim>`
        + '<spf><domain>example.com</domain><result>pass</result></spf></auth_results></record>';
    }
    return { name: `${prefix}-${i}.xml`, mimeType: 'application/xml', buffer: Buffer.from(x + '</feedback>') };
  });
}

test('a second drop onto a full dashboard keeps the page responsive', async (t) => {
  const { browser, page, errors } = await open(`${APP}?lang=en`);
  try {
    await useLocalResolver(page);
    await page.click('#tab-reports');
    // 150 reports × 200 records over 5,000 sources: a dashboard with 1,000 source rows.
    await page.setInputFiles('#reports-file', synthetic('a', 150, 200, 5000));
    await page.waitForFunction(() => document.querySelector('#total-messages')?.textContent === '60000', null, { timeout: 120000 });
    assert.equal(await page.locator('#reports-sources tr.source').count() > 0, true);
    // While the worker reads the second drop, the page (which still shows the first
    // dashboard and redraws on progress) answers: no long freeze.
    await page.setInputFiles('#reports-file', synthetic('b', 150, 200, 5000));
    let worst = 0;
    while (await page.locator('#reports-progress').count() > 0) {
      const t0 = Date.now();
      await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
      worst = Math.max(worst, Date.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    await page.waitForFunction(() => document.querySelector('#total-messages')?.textContent === '120000', null, { timeout: 120000 });
    t.diagnostic(`longest page round trip during the second drop: ${worst} ms`);
    assert.ok(worst < 250, `the page was blocked for ${worst} ms during the second drop`);
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});
