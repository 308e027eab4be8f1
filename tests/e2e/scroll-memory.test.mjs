// A reload comes back where the page was (phone pass: a reload of a long section came back at its
// top, because the browser restores the scroll position before the app has rendered its view).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic, launch, recordingPage, startWith, storedStateAll } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveStatic(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const scrollY = (page) => page.evaluate(() => Math.round(window.scrollY));

/** Opens `route` with every question answered "no" (long pages) and scrolls down to `y`. */
async function scrolledTo(route, y, width) {
  const { context, page, consoleErrors } = await recordingPage(browser, { width, height: 800 });
  await startWith(page, server.url, storedStateAll('no'));
  await page.goto(server.url + route);
  await page.waitForFunction((want) => document.documentElement.scrollHeight - innerHeight >= want, y);
  await page.evaluate((to) => window.scrollTo(0, to), y);
  assert.equal(await scrollY(page), y);
  return { context, page, consoleErrors };
}

async function reloaded(page) {
  await page.reload();
  await page.waitForSelector('html[data-app-ready]', { state: 'attached' });
}

for (const [route, width] of [['#/area/c51-leadership', 375], ['#/area/c53-roles', 1280], ['#/plan', 1280], ['#/dashboard', 375]]) {
  test(`a reload of ${route} at ${width} px comes back to the same place`, async () => {
    const { context, page, consoleErrors } = await scrolledTo(route, 1500, width);
    await reloaded(page);
    // A tool's view renders once its bundle has loaded: the position waits for the page to be long enough.
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
    assert.equal(await scrollY(page), 1500);
    assert.equal(new URL(page.url()).hash, route);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
}

test('the position belongs to its route: another view opened later starts at its top, a question at the question', async () => {
  const { context, page } = await scrolledTo('#/area/c51-leadership', 1500, 1280);
  // Leaving the page (not a change of route within it) keeps the position; the next visit opens another view.
  await page.goto('about:blank');
  await page.goto(server.url + '#/plan');
  await page.waitForSelector('#plan-title');
  await page.waitForTimeout(300);
  assert.equal(await scrollY(page), 0, 'the plan starts at its top');
  // A question's link brings the question into view on a reload, not where the page was left.
  await page.goto(server.url + '#/item/C51-BP-06');
  await page.waitForFunction(() => document.activeElement?.id === 'C51-BP-06');
  await page.evaluate(() => window.scrollTo(0, 0));
  await reloaded(page);
  await page.waitForFunction(() => document.activeElement?.id === 'C51-BP-06');
  await page.waitForTimeout(300);
  const top = await page.evaluate(() => Math.round(document.getElementById('C51-BP-06').getBoundingClientRect().top));
  assert.ok(top >= 0 && top < 100, `the question is at the top of the screen (${top} px)`);
  await context.close();
});
