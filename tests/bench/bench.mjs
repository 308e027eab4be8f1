// `make bench`: transfer sizes of the release build and time to the first answerable question in
// headless Chromium (median and p95 of repeated runs), next to a plain static HTML page that shows
// the same checklist, generated from the same content file, measured in the same run.
import { readdir, readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { join, extname } from 'node:path';
import { ROOT, DIST, serveStatic, launch } from '../e2e/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

async function transferSizes() {
  const groups = { html: 0, js: 0, wasm: 0, css: 0 };
  const brotli = { html: 0, js: 0, wasm: 0, css: 0 };
  for (const file of await readdir(DIST)) {
    const kind = extname(file).slice(1);
    if (!(kind in groups)) continue;
    const bytes = await readFile(join(DIST, file));
    groups[kind] += gzipSync(bytes, { level: 9 }).length;
    brotli[kind] += brotliCompressSync(bytes).length;
  }
  return { groups, brotli };
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A static page with the same questions and answer controls, no script at all. */
async function writeBaseline(dir) {
  const items = JSON.parse(await readFile(join(ROOT, 'content/items/c53-preaudit.json'), 'utf8'));
  const css = await readdir(DIST).then((f) => f.find((x) => x.endsWith('.css')));
  const answers = ['yes', 'partly', 'no', 'not_sure', 'not_applicable'];
  const cards = items.map((item) => `<article><h3>${escape(item.title)}</h3><p>${escape(item.question)}</p>
    <details><summary>Why an auditor cares</summary><p>${escape(item.why)}</p></details>
    <fieldset><legend>Your answer</legend>${answers.map((a) => `<label><input type="radio" name="${item.id}" id="${item.id}-${a}">${a}</label>`).join('')}</fieldset></article>`).join('\n');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>baseline</title>
    <link rel="stylesheet" href="${css}"></head><body><main>${cards}</main></body></html>`);
  await writeFile(join(dir, css), await readFile(join(DIST, css)));
}

async function timeToFirstQuestion(browser, url) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector('#C53-PRE-01-yes', { state: 'visible' });
    times.push(performance.now() - start);
    await context.close();
  }
  return stats(times);
}

async function answerToRepaint(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('#C53-PRE-01-yes');
  const samples = await page.evaluate(async (runs) => {
    const out = [];
    const choices = ['yes', 'no', 'partly'];
    for (let i = 0; i < runs; i++) {
      const before = document.querySelector('#readiness-percent').textContent;
      const input = document.querySelector(`#C53-PRE-0${(i % 8) + 1}-${choices[i % 3]}`);
      const t0 = performance.now();
      input.click();
      await new Promise((r) => requestAnimationFrame(() => r()));
      out.push(performance.now() - t0);
      void before;
    }
    return out;
  }, RUNS * 6);
  await context.close();
  return stats(samples);
}

const baselineDir = join(ROOT, 'target/bench-baseline');
await rm(baselineDir, { recursive: true, force: true });
await writeBaseline(baselineDir);
const app = await serveStatic(DIST, '/');
const baseline = await serveStatic(baselineDir, '/');
const browser = await launch();
try {
  const { groups, brotli } = await transferSizes();
  const total = Object.values(groups).reduce((a, b) => a + b, 0);
  const totalBr = Object.values(brotli).reduce((a, b) => a + b, 0);
  // Warm-up run so that Chromium's own start-up does not land in the first sample.
  await timeToFirstQuestion(browser, baseline.url);
  const appTime = await timeToFirstQuestion(browser, app.url);
  const baseTime = await timeToFirstQuestion(browser, baseline.url);
  const repaint = await answerToRepaint(browser, app.url);
  const ms = (v) => `${v.toFixed(1)} ms`;
  const rows = [
    ['first-load transfer, gzip (html/js/wasm/css)', `${groups.html} / ${groups.js} / ${groups.wasm} / ${groups.css} B`, `total ${total} B`],
    ['first-load transfer, brotli (html/js/wasm/css)', `${brotli.html} / ${brotli.js} / ${brotli.wasm} / ${brotli.css} B`, `total ${totalBr} B`],
    ['navigation → first answerable question (app)', `median ${ms(appTime.median)}`, `p95 ${ms(appTime.p95)}`],
    ['navigation → first answerable question (static HTML)', `median ${ms(baseTime.median)}`, `p95 ${ms(baseTime.p95)}`],
    ['ratio app / static (median)', (appTime.median / baseTime.median).toFixed(2), ''],
    ['answer → next frame (real catalogue)', `median ${ms(repaint.median)}`, `p95 ${ms(repaint.p95)}`],
  ];
  console.log(`Audit Readiness Check benchmark (${RUNS} runs each, headless Chromium on loopback)`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(56)} ${b.padEnd(34)} ${c}`);
} finally {
  await browser.close();
  await app.close();
  await baseline.close();
}
