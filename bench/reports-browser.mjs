// The Reports tab timed in headless Chromium, for bench/reports.sh.
//
//   node bench/reports-browser.mjs URL DIR EXPECTED_MESSAGES
//
// Opens the app served at URL (release dist/), sets the resolver to offline, opens the
// Reports tab and gives every file of DIR to #reports-file by path (Chromium reads them
// from disk; no copy through Node). Measures from the input to the dashboard showing
// EXPECTED_MESSAGES in #total-messages, the part until the worker has read the last
// file (#reports-progress gone), the page's responsiveness (round trip of an evaluate
// every 200 ms: the largest, overall, while the worker reads and from then on, which
// includes showing the dashboard and narrowing it to one reporter), the time to narrow
// the dashboard to one reporter, the page's JS heap (CDP Performance.getMetrics: the
// page only, not the worker) and the renderer process's peak RSS (page and worker,
// with the worker's wasm memory), and the CPU seconds of all the browser's processes
// over the run (the sampling's share included). Prints one JSON line; exits 1 if the total is wrong.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';

// playwright-core is installed for the browser tests (tests/browser: npm ci).
const require = createRequire(new URL('../tests/browser/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [url, dir, expected] = process.argv.slice(2);
if (!url || !dir || !expected) {
  console.error('usage: node bench/reports-browser.mjs URL DIR EXPECTED_MESSAGES');
  process.exit(2);
}
const files = readdirSync(dir).sort().map((f) => resolve(dir, f));

/** CPU seconds (user + system) of the browser and all its processes, from /proc. */
function treeCpu(rootPid) {
  const kids = new Map();
  const ticks = new Map();
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(f[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(p));
      ticks.set(Number(p), Number(f[11]) + Number(f[12]));
    } catch { /* gone */ }
  }
  let sum = 0;
  const walk = (pid) => { sum += ticks.get(pid) || 0; for (const k of kids.get(pid) || []) walk(k); };
  walk(rootPid);
  return sum / 100; // USER_HZ
}

/** Peak-able RSS (KB) of the browser's renderer processes, from /proc. */
function rendererRss(rootPid) {
  const kids = new Map();
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(p));
    } catch { /* gone */ }
  }
  let max = 0;
  const walk = (pid) => {
    for (const k of kids.get(pid) || []) {
      try {
        const cmd = readFileSync(`/proc/${k}/cmdline`, 'utf8');
        if (cmd.includes('--type=renderer')) {
          const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${k}/status`, 'utf8'));
          if (m) max = Math.max(max, Number(m[1]));
        }
      } catch { /* gone */ }
      walk(k);
    }
  };
  walk(rootPid);
  return max;
}

// An ignored switch that finds this run's browser process in /proc.
const MARKER = `--sceau-bench=${process.pid}`;
function browserPid() {
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
      if (cmd.includes(MARKER) && !cmd.some((a) => a.startsWith('--type='))) return Number(p);
    } catch { /* gone */ }
  }
  return undefined;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', MARKER],
});
let code = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${url}?lang=en`);
  await page.waitForSelector('#tab-message');
  await page.click('#settings-toggle');
  await page.selectOption('#resolver-select', 'offline');
  await page.click('#settings-toggle');
  await page.click('#tab-reports');
  await page.waitForSelector('#reports-file', { state: 'attached' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const rootPid = browserPid();

  let running = true;
  let maxLatency = 0;
  // [page time when the probe was sent, round trip ms]: split into phases afterwards.
  // The page's clock is read once (timeOrigin) to turn Node's send time into it, so a
  // probe held up by a busy page counts in the phase it was sent in.
  const origin = await page.evaluate(() => performance.timeOrigin);
  const probes = [];
  let samples = 0;
  let maxHeap = 0;
  let maxRss = 0;
  const sampler = (async () => {
    while (running) {
      const t0 = performance.now();
      const at = Date.now() - origin;
      await page.evaluate(() => 1);
      const latency = performance.now() - t0;
      maxLatency = Math.max(maxLatency, latency);
      probes.push([at, latency]);
      samples++;
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize');
      if (heap) maxHeap = Math.max(maxHeap, heap.value);
      if (rootPid) maxRss = Math.max(maxRss, rendererRss(rootPid));
      await new Promise((r) => setTimeout(r, 200));
    }
  })();

  // Page-side timestamps: when the progress bar last goes away (the worker has read
  // every file) and when the totals appear.
  const p0 = await page.evaluate(() => {
    window.__bench = { read: 0, shown: 0 };
    new MutationObserver(() => {
      const now = performance.now();
      if (!document.querySelector('#reports-progress') && !window.__bench.read) window.__bench.read = now;
      if (document.querySelector('#reports-progress')) window.__bench.read = 0;
      if (document.querySelector('#total-messages') && !window.__bench.shown) window.__bench.shown = now;
    }).observe(document.body, { childList: true, subtree: true });
    return performance.now();
  });
  const cpu0 = rootPid ? treeCpu(rootPid) : 0;
  const t0 = performance.now();
  await page.setInputFiles('#reports-file', files);
  const tInput = performance.now();
  // Handing thousands of files to the input (Playwright's doing, which a file dialog
  // does too) keeps the page busy a moment: the reading phase starts after it.
  const pInput = await page.evaluate(() => performance.now());
  // A fresh page: the totals appear once, when the worker has read every file.
  await page.waitForSelector('#total-messages', { timeout: 30 * 60 * 1000 });
  const tShown = performance.now();
  const cpu = rootPid ? treeCpu(rootPid) - cpu0 : null;
  const marks = await page.evaluate(() => window.__bench);
  const shown = (await page.textContent('#total-messages')).trim();
  // Narrowing to one reporter: the worker summarises again and the page redraws.
  const reporter = await page.$eval('#reports-reporter option:nth-child(2)', (o) => o.value);
  const n0 = performance.now();
  await page.selectOption('#reports-reporter', reporter);
  await page.waitForFunction((before) => document.querySelector('#total-messages')?.textContent.trim() !== before,
    shown, { timeout: 5 * 60 * 1000 });
  const narrowSeconds = (performance.now() - n0) / 1000;
  // The worker's own figures (its wasm memory only grows: its size is its peak).
  let workerMemory = {};
  for (const w of page.workers()) {
    const m = await w.evaluate(() => self.sceauMemory).catch(() => undefined);
    if (m) workerMemory = m;
  }
  await new Promise((r) => setTimeout(r, 500));
  running = false;
  await sampler;
  const phase = (from, to) => Math.round(Math.max(0, ...probes.filter(([at]) => at >= from && at < to).map(([, l]) => l)));
  const out = {
    files: files.length,
    seconds: marks.shown ? (marks.shown - p0) / 1000 : (tShown - t0) / 1000,
    cpu_seconds: cpu,
    input_seconds: (tInput - t0) / 1000,
    read_seconds: (marks.read - p0) / 1000,
    view_seconds: (marks.shown - marks.read) / 1000,
    messages: shown,
    expected,
    max_latency_ms: Math.round(maxLatency),
    max_latency_input_ms: phase(p0, pInput),
    max_latency_reading_ms: phase(pInput, marks.read),
    max_latency_view_ms: phase(marks.read, Infinity),
    // Probes over 50 ms: [ms after the files were handed over, round trip ms].
    slow_probes: probes.filter(([, l]) => l > 50).map(([at, l]) => [Math.round(at - pInput), Math.round(l)]),
    narrow_seconds: narrowSeconds,
    latency_samples: samples,
    page_js_heap_mb: Math.round(maxHeap / 1e6),
    renderer_rss_mb: Math.round(maxRss / 1024),
    worker_wasm_mb: Math.round((workerMemory.wasm_bytes || 0) / 1e6),
    worker_table_mb: Math.round((workerMemory.table_bytes || 0) / 1e6),
    errors,
  };
  console.log(JSON.stringify(out));
  if (shown !== String(expected) || errors.length) code = 1;
} finally {
  await browser.close();
}
process.exit(code);
