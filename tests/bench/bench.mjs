// `make bench`: transfer sizes of the release build and time to the first answerable question in
// headless Chromium (median and p95 of repeated runs), next to a plain static HTML page that shows
// the same checklist, generated from the same content file, measured in the same run.
import { readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleFiles, compressedSizes } from '../bundles.mjs';
import { ROOT, DIST, CONTENT, STORAGE_KEY, serveStatic, launch } from '../e2e/harness.mjs';
import { sizeFloors, wasmSections } from './size_floors.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
// Page loads vary most on a busy machine, so the start-up rounds take more samples.
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? RUNS * 3);

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The stylesheets the app's first load links, copied from the build into `dir`. */
async function copyAppStylesheets(dir) {
  const appHtml = await readFile(join(DIST, 'index.html'), 'utf8');
  const stylesheets = [...appHtml.matchAll(/<link rel="stylesheet" href="\.\/([^"]+)"/g)].map((m) => m[1]);
  await mkdir(dir, { recursive: true });
  for (const css of stylesheets) await writeFile(join(dir, css), await readFile(join(DIST, css)));
  return stylesheets;
}

/** A static page with the same questions and answer controls and the app's stylesheets, no script. */
async function writeBaseline(dir) {
  const items = JSON.parse(await readFile(join(ROOT, 'content/items/c53-preaudit.json'), 'utf8'));
  const stylesheets = await copyAppStylesheets(dir);
  const answers = ['yes', 'partly', 'no', 'not_sure', 'not_applicable'];
  const cards = items.map((item) => `<article><h3>${escape(item.title)}</h3><p>${escape(item.question)}</p>
    <details><summary>Why an auditor cares</summary><p>${escape(item.why)}</p></details>
    <fieldset><legend>Your answer</legend>${answers.map((a) => `<label><input type="radio" name="${item.id}" id="${item.id}-${a}">${a}</label>`).join('')}</fieldset></article>`).join('\n');
  const links = stylesheets.map((css) => `<link rel="stylesheet" href="${css}">`).join('');
  await writeFile(join(dir, 'index.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>baseline</title>
    ${links}</head><body><main>${cards}</main></body></html>`);
}

/** The app's own first view as plain HTML: its built page with every script taken out. */
async function writeSameMarkupBaseline(dir) {
  const html = (await readFile(join(DIST, 'index.html'), 'utf8'))
    .replace(/<script[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  await copyAppStylesheets(dir);
  await writeFile(join(dir, 'index.html'), html);
}

/**
 * Navigation → first answerable question for each page, the pages taken in turn in every round
 * so that drift in the machine's load hits all of them alike, and the renderer's layout and style
 * time until then (Chromium's own counters), which says where the difference goes. For the app
 * also navigation → app live (the wasm app has replaced the pre-rendered first view).
 */
async function timeToFirstQuestion(browser, urls) {
  const times = urls.map(() => []);
  const rendering = urls.map(() => []);
  const live = [];
  for (let round = 0; round < STARTUP_RUNS; round++) {
    for (const [i, url] of urls.entries()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const start = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForSelector('#C53-PRE-01-yes', { state: 'visible' });
      times[i].push(performance.now() - start);
      const { metrics } = await cdp.send('Performance.getMetrics');
      const seconds = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
      rendering[i].push(1000 * (seconds('LayoutDuration') + seconds('RecalcStyleDuration')));
      if (i === 0) {
        await page.waitForSelector('html[data-app-ready]', { state: 'attached' });
        live.push(performance.now() - start);
      }
      await context.close();
    }
  }
  return { each: times.map(stats), rendering: rendering.map(stats), live: stats(live) };
}

/** Time from an answer click until the readiness panel in the DOM has changed (Leptos updates
 * the DOM synchronously inside the event handler; the paint follows on the next frame). With
 * `stored`, the page starts from that stored value (every item answered, with a record). */
async function answerToUpdate(browser, url, stored = null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-app-ready]', { state: 'attached' });
  if (stored !== null) {
    await page.evaluate(([key, value]) => { localStorage.clear(); localStorage.setItem(key, value); }, [STORAGE_KEY, stored]);
    await page.reload();
    await page.waitForSelector('html[data-app-ready]', { state: 'attached' });
  }
  await page.waitForSelector('#C53-PRE-01-yes');
  const samples = await page.evaluate(async ([runs, askedTwice, everyAnswered]) => {
    // Leptos applies DOM updates from a microtask, so the time is taken when a MutationObserver
    // sees the readiness panel's text change (yes ↔ no adds or removes a predicted finding, so a
    // count there changes; the clock's resolution is about 0.1 ms). The panel shows the re-scored
    // result, so this covers re-scoring. Questions a register check also asks are left out: with
    // that check failing, their "no" is counted once with it and the panel rightly stays put.
    const out = [];
    const answerable = [...document.querySelectorAll('fieldset.answers input[value="yes"]')]
      .map((i) => i.id.replace(/-yes$/, ''))
      .filter((id) => !askedTwice.includes(id.replace(/-X\d+$/, '')));
    for (let i = 0; i < runs; i++) {
      const id = answerable[i % answerable.length];
      const yes = document.querySelector(`#${id}-yes`);
      const input = yes.checked ? document.querySelector(`#${id}-no`) : yes;
      const target = document.querySelector('section.summary');
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now()); });
        observer.observe(target, { childList: true, characterData: true, subtree: true });
        setTimeout(() => { observer.disconnect(); resolve(null); }, 2000);
      });
      const t0 = performance.now();
      input.click();
      const t1 = await changed;
      // With every item answered, a change can leave the panel as it was (a "yes" the register
      // contradicts still costs what the "no" did): such a click is not a sample.
      if (t1 === null && !everyAnswered) throw new Error(`no update seen for ${input.id}`);
      if (t1 !== null) out.push(t1 - t0);
      await new Promise((r) => requestAnimationFrame(() => r()));
    }
    return out;
  }, [RUNS * 10, CONTENT.items.filter((i) => i.same_as).map((i) => i.same_as), stored !== null]);
  await context.close();
  return { ...stats(samples), count: samples.length, of: RUNS * 10 };
}

/**
 * Each export's time in the browser (the wasm tools bundle), at 10× content with every item open:
 * the app records a User Timing measure "export <kind>" around making the file and handing it to
 * the browser's download.
 */
async function exportTimes(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}#/export`);
  await page.waitForSelector('#export-markdown');
  const kinds = ['markdown', 'html', 'csv', 'oscal', 'calendar', 'backup'];
  for (let i = 0; i < RUNS; i++) for (const kind of kinds) await page.click(`#export-${kind}`);
  const durations = await page.evaluate((names) => Object.fromEntries(names.map((k) => [k,
    performance.getEntriesByName(`export ${k}`, 'measure').map((m) => m.duration)])), kinds);
  await context.close();
  for (const [kind, list] of Object.entries(durations)) {
    if (list.length !== RUNS) throw new Error(`export ${kind}: ${list.length} measures, expected ${RUNS}`);
  }
  return Object.fromEntries(Object.entries(durations).map(([k, list]) => [k, stats(list)]));
}

const baselineDir = join(ROOT, 'target/bench-baseline');
await rm(baselineDir, { recursive: true, force: true });
await writeBaseline(baselineDir);
const sameMarkupDir = join(ROOT, 'target/bench-baseline-same-markup');
await rm(sameMarkupDir, { recursive: true, force: true });
await writeSameMarkupBaseline(sameMarkupDir);
const BENCH_DIST = join(ROOT, 'target/dist-bench');
const domain = JSON.parse(process.env.BENCH_DOMAIN ?? '{}');
const app = await serveStatic(DIST, '/');
const app10 = await serveStatic(BENCH_DIST, '/');
const baseline = await serveStatic(baselineDir, '/');
const sameMarkup = await serveStatic(sameMarkupDir, '/');
const browser = await launch();
try {
  const files = await bundleFiles(DIST);
  const first = await compressedSizes(DIST, files.firstLoad);
  const tools = await compressedSizes(DIST, files.tools);
  const { gzip: groups, brotli } = first;
  const firstWasm = files.firstLoad.find((f) => f.endsWith('.wasm'));
  const parts = wasmSections(await readFile(join(DIST, firstWasm)));
  const floors = await sizeFloors();
  const floor = (f) => `${f.js + f.wasm} B (code ${f.sections.code} / data ${f.sections.data} B)`;
  // Warm-up run so that Chromium's own start-up does not land in the first sample.
  await timeToFirstQuestion(browser, [app.url]);
  const { each: [appTime, baseTime, sameTime], rendering: [appRender, baseRender, sameRender], live } = await timeToFirstQuestion(browser, [app.url, baseline.url, sameMarkup.url]);
  const update = await answerToUpdate(browser, app.url);
  const update10 = await answerToUpdate(browser, app10.url);
  const stored10 = process.env.BENCH_STORED_10X ? await readFile(process.env.BENCH_STORED_10X, 'utf8') : null;
  const update10Answered = stored10 === null ? null : await answerToUpdate(browser, app10.url, stored10);
  const exports10 = await exportTimes(browser, app10.url);
  const ms = (v) => `${v.toFixed(1)} ms`;
  const rows = [
    ['first-load transfer, gzip (html/js/wasm/css)', `${groups.html} / ${groups.js} / ${groups.wasm} / ${groups.css} B`, `total ${first.gzipTotal} B`],
    ['first-load transfer, brotli (html/js/wasm/css)', `${brotli.html} / ${brotli.js} / ${brotli.wasm} / ${brotli.css} B`, `total ${first.brotliTotal} B`],
    ['first-load wasm by section, gzip', `code ${parts.code} / data ${parts.data} B`, 'data: content, strings, tables'],
    ['size floor: bare Leptos counter, gzip js+wasm', floor(floors.size_floor_leptos), 'same profile and wasm-opt'],
    ['size floor: domain only, no UI, gzip js+wasm', floor(floors.size_floor_domain), 'stored formats, checks, score, content'],
    ['tools bundle, on first use of a tool (js/wasm/css)', `gzip ${tools.gzip.js} / ${tools.gzip.wasm} / ${tools.gzip.css} B`, `brotli ${tools.brotliTotal} B`],
    ['navigation → first answerable question (app)', `median ${ms(appTime.median)}`, `p95 ${ms(appTime.p95)}`],
    ['navigation → first answerable question (static HTML)', `median ${ms(baseTime.median)}`, `p95 ${ms(baseTime.p95)}`],
    ['ratio app / static (median)', (appTime.median / baseTime.median).toFixed(2), ''],
    ['… (app\'s own first view as static HTML)', `median ${ms(sameTime.median)}`, `ratio ${(appTime.median / sameTime.median).toFixed(2)}`],
    ['… layout + style until then (app / static / own view)', `${ms(appRender.median)} / ${ms(baseRender.median)} / ${ms(sameRender.median)}`, 'medians'],
    ['navigation → app live (wasm took over)', `median ${ms(live.median)}`, `p95 ${ms(live.p95)}`],
    ['answer → DOM updated (real catalogue)', `median ${ms(update.median)}`, `p95 ${ms(update.p95)}`],
    ['answer → DOM updated (10× catalogue)', `median ${ms(update10.median)}`, `p95 ${ms(update10.p95)}`],
    ...(update10Answered === null ? [] : [['… every item answered with a record (stored 10×)', `median ${ms(update10Answered.median)}`,
      `p95 ${ms(update10Answered.p95)} (${update10Answered.count} of ${update10Answered.of} answers changed the panel)`]]),
    ...Object.entries(exports10).map(([kind, t]) => [`export ${kind}, browser, 10× (every item open)`, `median ${ms(t.median)}`, `p95 ${ms(t.p95)}`]),
  ];
  for (const [scale, d] of Object.entries(domain)) {
    rows.push([`full re-score, host, ${scale} (${d.items} items)`, `median ${ms(d.rescore_median_ms)}`, `p95 ${ms(d.rescore_p95_ms)}`]);
    rows.push([`localStorage bytes, ${scale}, all answered + evidence`, `${d.stored_bytes} B`, '']);
    for (const [name, t] of Object.entries(d.exports ?? {})) rows.push([`export ${name}, host, ${scale}`, `median ${ms(t.median_ms)}`, `p95 ${ms(t.p95_ms)}`]);
  }
  console.log(`Audit Readiness Check benchmark (${RUNS} runs each, ${STARTUP_RUNS} for page loads; headless Chromium on loopback)`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(56)} ${b.padEnd(34)} ${c}`);
} finally {
  await browser.close();
  await app.close();
  await app10.close();
  await baseline.close();
  await sameMarkup.close();
}
