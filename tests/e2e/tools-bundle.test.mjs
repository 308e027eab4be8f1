// The first visit loads only what answering needs; the tools bundle is fetched once, when a tool
// is first opened, and takes over the page with the same answers, route and keyboard focus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic, launch, recordingPage, waitForApp, foreignOrNonGet, axeViolations } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveStatic(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const toolsRequests = (requests) => requests.filter((r) => /\/tools-[0-9a-f]+(_bg\.wasm|\.js)$/.test(r.url));
const toolsStyles = (requests) => requests.filter((r) => /\/(register|interview)-[0-9a-f]+\.css$/.test(r.url));

test('the first visit answers without the tools bundle; opening a tool hands over once', async () => {
  const { context, page, requests, consoleErrors, cspViolations } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await page.check('#C53-PRE-03-yes');
  const percent = await page.textContent('#readiness-percent');
  assert.deepEqual(toolsRequests(requests), [], 'no tools bundle on the first load');
  assert.deepEqual(toolsStyles(requests), [], 'nor its stylesheets');

  await page.click('#nav-dashboard');
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  assert.equal(toolsRequests(requests).length, 2, 'its script and wasm, once');
  assert.equal(toolsStyles(requests).length, 2, 'and its two stylesheets');
  // Focus stays on the link used, as it does on every later link (founder pass of stop 43: the
  // first one put it on the main region, the next ones left it on the link).
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'nav-dashboard', 'focus back on the link used');
  assert.equal(await page.textContent('#readiness-percent'), percent, 'same answers, same score');
  assert.equal(await page.locator('.app-header').count(), 1, 'the first-load app unmounted itself');

  // From here on every view is served by the tools bundle: no further downloads.
  await page.click('#nav-export');
  await page.getByRole('heading', { level: 1, name: 'Export and share' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'nav-export', 'and on a later link the same');
  await page.click('a[href="#/area/c53-preaudit"]');
  assert.equal(await page.isChecked('#C53-PRE-03-yes'), true);
  await page.check('#C53-PRE-04-no');
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.isChecked('#C53-PRE-04-no'), true, 'an answer given after the hand-over is saved');
  assert.equal(toolsRequests(requests).length, 2);
  assert.deepEqual(foreignOrNonGet(requests, server.origin), []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(await cspViolations(), []);
  await context.close();
});

test('a deep link to a tool opens it straight away', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(`${server.url}#/interviews`);
  await page.getByRole('heading', { level: 1, name: /Interview preparation/ }).waitFor();
  assert.equal(await page.locator('#tools-loading').count(), 0);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('going back to the questions while the tools load does not interrupt the visitor', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser, { serviceWorkers: 'block' });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/tools-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  await waitForApp(page);
  await page.click('#nav-plan');
  await page.waitForSelector('#tools-loading');
  assert.deepEqual(await axeViolations(page), [], 'the loading panel is accessible');
  await page.click('a[href="#/area/c53-preaudit"]');
  await page.click('#C53-PRE-04-note-summary');
  await page.click('#C53-PRE-04-note');
  await page.keyboard.type('Ask the board');
  release();
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'C53-PRE-04-note', 'still typing where they were');
  await page.keyboard.type(' secretary');
  assert.equal(await page.inputValue('#C53-PRE-04-note'), 'Ask the board secretary');
  // Opening a tool again loads the bundle again and hands over, with the note.
  await page.click('#nav-plan');
  await page.getByRole('heading', { level: 1, name: /Remediation plan/ }).waitFor();
  await page.click('a[href="#/area/c53-preaudit"]');
  assert.equal(await page.inputValue('#C53-PRE-04-note'), 'Ask the board secretary');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a tools bundle that cannot be fetched is reported and the questions keep working', async () => {
  // Service workers blocked, so that the route below sees the page's own request.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(/\/tools-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(server.url);
  await waitForApp(page);
  await page.click('#nav-register');
  await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).waitFor();
  // It names the likely causes in plain words before the browser's (data-safety pass of stop 48).
  assert.match(await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).textContent(),
    /^The tools could not be loaded: the connection may have dropped, or a newer version of the app was installed \(in another tab, for example\) since this page opened\. Your answers are kept\. Detail: /);
  // "Reload to try again" reloads the tool's page, not the start page; with the bundle back it opens.
  await page.unroute(/\/tools-[0-9a-f]+_bg\.wasm$/);
  await page.click('#tools-reload');
  await page.getByRole('heading', { level: 1, name: 'Roles and accountability register' }).waitFor();
  assert.match(page.url(), /#\/register$/);
  await page.route(/\/tools-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).waitFor();
  await page.click('a[href="#/area/c53-preaudit"]');
  await page.check('#C53-PRE-02-yes');
  assert.equal(await page.isChecked('#C53-PRE-02-yes'), true);
  await context.close();
});
