// Storage that never loses an answer, across tabs and offline: two tabs stay in step (another
// tab opening another assessment is followed, and typing on does not write into it), the app
// works offline after the first visit and after an update, and a page left open past midnight
// says which day it counts from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, readdir, rename, cp, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serveStatic, launch, recordingPage, waitForApp, STORAGE_KEY, screenshot, storedAssessment, DIST, axeViolations, startWith,
} from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveStatic(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('an answer given in one tab appears in the other without a reload', async () => {
  const { context, page: first } = await recordingPage(browser);
  const second = await context.newPage();
  await first.goto(server.url);
  await second.goto(server.url);
  await waitForApp(first);
  await waitForApp(second);
  await first.check('#C53-PRE-02-partly');
  await second.waitForFunction(() => document.querySelector('#C53-PRE-02-partly').checked);
  await second.check('#C53-PRE-07-yes');
  await first.waitForFunction(() => document.querySelector('#C53-PRE-07-yes').checked);
  // Both answers survive in storage: nothing was overwritten by the other tab.
  const stored = { assessment: await storedAssessment(first) };
  assert.equal(stored.assessment.responses['C53-PRE-02'].answer, 'partly');
  assert.equal(stored.assessment.responses['C53-PRE-07'].answer, 'yes');
  assert.equal(await first.textContent('#readiness-percent'), await second.textContent('#readiness-percent'));
  await context.close();
});

test('when another tab opens a different assessment, this tab follows it and says so', async () => {
  const { context, page: first, consoleErrors } = await recordingPage(browser, { width: 375, height: 800 });
  const second = await context.newPage();
  await first.goto(server.url);
  await waitForApp(first);
  await first.check('#C53-PRE-02-partly');
  // A change of answers alone is followed silently.
  await second.goto(server.url);
  await waitForApp(second);
  await second.check('#C53-PRE-03-yes');
  await first.waitForFunction(() => document.querySelector('#C53-PRE-03-yes').checked);
  assert.equal(await first.locator('#storage-notice').count(), 0);
  // Scrolled down the page, the tab is told where its answers now go.
  await first.evaluate(() => window.scrollTo(0, 1500));
  await second.goto(server.url + '#/assessments');
  await second.waitForSelector('#create-assessment');
  await second.fill('#new-assessment-name', 'Stage 2 rehearsal');
  await second.click('#create-assessment');
  await first.waitForSelector('#storage-notice');
  assert.match(await first.textContent('#storage-notice'),
    /Another tab switched the open assessment.*now belongs to “Stage 2 rehearsal”, not “My assessment”\. To go back, open it again/s);
  assert.equal(await first.textContent('#current-assessment').then((t) => t.trim()), 'Stage 2 rehearsal');
  const box = await first.locator('#storage-notice').boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 800, `the notice stays in sight (y = ${box?.y})`);
  await screenshot(first, 'followed-other-tab-375');
  // Opening the first assessment again here makes the notice old news.
  await first.click('#nav-assessments');
  await first.click('#assessment-a1-open');
  await first.waitForFunction(() => !document.querySelector('#storage-notice'));
  // The other tab now followed this one; when it switches back, the notice returns, and goes
  // when dismissed.
  await second.waitForSelector('#storage-notice');
  await second.click('#nav-assessments');
  await second.click('#assessment-a2-open');
  await first.waitForSelector('#storage-notice');
  // Renamed in the other tab meanwhile: the notice names it as it is now, updated in place (the
  // alert is not drawn again, which would announce it again).
  await first.evaluate(() => { document.querySelector('#storage-notice').dataset.drawn = 'once'; });
  await second.fill('#assessment-a2-name', 'Stage 2, March');
  await second.press('#assessment-a2-name', 'Tab');
  await first.waitForFunction(() => document.querySelector('#storage-notice')?.textContent.includes('“Stage 2, March”'));
  assert.equal(await first.getAttribute('#storage-notice', 'data-drawn'), 'once');
  await first.bringToFront(); // a person dismisses it in the tab they are looking at
  await first.focus('#storage-notice button');
  await first.keyboard.press('Enter');
  // Leptos redraws after the handler returns: wait for the notice to go rather than race it.
  await first.waitForFunction(() => !document.querySelector('#storage-notice'));
  // The button went with the notice: focus goes to the main region, not to the page body.
  await first.waitForFunction(() => document.activeElement?.id === 'main');
  // Deleted in the other tab: said so, with the one left named and where its copy is, not "open it
  // again" (consultant pass of stop 51).
  await second.click('#assessment-a2-delete');
  await first.waitForSelector('#storage-notice');
  assert.match(await first.textContent('#storage-notice'),
    /^Another tab deleted the open assessmentThis tab follows it: what you see and answer here now belongs to “My assessment”, not “Stage 2, March”\. Look for its copy under Export and share, in “Copies kept aside”\./);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('when another tab opens a different assessment, the cards open their boxes for that one', async () => {
  // Review pass of stop 53: the cards kept the first assessment's open note and folded records.
  const { context, page: first, consoleErrors } = await recordingPage(browser);
  const withNote = { schema_version: 1, assessment: { responses: { 'C53-PRE-01': { answer: 'yes', note: 'First note',
    evidence: [{ what: 'Roles document v3', location: 'Drive/isms/roles.docx' }] } } } };
  await startWith(first, server.url, JSON.stringify(withNote));
  const boxes = (id) => first.evaluate((id) => {
    const card = document.getElementById(id);
    return { note: card.querySelector('details.note').open, evidence: card.querySelector('details.evidence').open };
  }, id);
  assert.deepEqual(await boxes('C53-PRE-01'), { note: true, evidence: true });
  const second = await context.newPage();
  await second.goto(server.url + '#/assessments');
  await second.waitForSelector('#create-assessment');
  await second.fill('#new-assessment-name', 'Second');
  await second.click('#create-assessment');
  await first.waitForFunction(() => document.querySelector('#current-assessment')?.textContent.includes('Second'));
  await first.waitForSelector('#C53-PRE-01-yes');
  assert.equal(await first.isChecked('#C53-PRE-01-yes'), false);
  assert.deepEqual(await boxes('C53-PRE-01'), { note: false, evidence: false }, 'nothing to show in the new assessment');
  // Back to the first one from the other tab: its note and record are open again.
  await second.click('#assessment-a1-open');
  await first.waitForFunction(() => document.querySelector('#C53-PRE-01-yes')?.checked);
  assert.deepEqual(await boxes('C53-PRE-01'), { note: true, evidence: true });
  assert.equal(await first.inputValue('#C53-PRE-01-note'), 'First note');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

/**
 * Waits until the service worker controls the page; it activates only after it has cached the
 * first load. Returns the worker's script URL.
 */
function offlineCacheReady(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return registration.active.scriptURL;
  });
}

test('after the first visit the app loads and works with the network off', async () => {
  const { context, page } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await offlineCacheReady(page);
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  await page.check('#C53-PRE-05-yes');
  assert.equal(await page.isChecked('#C53-PRE-05-yes'), true);
  assert.match(await page.textContent('#progress-c53-preaudit'), /^1\/7/); // 05 (06 is derived)
  // The tools bundle was never opened online, yet it was cached with the first visit.
  await page.click('#nav-register');
  await page.getByRole('heading', { level: 1, name: 'Roles and accountability register' }).waitFor();
  await context.setOffline(false);
  await context.close();
});

test('after the first visit the files named by their content come from the offline cache: a reload and the first tool download none of them', async () => {
  // A server of its own, so that its log holds only this visitor's requests.
  const site = await serveStatic();
  const { context, page, consoleErrors } = await recordingPage(browser);
  try {
    await page.goto(site.url);
    await waitForApp(page);
    await offlineCacheReady(page);
    const named = (paths) => paths.filter((p) => /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|svg)$/.test(p));
    assert.ok(named(site.hits).some((p) => /tools-[0-9a-f]+_bg\.wasm$/.test(p)), 'the first visit cached the tools bundle');
    site.hits.length = 0;
    await page.reload();
    await waitForApp(page);
    await page.click('#nav-dashboard');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    // The page itself is still asked of the network first: that is how a new build is found.
    assert.ok(site.hits.includes('/'), `the page was asked for: ${site.hits.join(' ')}`);
    assert.deepEqual(named(site.hits), [], 'no file named by its content was downloaded again');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('with Save-Data the first visit does not download the tools bundle; opening a tool caches it for offline use', async () => {
  const { context, page, requests } = await recordingPage(browser);
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => ({ saveData: true, effectiveType: '3g' }) });
  });
  await page.goto(server.url);
  await waitForApp(page);
  const cached = () => page.evaluate(async () => (await (await caches.open('audit-readiness-check-v1')).keys()).map((r) => new URL(r.url).pathname));
  const worker = await offlineCacheReady(page);
  assert.match(worker, /\/sw\.js\?save-data$/);
  // The first load is cached for offline use (the worker activates only after caching it)...
  const first = await cached();
  assert.ok(first.some((p) => /audit-readiness-check-[0-9a-f]+_bg\.wasm$/.test(p)), first.join(' '));
  // ...but nothing of the tools bundle was fetched or cached.
  assert.deepEqual(first.filter((p) => /tools-|register-|interview-/.test(p)), []);
  assert.deepEqual(requests.filter((r) => /tools-[0-9a-f]+/.test(r.url)), []);
  // Opening a tool fetches the bundle; the service worker keeps it, so it opens offline later.
  await page.click('#nav-register');
  await page.getByRole('heading', { level: 1, name: 'Roles and accountability register' }).waitFor();
  await page.waitForFunction(async () => {
    const keys = (await (await caches.open('audit-readiness-check-v1')).keys()).map((r) => r.url);
    return ['tools-[0-9a-f]+_bg\\.wasm$', 'tools-[0-9a-f]+\\.js$', 'register-[0-9a-f]+\\.css$'].every((p) => keys.some((u) => new RegExp(p).test(u)));
  }, null, { timeout: 20000 });
  await context.setOffline(true);
  await page.goto(`${server.url}#/`);
  await page.reload();
  await waitForApp(page);
  await page.click('#nav-register');
  await page.getByRole('heading', { level: 1, name: 'Roles and accountability register' }).waitFor();
  await context.setOffline(false);
  await context.close();
});

test('after an update the new tools bundle is cached too, so tools still open offline', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'arc-update-'));
  await cp(DIST, dir, { recursive: true });
  const site = await serveStatic(dir);
  const { context, page } = await recordingPage(browser);
  try {
    await page.goto(site.url);
    await waitForApp(page);
    await offlineCacheReady(page);
    // A new release: the tools bundle gets new names (as a changed build would).
    let html = await readFile(join(dir, 'index.html'), 'utf8');
    for (const file of (await readdir(dir)).filter((f) => /^tools-[0-9a-f]+(\.js|_bg\.wasm)$/.test(f))) {
      const renamed = file.replace(/^tools-[0-9a-f]+/, 'tools-0123456789abcdef');
      await rename(join(dir, file), join(dir, renamed));
      html = html.replaceAll(`./${file}`, `./${renamed}`);
    }
    await writeFile(join(dir, 'index.html'), html);
    // The visitor reloads on a route: the navigation's URL carries '#/area/…', it is still the page.
    await page.evaluate(() => { location.hash = '#/area/c53-preaudit'; });
    await page.reload();
    await waitForApp(page);
    // The service worker caches the new page's files in the background.
    await page.waitForFunction(async () => {
      const cache = await caches.open('audit-readiness-check-v1');
      const keys = (await cache.keys()).map((r) => r.url);
      return keys.some((u) => u.endsWith('tools-0123456789abcdef_bg.wasm')) && !keys.some((u) => /tools-(?!0123456789abcdef)[0-9a-f]+_bg\.wasm$/.test(u));
    }, null, { timeout: 20000 });
    // A file the server no longer has (404) is served from the cache instead of breaking the app.
    const css = (await readdir(dir)).find((f) => /^register-[0-9a-f]+\.css$/.test(f));
    assert.ok(css, "the build has a register stylesheet");
    {
      const body = await page.evaluate(async (path) => { const r = await fetch(path); return [r.status, (await r.text()).length]; }, `./${css}`);
      await rm(join(dir, css));
      const after = await page.evaluate(async (path) => { const r = await fetch(path); return [r.status, (await r.text()).length]; }, `./${css}`);
      assert.deepEqual(after, body, 'a 404 falls back to the cached copy');
    }
    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    await page.click('#nav-register');
    await page.getByRole('heading', { level: 1, name: 'Roles and accountability register' }).waitFor();
  } finally {
    await context.close();
    await site.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a page left open past midnight says it still counts from the day it was opened, and a reload counts from today', async () => {
  // Returning-user pass of stop 49: on the audit day a tab opened the night before still said
  // "The audit is tomorrow", and nothing said the page's day was yesterday's.
  const { context, page, consoleErrors, cspViolations } = await recordingPage(browser, { width: 375, height: 812 });
  const evening = new Date(2026, 11, 6, 23, 58, 0);
  await page.clock.install({ time: evening });
  const state = { schema_version: 1, assessment: { responses: {}, audit_date: '2026-12-07' } };
  await page.goto(server.url);
  await waitForApp(page);
  await page.evaluate(([key, value]) => { localStorage.clear(); localStorage.setItem(key, value); }, [STORAGE_KEY, JSON.stringify(state)]);
  await page.reload();
  await waitForApp(page);
  await page.goto(`${server.url}#/dashboard`);
  await page.waitForSelector('#audit-countdown');
  assert.equal(await page.textContent('#audit-countdown'), 'The audit is tomorrow');
  assert.equal(await page.locator('#day-changed').count(), 0);
  // Three minutes on: past midnight, the page looks at the clock within a minute.
  await page.clock.fastForward('03:00');
  await page.waitForSelector('#day-changed');
  assert.equal(await page.getAttribute('#day-changed', 'role'), 'status');
  assert.match(await page.textContent('#day-changed'), /^The date is now 2026-12-07, but this page still counts from 2026-12-06, the day it was opened: /);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'day-changed-375');
  // A backup made now is named by the moment it is made, day and time from one reading.
  await page.goto(`${server.url}#/export`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-backup')]);
  assert.match(download.suggestedFilename(), /^audit-readiness-backup-2026-12-07-000\d\.json$/);
  await page.goto(`${server.url}#/dashboard`);
  // Dismissed, it stays away for that day; reloading counts from today.
  await page.click('#day-changed-dismiss');
  assert.equal(await page.locator('#day-changed').count(), 0);
  await page.clock.fastForward('02:00');
  assert.equal(await page.locator('#day-changed').count(), 0);
  assert.equal(await page.textContent('#audit-countdown'), 'The audit is tomorrow');
  await page.reload();
  await page.waitForSelector('#audit-countdown');
  await page.waitForFunction(() => document.querySelector('#audit-countdown').textContent === 'The audit is today');
  assert.equal(await page.locator('#day-changed').count(), 0);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(await cspViolations(), []);
  await context.close();
});

test('typing on while another tab opens another assessment does not write into that one', async () => {
  // Consultant pass of stop 49: a note typed for one client went on, after another tab opened
  // another client's assessment, into that client's note.
  const { context, page: first } = await recordingPage(browser);
  const second = await context.newPage();
  await first.goto(server.url);
  await waitForApp(first);
  await first.click('#C53-PRE-05-note-summary');
  await first.fill('#C53-PRE-05-note', 'Acme confidential: ');
  await first.focus('#C53-PRE-05-note');
  await second.goto(server.url + '#/assessments');
  await second.waitForSelector('#create-assessment');
  await second.fill('#new-assessment-name', 'Beta Health');
  await second.click('#create-assessment');
  await first.waitForSelector('#storage-notice');
  // The field no longer has the keys: what is typed next goes nowhere.
  assert.equal(await first.evaluate(() => document.activeElement?.id), 'main');
  await first.keyboard.type('CEO to sign');
  const raw = await first.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
  const notes = JSON.parse(raw).entries.map((e) => [e.name, e.assessment.responses['C53-PRE-05']?.note ?? '']);
  assert.deepEqual(notes.map(([, note]) => note).sort(), ['', 'Acme confidential: '], JSON.stringify(notes));
  assert.equal(await first.evaluate(() => document.querySelector('#C53-PRE-05-note')?.value ?? ''), '');
  await context.close();
});
