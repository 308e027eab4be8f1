// A keyboard-only journey: skip link first, visible focus everywhere, radios answerable with the
// arrow keys, and no keyboard trap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic, launch, recordingPage, waitForApp } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveStatic(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return { id: el.id, tag: el.tagName, text: el.textContent.trim().slice(0, 40), outline: style.outlineStyle, outlineWidth: style.outlineWidth };
});

test('the checklist can be answered with the keyboard alone, with focus always visible', async () => {
  const { context, page } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);

  await page.keyboard.press('Tab');
  const skip = await focused(page);
  assert.match(skip.text, /Skip to the main content/);
  assert.notEqual(skip.outline, 'none');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'main');
  assert.equal(new URL(page.url()).hash, '', 'the skip link does not change the route');

  let reached = null;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    assert.notEqual(f.outline, 'none', `no visible focus on ${f.tag}#${f.id} "${f.text}"`);
    if (f.id.startsWith('C53-PRE-01-')) reached = f.id;
  }
  assert.equal(reached, 'C53-PRE-01-yes', 'the first answer is reachable by Tab');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.isChecked('#C53-PRE-01-partly'), true);
  assert.equal(await page.textContent('#progress-c53-preaudit'), '1/7 · 8 % ready'); // partly on a major: 1.5 of 18 points; 06 is derived, not a question

  // No trap: Tab keeps moving through the whole page and comes back round.
  const seen = new Set();
  let previous = null;
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    const key = `${f.tag}#${f.id}:${f.text}`;
    assert.notEqual(key, previous, `focus stuck on ${key}`);
    previous = key;
    seen.add(key);
  }
  assert.ok(seen.size > 30, `only ${seen.size} distinct stops`);
  assert.ok([...seen].some((k) => k.includes('Skip to the main content')), 'Tab comes back round to the start');
  await context.close();
});

test('after browser Back replaces the view that held focus, focus lands on the main region, not the page top', async () => {
  const { context, page } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await page.click('#nav-dashboard');
  // Follow a link inside the dashboard to an area, and answer there from the keyboard.
  await page.click('#main a[href="#/area/c53-preaudit"]');
  await page.waitForSelector('#C53-PRE-01-yes');
  await page.focus('#C53-PRE-01-yes');
  await page.keyboard.press('Space');
  assert.equal(await page.isChecked('#C53-PRE-01-yes'), true);

  await page.goBack();
  await page.waitForSelector('#main h1:has-text("Dashboard")');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  // The next Tab continues inside the page's content, not at the skip link.
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement.closest('#main') !== null);
  assert.equal(next, true, 'Tab after Back starts inside the main region');
  await context.close();
});

test('a link to another view opens it at its top, wherever the old view was scrolled', async () => {
  const { context, page } = await recordingPage(browser, { width: 375, height: 740 });
  await page.goto(`${server.url}#/area/c53-register`);
  await page.waitForSelector('html[data-app-ready]', { state: 'attached' });
  // The last link to the register, far down the register checks' page.
  const link = page.locator('#main a[href="#/register"]').last();
  await link.scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => window.scrollY) > 500, 'the link is well down the page');
  await link.click();
  await page.waitForSelector('#register-title');
  await page.waitForFunction(() => window.scrollY === 0);
  const top = await page.evaluate(() => document.querySelector('#register-title').getBoundingClientRect().top);
  assert.ok(top >= 0, `the heading is in sight (top ${top})`);
  // The same on the way back to an area, by a link in the tool.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.click('#nav-dashboard');
  await page.waitForSelector('#main h1:has-text("Dashboard")');
  await page.waitForFunction(() => window.scrollY === 0);
  await context.close();
});


test("a date field keeps the app's focus ring while its calendar button has the focus", async () => {
  // Keyboard pass of stop 45: Tab past the year lands on the calendar button, and only the
  // browser's faint 1 px ring showed where the focus was.
  const { context, page } = await recordingPage(browser);
  await page.goto(server.url + '#/dashboard');
  await page.waitForSelector('#audit-date');
  await page.focus('#audit-date');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const field = document.activeElement;
    const style = getComputedStyle(field);
    return { id: field.id, focus: field.matches(':focus'), style: style.outlineStyle, width: style.outlineWidth };
  });
  assert.deepEqual(ring, { id: 'audit-date', focus: false, style: 'solid', width: '3px' }, 'the calendar button, inside the field, has the focus');
  await context.close();
});

test('removing an evidence record says so, and its button names the question', async () => {
  // Keyboard pass of stop 45: the row moving up into the removed one's place was read out, and
  // nothing said a record had gone; every card's buttons had the same names.
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await page.click('#C53-PRE-01-evidence-summary');
  await page.click('#C53-PRE-01-add-evidence');
  await page.fill('#C53-PRE-01-ev0-what', 'Signed role descriptions');
  await page.click('#C53-PRE-01-add-evidence');
  const title = (await page.textContent('#C53-PRE-01-title')).trim();
  const button = page.locator('#C53-PRE-01 .evidence-row').first().locator('button');
  assert.equal((await button.textContent()).trim(), `Remove evidence 1 of “${title}”`);
  assert.equal(await page.getAttribute('#C53-PRE-01-evidence-status', 'aria-live'), 'polite');
  await button.click();
  assert.equal(await page.textContent('#C53-PRE-01-evidence-status'), 'Removed evidence 1 (“Signed role descriptions”).');
  assert.equal(await page.locator('#C53-PRE-01 .evidence-row').count(), 1);
  await page.waitForFunction(() => document.activeElement?.id === 'C53-PRE-01-add-evidence');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a word typed straight after Enter on "Add evidence record" lands whole in the new record', async () => {
  // Keyboard pass of stop 50: the focus reached the new field a frame later (8–33 ms), and the
  // keys typed in between went to the button: "mail to all staff" was saved.
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await page.click('#C53-PRE-01-evidence-summary');
  for (let index = 0; index < 3; index += 1) {
    await page.focus('#C53-PRE-01-add-evidence');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Email to all staff');
    assert.equal(await page.inputValue(`#C53-PRE-01-ev${index}-what`), 'Email to all staff', `record ${index + 1}`);
  }
  // The focus is there before the next key can be handled: within the task of the press (its
  // microtasks), not a frame later.
  for (let index = 3; index < 6; index += 1) {
    const focused = await page.evaluate(async () => {
      document.querySelector('#C53-PRE-01-add-evidence').click();
      for (let i = 0; i < 3; i += 1) await Promise.resolve();
      return document.activeElement.id;
    });
    assert.equal(focused, `C53-PRE-01-ev${index}-what`);
  }
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
