// The release build ships its stylesheets and scripts minified (scripts/minify.py, issue #9): the
// browser must read each built stylesheet as exactly the rules written in style/, and the page
// must accept every file Trunk linked with an integrity hash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic, launch, recordingPage, waitForApp, ROOT, DIST } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveStatic(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('each minified stylesheet is read as the same rules as its source, without the comments', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  const built = await readdir(DIST);
  for (const name of ['main', 'register', 'interview']) {
    const source = await readFile(join(ROOT, 'style', `${name}.css`), 'utf8');
    const file = built.find((f) => new RegExp(`^${name}-[0-9a-f]+\\.css$`).test(f));
    const shipped = await readFile(join(DIST, file), 'utf8');
    assert.ok(shipped.length < source.length * 0.85, `${file} is minified: ${shipped.length} of ${source.length} bytes`);
    assert.ok(!shipped.includes('/*'), `${file} carries no comments`);
    const rules = (css) => page.evaluate((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      // A value with var() keeps its own spacing when read back: only a comma's differs.
      return [...sheet.cssRules].map((r) => r.cssText.replace(/\s*,\s*/g, ','));
    }, css);
    const [expected, actual] = [await rules(source), await rules(shipped)];
    assert.ok(expected.length > 20, `${name}.css parsed: ${expected.length} rules`);
    assert.deepEqual(actual, expected, `${name}.css reads the same once minified`);
  }
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('the minified scripts load: the app starts, and a tool opens, with no file refused', async () => {
  const { context, page, consoleErrors, cspViolations } = await recordingPage(browser);
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.goto(server.url);
  await waitForApp(page);
  await page.check('#C53-PRE-03-yes');
  await page.click('#nav-dashboard');
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  const glue = (await readdir(DIST)).filter((f) => f.endsWith('.js') && f !== 'sw.js');
  for (const file of glue) {
    const text = await readFile(join(DIST, file), 'utf8');
    assert.ok(text.split('\n').length < 5, `${file} is minified (${text.split('\n').length} lines)`);
  }
  assert.deepEqual(failed, []);
  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
