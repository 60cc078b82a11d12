// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP = process.env.SCEAU_APP_URL || 'http://127.0.0.1:8090/';
export const DOH = process.env.SCEAU_DOH_URL || 'http://127.0.0.1:8053/dns-query';
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Launches Chromium with a fresh profile; returns { browser, context, page, errors }.
 * `before(page, context)`, if given, runs before the first navigation (e.g. to record
 * every request from the very first one). */
export async function open(url = APP, { colorScheme = 'light', locale = 'en-US', before, bypassCSP = false } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
    // launch() gives every browser a fresh temporary profile.
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme, locale, bypassCSP });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  if (before) await before(page, context);
  await page.goto(url);
  await page.waitForSelector('#tab-message');
  return { browser, context, page, errors };
}

/** Saves a full-page screenshot under artifacts/. */
export async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Pastes `text` in the Message tab, analyses it and waits for the re-check. */
export async function analyseMessage(page, text) {
  await page.click('#tab-message');
  await page.fill('#message-input', text);
  await page.click('#message-analyze');
  await page.waitForSelector('#message-comparison tr.compare-row');
}

/** Checks `domain` (and typed `selectors`) in the Domain tab and waits for the result. */
export async function checkDomain(page, domain, selectors = '') {
  await page.click('#tab-domain');
  await page.fill('#domain-input', domain);
  await page.fill('#domain-selectors', selectors);
  await page.click('#domain-check');
  await page.waitForFunction((d) => document.querySelector('#domain-result h2')?.textContent.includes(d), domain);
}

/** Points the page at the local DoH server (or at `url`) through the settings panel. */
export async function useLocalResolver(page, url = DOH) {
  await page.click('#settings-toggle');
  await page.selectOption('#resolver-select', 'custom');
  await page.fill('#resolver-custom', url);
  await page.press('#resolver-custom', 'Enter');
  await page.locator('#resolver-custom').blur();
  await page.click('#settings-toggle');
}

/** axe-core's serious and critical violations on the page as it is, one line per node
 * (the page must be opened with `bypassCSP: true` for axe to be injected). */
export async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: AXE });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`));
}
