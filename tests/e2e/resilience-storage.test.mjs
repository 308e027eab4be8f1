// Storage that never loses an answer when saving fails: blocked storage and a full quota are
// reported with the answers kept in the tab (and offered as a file), and a panic shows the error
// screen with the saved answers surviving, or the unsaved ones offered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  serveStatic, launch, recordingPage, waitForApp, STORAGE_KEY, screenshot, storedAssessment, activeOf, weightOf, areaPercent,
  axeViolations, startWith, storedStateAll,
} from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveStatic(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('blocked storage: the app works for the session and says answers will not be kept', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await page.goto(server.url);
  await waitForApp(page);
  assert.match(await page.textContent('#storage-notice'), /will not be kept/);
  // The header does not promise what the warning denies (founder pass).
  assert.match(await page.textContent('#saved-note'), /^Answers are not being saved in this browser right now/);
  await page.check('#C53-PRE-01-yes');
  // 06 is derived from interviews, not a question.
  assert.equal(await page.textContent('#progress-c53-preaudit'), `1/7 · ${areaPercent('c53-preaudit', weightOf('C53-PRE-01'))} % ready`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-current')]);
  // Every assessment, as a full backup the import accepts.
  const saved = activeOf(await readFile(await download.path(), 'utf8'));
  assert.equal(saved.responses['C53-PRE-01'].answer, 'yes');
  // Opening a tool loads the tools bundle, which takes over the answers held only in this tab.
  await page.click('#nav-plan');
  await page.waitForSelector('#tools-loading', { state: 'detached' });
  await page.getByRole('heading', { level: 1, name: /Remediation plan/ }).waitFor();
  assert.match(await page.textContent('#storage-notice'), /will not be kept/);
  assert.match(await page.textContent('#saved-note'), /^Answers are not being saved/);
  await page.click('a[href="#/area/c53-preaudit"]');
  assert.equal(await page.isChecked('#C53-PRE-01-yes'), true, 'the unsaved answer survived the hand-over');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

/** Saving the app's key fails with a DOMException named `name` while `window.__saveFails` is true. */
async function saveFailsOnDemand(page, name, message) {
  await page.addInitScript(([key, name, message]) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key && window.__saveFails) throw new DOMException(message, name);
      return setItem.call(this, k, v);
    };
  }, [STORAGE_KEY, name, message]);
}

/** Saving the app's key fails with QuotaExceededError while `window.__saveFails` is true. */
const quotaFullOnDemand = (page) => saveFailsOnDemand(page, 'QuotaExceededError', 'The quota has been exceeded.');

test('a save the browser blocks (not a full quota) is said as a refusal, with no advice to free storage', async () => {
  // Copy pass of stop 51: "SecurityError: blocked" was followed by "free some browser storage".
  const { context, page, consoleErrors } = await recordingPage(browser);
  await saveFailsOnDemand(page, 'SecurityError', 'blocked');
  await page.goto(server.url);
  await waitForApp(page);
  await page.evaluate(() => { window.__saveFails = true; });
  await page.check('#C53-PRE-01-yes');
  const notice = await page.textContent('#storage-notice');
  assert.match(notice, /^Your latest change was not savedThe browser refused to store it \(SecurityError: blocked\)\. /);
  assert.match(notice, /download them below so none are lost, check that the browser lets this site store data, then choose “Save again”\./);
  assert.doesNotMatch(notice, /free some/);
  assert.equal(await page.isVisible('#download-current'), true);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a value in an older format that a full store cannot copy aside is said as a full store, and kept', async () => {
  // Data-safety pass of stop 52: with the store full, the older value's copy failed and the
  // notice advised checking that the browser lets the site store data, not freeing space.
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  });
  const older = storedStateAll('partly');
  await startWith(page, server.url, older);
  await page.evaluate(() => { window.__full = true; });
  await page.check('#C53-PRE-01-yes');
  const notice = await page.textContent('#storage-notice');
  assert.match(notice, /The browser's storage space for this site is full, so the answers saved before could not be copied aside first, and nothing was written over them\./);
  // No copies kept aside to delete: none offered (copy pass of stop 52).
  assert.doesNotMatch(notice, /copies the app kept aside/);
  assert.match(notice, /free some browser storage for this site/);
  assert.doesNotMatch(notice, /check that the browser lets this site store data/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), older, 'the older value is untouched');
  // Space freed, "Save again" copies it aside first, then saves.
  await page.evaluate(() => { window.__full = false; });
  await page.click('#save-again');
  await page.locator('#storage-notice').waitFor({ state: 'detached' });
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('audit-readiness-check/backup/')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, [older]);
  assert.equal((await storedAssessment(page)).responses['C53-PRE-01'].answer, 'yes');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a full quota is reported, the answers stay in the tab and can be downloaded', async () => {
  const { context, page } = await recordingPage(browser);
  await quotaFullOnDemand(page);
  await page.goto(server.url);
  await waitForApp(page);
  await page.check('#C53-PRE-01-yes');
  await page.evaluate(() => { window.__saveFails = true; });
  await page.check('#C53-PRE-02-yes');
  const notice = await page.textContent('#storage-notice');
  assert.match(notice, /not saved/);
  assert.match(notice, /storage space for this site is full/);
  assert.match(await page.textContent('#saved-note'), /^Answers are not being saved/);
  // Far down the page, the warning is still in sight.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const box = await page.$eval('#storage-notice', (n) => n.getBoundingClientRect().toJSON());
  assert.ok(box.top >= 0 && box.bottom <= 900, `the warning is out of sight: ${JSON.stringify(box)}`);
  await screenshot(page, 'quota-full');
  assert.equal(await page.isChecked('#C53-PRE-02-yes'), true, 'the answer stays on screen');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-current')]);
  const saved = activeOf(await readFile(await download.path(), 'utf8'));
  assert.equal(saved.responses['C53-PRE-02'].answer, 'yes');
  // Opening a tool hands the answers over to the tools bundle: still unsaved, still said.
  await page.click('#nav-dashboard');
  await page.waitForSelector('#dashboard-title');
  assert.match(await page.textContent('#storage-notice'), /not saved/);
  // Still full, "Save again" says so again; space freed, it saves everything and the warning goes.
  assert.match(await page.textContent('#storage-notice'), /then choose “Save again”\./);
  await page.click('#save-again');
  assert.match(await page.textContent('#storage-notice'), /not saved/);
  await page.evaluate(() => { window.__saveFails = false; });
  await page.click('#save-again');
  await page.locator('#storage-notice').waitFor({ state: 'detached' });
  assert.equal((await storedAssessment(page)).responses['C53-PRE-02'].answer, 'yes');
  // The next change saves too.
  await page.click('a[href="#/area/c53-preaudit"]');
  await page.check('#C53-PRE-03-yes');
  assert.equal(await page.locator('#storage-notice').count(), 0);
  assert.match(await page.textContent('#saved-note'), /Every answer is saved in this browser as you go/);
  const stored = { assessment: await storedAssessment(page) };
  assert.equal(stored.assessment.responses['C53-PRE-02'].answer, 'yes');
  await context.close();
});

test('a tab holding answers it could not save keeps them when another tab saves, and stops saving over either', async () => {
  // Data-safety pass of stop 45: this tab followed the other tab's save and dropped its own
  // unsaved answers, while its warning still said they were here.
  const { context, page: full } = await recordingPage(browser);
  await quotaFullOnDemand(full);
  const other = await context.newPage();
  await full.goto(server.url);
  await waitForApp(full);
  await other.goto(server.url);
  await waitForApp(other);
  await full.check('#C53-PRE-01-yes');
  await full.evaluate(() => { window.__saveFails = true; });
  await full.check('#C53-PRE-02-no');
  await full.waitForSelector('#storage-notice');
  await other.check('#C53-PRE-03-yes');
  await full.waitForFunction(() => /Another tab saved while this one could not/.test(document.querySelector('#storage-notice')?.textContent ?? ''));
  assert.equal(await full.isChecked('#C53-PRE-02-no'), true, 'the unsaved answer is still here');
  assert.equal(await full.isChecked('#C53-PRE-03-yes'), false, 'the other tab\'s answer was not taken over it');
  assert.match(await full.textContent('#storage-notice'), /stopped saving: download your answers below, import the file in the other tab/);
  assert.match(await full.textContent('#saved-note'), /^Answers are not being saved/);
  // Space freed: nothing from this tab writes over the other tab's save any more.
  await full.evaluate(() => { window.__saveFails = false; });
  await full.check('#C53-PRE-04-yes');
  const stored = await storedAssessment(other);
  assert.equal(stored.responses['C53-PRE-03'].answer, 'yes');
  assert.equal(stored.responses['C53-PRE-04'], undefined);
  // The download holds this tab's answers, ready to import in the other tab.
  const [download] = await Promise.all([full.waitForEvent('download'), full.click('#download-current')]);
  const saved = activeOf(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(['C53-PRE-01', 'C53-PRE-02', 'C53-PRE-04'].map((id) => saved.responses[id].answer), ['yes', 'no', 'yes']);
  await context.close();
});

test('leaving the page asks first while answers are held only in the tab', async () => {
  // Data-safety pass of stop 45: a reload with saves failing lost the answers without a word.
  const { context, page } = await recordingPage(browser);
  await quotaFullOnDemand(page);
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.type()); dialog.accept(); });
  await page.goto(server.url);
  await waitForApp(page);
  await page.check('#C53-PRE-01-yes');
  await page.reload();
  await waitForApp(page);
  assert.deepEqual(dialogs, [], 'saved answers: nothing to ask');
  await page.evaluate(() => { window.__saveFails = true; });
  await page.check('#C53-PRE-02-no');
  await page.waitForSelector('#storage-notice');
  await page.reload();
  await waitForApp(page);
  assert.deepEqual(dialogs, ['beforeunload']);
  assert.equal(await page.isChecked('#C53-PRE-01-yes'), true);
  await context.close();
});

test('with the quota full, opening a tool keeps the warning, and the download holds every assessment', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await quotaFullOnDemand(page);
  await page.goto(server.url + '#/assessments');
  await page.waitForSelector('#assessment-a1-duplicate');
  await page.click('#assessment-a1-duplicate');
  await page.click('#assessment-a1-open');
  await page.evaluate(() => { window.__saveFails = true; });
  await page.click('a[href="#/area/c53-preaudit"]');
  await page.check('#C53-PRE-08-yes');
  await page.waitForSelector('#storage-notice');
  // Another assessment opened: the unsaved answer is in an assessment no longer on screen.
  await page.click('#nav-assessments');
  await page.click('#assessment-a2-open');
  await page.click('#nav-dashboard');
  await page.waitForSelector('#dashboard-title');
  assert.match(await page.textContent('#storage-notice'), /not saved/, 'still unsaved, still said');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-current')]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(saved.schema_version, 2);
  assert.deepEqual(saved.entries.map((e) => e.id), ['a1', 'a2']);
  assert.equal(saved.entries[0].assessment.responses['C53-PRE-08'].answer, 'yes');
  assert.deepEqual(consoleErrors.filter((e) => !/quota/i.test(e)), []);
  await context.close();
});

test('a panic in the release build shows the error screen; the saved answers survive and come back on reload', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await page.check('#C53-PRE-01-partly');
  const saved = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  // The next start-up is denied the page body once, when the wasm app asks for it to mount:
  // the app's own `expect` panics, as any unexpected internal error would.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('panic-once')) return;
    const body = Object.getOwnPropertyDescriptor(Document.prototype, 'body');
    Object.defineProperty(Document.prototype, 'body', {
      configurable: true,
      get() {
        if (!sessionStorage.getItem('panic-once') && /wasm/.test(new Error().stack)) {
          sessionStorage.setItem('panic-once', '1');
          return null;
        }
        return body.get.call(this);
      },
    });
  });
  await page.reload();
  await page.waitForSelector('main.crash [role="alert"]');
  assert.equal(await page.textContent('main.crash h1'), 'Something went wrong');
  // Still a page with one main landmark, the alert inside it.
  assert.deepEqual(await axeViolations(page), []);
  assert.ok(consoleErrors.some((e) => e.includes('a body')), `the panic message is logged: ${consoleErrors}`);
  await screenshot(page, 'panic-screen');
  // The answers are offered as a file, exactly as stored, and storage was not touched.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#crash-export')]);
  assert.equal(await readFile(await download.path(), 'utf8'), saved);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), saved);
  // "Reload the app" starts it again, with the answer.
  await page.click('#crash-reload');
  await waitForApp(page);
  assert.equal(await page.isChecked('#C53-PRE-01-partly'), true);
  await context.close();
});

test('a panic while saves are failing offers the answers held in the tab, and says they were not saved', async () => {
  // Data-safety pass of stop 45: the error screen said "Your saved answers are safe" and its
  // download left out every answer the full storage had refused.
  const { context, page } = await recordingPage(browser);
  await quotaFullOnDemand(page);
  await page.addInitScript(() => {
    const body = Object.getOwnPropertyDescriptor(Document.prototype, 'body');
    Object.defineProperty(Document.prototype, 'body', {
      configurable: true,
      get() {
        if (window.__denyBody && /wasm/.test(new Error().stack)) { window.__denyBody = false; return null; }
        return body.get.call(this);
      },
    });
  });
  await page.goto(server.url);
  await waitForApp(page);
  await page.check('#C53-PRE-01-yes');
  await page.evaluate(() => { window.__saveFails = true; });
  await page.check('#C53-PRE-02-no');
  await page.waitForSelector('#storage-notice');
  // Opening a tool mounts the tools bundle, which is denied the page body once: it panics.
  await page.evaluate(() => { window.__denyBody = true; });
  await page.click('#nav-plan');
  await page.waitForSelector('main.crash [role="alert"]');
  assert.match(await page.textContent('main.crash [role="alert"]'), /Your latest changes could not be saved in this browser: download them before you reload\./);
  assert.equal((await page.textContent('#crash-export')).trim(), 'Download your answers');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#crash-export')]);
  const offered = activeOf(await readFile(await download.path(), 'utf8'));
  assert.equal(offered.responses['C53-PRE-02'].answer, 'no', 'the answer storage refused is in the file');
  assert.equal(offered.responses['C53-PRE-01'].answer, 'yes');
  await context.close();
});
