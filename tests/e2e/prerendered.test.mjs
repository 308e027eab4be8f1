// A first visit shows the first view as pre-rendered HTML before the wasm has loaded: it can be
// read and answered, and the app takes those answers over (and saves them) when it starts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic, launch, recordingPage, waitForApp, storedAssessment, axeViolations, STORAGE_KEY } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveStatic(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('answers given before the app has loaded are kept, saved, and nothing moves', async () => {
  // Service workers blocked, so that the route below sees the page's own requests.
  const { context, page, consoleErrors, cspViolations } = await recordingPage(browser, { serviceWorkers: 'block' });
  // Hold the first-load wasm back until the visitor has answered.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/audit-readiness-check-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  await page.waitForSelector('#C53-PRE-01-yes', { state: 'visible' });
  assert.equal(await page.locator('html[data-app-ready]').count(), 0, 'the app has not started yet');
  await page.check('#C53-PRE-01-yes');
  await page.check('#C53-PRE-02-partly');
  // Disclosures are native: a guidance text opens without the app. The note's text box is made
  // by the app, so a note opened now is empty until the app is live, then has the cursor in it.
  await page.click('#C53-PRE-01 summary >> text=Why an auditor cares');
  await page.click('#C53-PRE-02-note-summary');
  assert.equal(await page.locator('#C53-PRE-02-note').count(), 0);
  const hint = () => page.evaluate(() => getComputedStyle(document.querySelector('#C53-PRE-02 details.note'), '::after').content);
  assert.match(await hint(), /appears once the page has finished loading/, 'the empty note says why');
  const placeOf = (id) => page.evaluate((i) => {
    const r = document.getElementById(i).getBoundingClientRect();
    return { top: r.top + window.scrollY, left: r.left, width: r.width, scrollY: window.scrollY };
  }, id);
  const shellPlace = await placeOf('C53-PRE-01');
  release();
  await waitForApp(page);
  assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the static copy is gone');
  assert.equal(await page.isChecked('#C53-PRE-01-yes'), true);
  assert.equal(await page.isChecked('#C53-PRE-02-partly'), true);
  assert.equal(await page.locator('#C53-PRE-01 details').first().getAttribute('open'), '', 'what was open stays open');
  await page.waitForFunction(() => document.activeElement?.id === 'C53-PRE-02-note');
  assert.equal(await hint(), 'none', 'no hint once the box is there');
  await page.keyboard.type('Board minutes pending');
  assert.equal(await page.inputValue('#C53-PRE-02-note'), 'Board minutes pending');
  assert.deepEqual(await placeOf('C53-PRE-01'), shellPlace, 'same place, same scroll position');
  assert.match(await page.textContent('#progress-c53-preaudit'), /^2\/7/); // 01 and 02 (06 is derived)
  const saved = await storedAssessment(page);
  assert.equal(saved.responses['C53-PRE-01'].answer, 'yes');
  assert.equal(saved.responses['C53-PRE-02'].answer, 'partly');
  assert.equal(saved.responses['C53-PRE-02'].note, 'Board minutes pending');
  assert.deepEqual(Object.keys(saved.responses).sort(), ['C53-PRE-01', 'C53-PRE-02'], 'nothing else was taken');
  assert.equal(saved.responses['C53-PRE-01'].note ?? '', '');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(await cspViolations(), []);
  await context.close();
});

test('the pre-rendered view is the app\'s own first view: same text, same layout', async () => {
  const { context, page } = await recordingPage(browser, { width: 375, height: 800, serviceWorkers: 'block' });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/audit-readiness-check-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  await page.waitForSelector('#C53-PRE-01-yes', { state: 'visible' });
  const look = () => page.evaluate(() => ({
    text: document.body.innerText,
    boxes: [...document.querySelectorAll('main article, header, nav, .side')].map((e) => {
      const r = e.getBoundingClientRect();
      return [e.id || e.className, Math.round(r.top), Math.round(r.height)];
    }),
  }));
  const before = await look();
  assert.deepEqual(await axeViolations(page), [], 'the static copy is as accessible as the app');
  release();
  await waitForApp(page);
  assert.deepEqual(await look(), before);
  await context.close();
});

test('a section opened from the pre-rendered view starts at its top, with nothing of the first view opened in it', async () => {
  const { context, page } = await recordingPage(browser, { serviceWorkers: 'block' });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/audit-readiness-check-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  await page.waitForSelector('#C53-PRE-01-yes', { state: 'visible' });
  await page.check('#C53-PRE-01-yes');
  await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { d.open = true; }));
  await page.evaluate(() => window.scrollTo(0, 400));
  await page.click('.area-nav a[href="#/area/mgmt-duties"]');
  release();
  await page.waitForSelector('html[data-app-ready]', { state: 'attached' });
  await page.waitForSelector('[data-prerendered]', { state: 'detached' });
  assert.equal(await page.locator('.area-nav a[aria-current=page]').getAttribute('href'), '#/area/mgmt-duties');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.locator('main details[open]').count(), 0, 'no disclosure opened by position');
  assert.equal((await storedAssessment(page)).responses['C53-PRE-01'].answer, 'yes', 'the answer is kept');
  await context.close();
});

test('a returning visitor never sees the empty pre-rendered view', async () => {
  const { context, page } = await recordingPage(browser, { serviceWorkers: 'block' });
  await page.goto(server.url);
  await waitForApp(page);
  await page.check('#C53-PRE-05-no');
  // The answer is saved by an effect after the click: reload only once it is stored, or the new
  // document could start from the state before it (this test failed once so).
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('"C53-PRE-05"'), STORAGE_KEY);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/audit-readiness-check-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  // Wait for the new document itself: the old one, still live until the reload commits, would
  // answer the selector at once (and show the answer).
  await page.reload({ waitUntil: 'commit' });
  await page.waitForSelector('[data-prerendered]', { state: 'attached' });
  // Chromium paints nothing until the style sheets have loaded, but a layout query can run before
  // they have: ask only once they have, as the first paint would (this test failed so on a fresh
  // clone, the element "visible" in a layout without the rule that hides it).
  await page.waitForFunction(() => [...document.querySelectorAll('link[rel=stylesheet]')].every((l) => l.sheet !== null));
  assert.equal(await page.locator('#C53-PRE-05-no').isVisible(), false, 'hidden until the app shows the saved answers');
  release();
  await waitForApp(page);
  assert.equal(await page.isChecked('#C53-PRE-05-no'), true);
  await context.close();
});
