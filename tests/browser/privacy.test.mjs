// Privacy, proven: every request of a whole session is recorded from the first one —
// load, paste and analyse a message, check a domain, drop reports (aggregate, gzip,
// zip, failure, TLS) and narrow them, switch tabs and language, open the DNS panel. Only the app's own static files and DoH GETs to the configured resolver
// may go out, and nothing from the message but the DNS names of its domains.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseMessage, checkDomain, open, useLocalResolver, APP, DOH } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const MESSAGE = readFileSync(join(HERE, 'fixtures', 'pass.eml'), 'utf8');
const DIST = join(HERE, '..', '..', 'dist');

/** What must never leave the page: addresses, names, subject, body, IDs. */
const SECRETS = ['alice@sceau.test', 'bob@example.org', 'bounce@sceau.test', 'Alice Martin', 'Alice', 'Bob',
  'Compte rendu', 'Compte_rendu', 'compte rendu', 'r=C3=A9union', 'réunion', 'Bonjour', 'Voici',
  '20240305180000.1', 'RTogId6PF1bn', 'iCS6MsmRRQxPDMRTs1bw', 'x12csp1234567', '4Tq1x2'];

/** The domains named in the message's headers, and its IP addresses (reverse names). */
const MESSAGE_DOMAINS = ['sceau.test', 'example.org', 'google.com'];
const MESSAGE_IPS = ['192.0.2.25', '10.0.0.5'];

/** The question name of a base64url RFC 8484 `dns=` parameter. */
function queryName(param) {
  const b = Buffer.from(param, 'base64url');
  const labels = [];
  for (let i = 12; i < b.length && b[i] !== 0; i += b[i] + 1) labels.push(b.subarray(i + 1, i + 1 + b[i]).toString('latin1'));
  return labels.join('.');
}

/** The reverse DNS name of an IPv4 or IPv6 address. */
function reverse(ip) {
  if (!ip.includes(':')) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  const [head, tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return `${groups.map((g) => g.padStart(4, '0')).join('').split('').reverse().join('.')}.ip6.arpa`;
}

/** Reports dropped during the session, from the corpus: what is in them (report IDs,
 * reporters' addresses) must not leave the page either. */
const CORPUS = process.env.SCEAU_CORPUS || join(HERE, '..', '..', '..', 'shared', 'corpus');
const REPORT_FILES = ['aggregate', 'failure', 'smtp_tls'].flatMap((d) => readdirSync(join(CORPUS, 'reports', d))
  .map((f) => join(CORPUS, 'reports', d, f)));
const REPORT_SECRETS = [...new Set(REPORT_FILES.filter((f) => f.endsWith('.xml')).flatMap((f) => {
  const x = readFileSync(f, 'latin1');
  return [...x.matchAll(/<(report_id|email)>\s*([^<\s][^<]{5,}?)\s*<\//g)].map((m) => m[2]);
}))];

test('a whole session sends nothing but static files and DNS queries for the message’s domains', async () => {
  const requests = [];
  const before = (page) => page.on('request', (r) => requests.push({
    url: r.url(), method: r.method(), type: r.resourceType(), body: r.postData(), headers: r.headers(),
  }));
  const { browser, page, errors } = await open(APP, { before });
  let reportIps = [];
  try {
    await useLocalResolver(page);
    await analyseMessage(page, MESSAGE);
    await checkDomain(page, 'sceau.test');
    // Reports: the whole corpus dropped, then narrowed to one reporter.
    await page.click('#tab-reports');
    await page.setInputFiles('#reports-file', REPORT_FILES);
    await page.waitForSelector('#total-messages', { timeout: 60000 });
    // Every source of the batch, from the JSON export (the page lists the largest only).
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#reports-export-json')]);
    reportIps = JSON.parse(readFileSync(await download.path(), 'utf8')).sources.map((x) => x.ip);
    await page.selectOption('#reports-reporter', 'google.com');
    await page.waitForFunction(() => document.querySelector('#total-messages')?.textContent !== '2433');
    for (const tab of ['message', 'domain', 'reports', 'message']) await page.click(`#tab-${tab}`);
    await page.click('#lang-fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await page.click('#dns-toggle');
    await page.click('#tab-reports');
    await page.click('#lang-en');
    await page.click('#tab-message');
    // Whatever the page might do late (timers, idle work) has time to show.
    await page.waitForTimeout(1500);
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }

  const app = new URL(APP);
  const assets = new Set(readdirSync(DIST).filter((f) => /\.(js|wasm|css|html)$/.test(f)));
  const names = new Set();
  let dohCount = 0;
  for (const r of requests) {
    const u = new URL(r.url);
    if (u.origin === app.origin) {
      const file = u.pathname.slice(app.pathname.length);
      assert.ok(file === '' || assets.has(file), `unexpected same-origin request ${r.url}`);
      assert.ok(file === '' || u.search === '', `query string on a static file: ${r.url}`);
      assert.equal(r.method, 'GET', r.url);
    } else {
      assert.ok(r.url.startsWith(`${DOH}?dns=`), `request to somewhere else than the resolver: ${r.url}`);
      assert.equal(r.method, 'GET', r.url);
      assert.equal(r.type, 'fetch', r.url);
      assert.deepEqual([...u.searchParams.keys()], ['dns'], r.url);
      names.add(queryName(u.searchParams.get('dns')).toLowerCase());
      dohCount += 1;
    }
    assert.equal(r.body ?? null, null, `a request carried a body: ${r.url}`);
    // Nothing from the message in the URL (raw or decoded), nor in the Referer.
    const seen = [r.url, decodeURIComponent(r.url), r.headers.referer || ''].join('\n');
    for (const s of [...SECRETS, ...REPORT_SECRETS]) assert.ok(!seen.includes(s), `${JSON.stringify(s)} left the page in ${r.url}`);
  }
  assert.ok(dohCount > 0, 'the session made DNS queries');
  assert.ok(requests.some((r) => r.url.endsWith('.wasm')), 'the wasm was loaded');
  // Every DNS name is one of the message's domains or a parent (the DMARC tree walk
  // asks _dmarc.test), or a name below them, or a reverse name of one of its
  // addresses or of a source in the reports (the dashboard's PTR names); none carries
  // a local part, a display name or the subject.
  assert.ok(REPORT_SECRETS.length > 10 && reportIps.length > 10, 'the reports were read');
  const parents = MESSAGE_DOMAINS.flatMap((d) => d.split('.').map((_, i, l) => l.slice(i).join('.')));
  const allowed = (n) => parents.some((d) => n === d || n.endsWith(`.${d}`))
    || MESSAGE_IPS.some((ip) => n === reverse(ip))
    || reportIps.some((ip) => n === reverse(ip));
  for (const n of names) {
    assert.ok(allowed(n), `DNS query for ${n}`);
    for (const s of ['alice', 'bob', 'bounce', 'martin', 'compte', 'voici']) assert.ok(!n.includes(s), `${s} in the DNS name ${n}`);
  }
  console.log(`# ${requests.length} requests, ${dohCount} DoH GETs for ${names.size} names: ${[...names].sort().join(' ')}`);
});
