// Accessibility: axe-core (pinned in package.json) injected into the page finds no
// serious or critical violation on any tab — the Message tab with a full analysis, the
// Domain tab with a result, the Reports tab — in light and dark colour schemes, in
// English and French. Strict: no rule is switched off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseMessage, checkDomain, open, shot, useLocalResolver, violations, APP } from './harness.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const PASS = readFileSync(join(FIXTURES, 'pass.eml'), 'utf8');

for (const colorScheme of ['light', 'dark']) {
  for (const lang of ['en', 'fr']) {
    test(`no serious or critical axe violation on any tab (${colorScheme}, ${lang})`, async () => {
      const { browser, page, errors } = await open(`${APP}?lang=${lang}`, { colorScheme, bypassCSP: true });
      try {
        await useLocalResolver(page);
        const found = {};

        await analyseMessage(page, PASS);
        // Opened disclosures are checked too.
        await page.$$eval('#message-result details', (ds) => ds.forEach((d) => { d.open = true; }));
        found.message = await violations(page);

        await checkDomain(page, 'sceau.test');
        await page.$$eval('#panel-domain details', (ds) => ds.forEach((d) => { d.open = true; }));
        found.domain = await violations(page);

        await page.click('#tab-reports');
        found.reports = await violations(page);

        // The settings and DNS panels open.
        await page.click('#settings-toggle');
        await page.click('#dns-toggle');
        found.panels = await violations(page);
        await shot(page, `a11y-${colorScheme}-${lang}`);

        assert.deepEqual(found, { message: [], domain: [], reports: [], panels: [] });
        assert.deepEqual(errors, []);
      } finally { await browser.close(); }
    });
  }
}
