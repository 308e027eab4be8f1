// `make dist` output works from a sub-path of a static host (relative asset URLs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic, launch, recordingPage, waitForApp, weightOf, areaPercent } from './harness.mjs';

test('the release build runs under /team/readiness/', async () => {
  const server = await serveStatic(undefined, '/team/readiness/');
  const browser = await launch();
  try {
    const { page, requests, consoleErrors } = await recordingPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    await page.check('#C53-PRE-08-yes');
    // 06 is derived from interviews, not a question.
    assert.equal(await page.textContent('#progress-c53-preaudit'), `1/7 · ${areaPercent('c53-preaudit', weightOf('C53-PRE-08'))} % ready`);
    await page.click('#nav-dashboard');
    await page.waitForSelector('#why-list');
    assert.ok(page.url().startsWith(server.url), 'navigation stays under the sub-path');
    const outside = requests.filter((r) => !r.url.startsWith(server.url) && !r.url.startsWith('blob:'));
    assert.deepEqual(outside, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
