// What a screen reader hears, and where the keyboard goes (keyboard pass of stop 34): the new
// view's name, a question's status after an answer, an evidence date's verdict, a RASCI cell's
// problem, a saved file; groups named by their question; a refusal handled next to the button
// that asked, with Escape; and focus drawn inside the scrolling menu, where it is not clipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic, launch, recordingPage, waitForApp, startWith, storedStateAll, axeViolations, isoDaysFromToday } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveStatic(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The text of the element `id` points at (one id). */
// Every element the field names, read together as a screen reader does (empty ones say nothing).
const describedBy = (page, selector) => page.$eval(selector, (el) => el.getAttribute('aria-describedby').split(' ')
  .map((id) => document.getElementById(id)?.textContent.trim()).filter(Boolean).join(' '));

test('changes on the checklist are read out: the view, the answer\'s status, the evidence date', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  // An answer group is named by its question, not only "Your answer".
  assert.equal(await page.getByRole('group', { name: 'Roles are defined in writing Your answer' }).count(), 1);
  // The question's status is a live region: what the answer did is heard.
  assert.equal(await page.getAttribute('#C53-PRE-01-status', 'aria-live'), 'polite');
  await page.check('#C53-PRE-01-partly');
  assert.match(await page.textContent('#C53-PRE-01-status'), /^Partly met: Minor nonconformity/);
  // An evidence date is described by its verdict, which is read out when it changes.
  await page.check('#C53-PRE-01-yes');
  await page.click('#C53-PRE-01-evidence-summary');
  await page.click('#C53-PRE-01-add-evidence');
  // A row just added and still blank prompts, without the warning colour (founder pass).
  assert.equal(await page.getAttribute('#C53-PRE-01-ev0-validity', 'class'), 'validity');
  assert.equal(await page.textContent('#C53-PRE-01-ev0-validity'), 'Say what it is and where it is kept.');
  await page.fill('#C53-PRE-01-ev0-date', '2020-01-15');
  await page.dispatchEvent('#C53-PRE-01-ev0-date', 'change');
  assert.equal(await page.getAttribute('#C53-PRE-01-ev0-validity', 'aria-live'), 'polite');
  // A row holding only a date is no record yet: it says what it needs first.
  assert.equal(await describedBy(page, '#C53-PRE-01-ev0-date'), 'Not described yet: say what it is or where it is kept. Until then it does not count as evidence.');
  assert.equal(await page.getAttribute('#C53-PRE-01-ev0-validity', 'class'), 'validity warn');
  await page.fill('#C53-PRE-01-ev0-what', 'Signed roles document');
  await page.dispatchEvent('#C53-PRE-01-ev0-what', 'change');
  await page.waitForFunction(() => document.getElementById('C53-PRE-01-ev0-validity')?.textContent.startsWith('Expired'));
  assert.match(await describedBy(page, '#C53-PRE-01-ev0-date'), /^Expired on \d{4}-\d{2}-\d{2}: renew it\.$/);
  // A fresh record without its place asks for it (founder pass of stop 44: the hint skipped it).
  await page.fill('#C53-PRE-01-ev0-date', isoDaysFromToday(-10));
  await page.dispatchEvent('#C53-PRE-01-ev0-date', 'change');
  await page.waitForFunction(() => document.getElementById('C53-PRE-01-ev0-validity')?.textContent.startsWith('Say where'));
  assert.equal(await page.textContent('#C53-PRE-01-ev0-validity'), 'Say where it is kept: an auditor will ask to see it.');
  await page.fill('#C53-PRE-01-ev0-where', 'Confluence / ISMS');
  await page.dispatchEvent('#C53-PRE-01-ev0-where', 'change');
  await page.waitForFunction(() => !document.getElementById('C53-PRE-01-ev0-validity')?.textContent.startsWith('Say where'));
  await page.fill('#C53-PRE-01-ev0-date', '2020-01-15');
  await page.dispatchEvent('#C53-PRE-01-ev0-date', 'change');
  // A link in the menu keeps the focus where it is and says where it went.
  await page.focus('#nav-plan');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#plan-title');
  await page.waitForFunction(() => document.getElementById('view-announcer')?.textContent === 'Remediation plan');
  assert.equal(await page.getAttribute('#view-announcer', 'aria-live'), 'polite');
  // The focus ring is drawn inside the link: the scrolling menu clips one drawn outside it.
  await page.focus('#nav-register');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return { id: document.activeElement.id, offset: style.outlineOffset, width: style.outlineWidth };
  });
  assert.deepEqual(ring, { id: 'nav-register', offset: '-3px', width: '3px' });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('the register reads out a RASCI cell\'s problem and its letters as words; a refusal is answered where it was asked', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await startWith(page, server.url, storedStateAll('yes'));
  await page.click('#nav-register');
  await page.waitForSelector('#raci-matrix');
  const cell = '#raci-conformance-top-management';
  assert.equal(await page.getAttribute(cell, 'aria-describedby'), 'raci-conformance-status');
  const words = await page.$$eval(`${cell} option`, (os) => os.map((o) => o.getAttribute('aria-label')));
  assert.deepEqual(words, ['None', 'Responsible', 'Accountable', 'Supportive', 'Consulted', 'Informed']);
  await page.selectOption(cell, 'a');
  assert.match(await describedBy(page, cell), /2 roles are accountable/);
  // Read out as it changes (accessibility pass: only the description held it).
  assert.equal(await page.getAttribute('#raci-conformance-status', 'aria-live'), 'polite');
  // Cara still holds roles: her removal is refused, and its choices come next after the button.
  await page.focus('#person-p3-remove');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#person-p3-refusal');
  // The alert is the reason alone, its choices outside it (accessibility pass).
  assert.equal(await page.locator('#person-p3-refusal [role="alert"] button').count(), 0);
  assert.match(await page.textContent('#person-p3-refusal [role="alert"]'), /Cara Mendes/);
  // Escape on the button that asked keeps her as well.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#person-p3-refusal'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'person-p3-remove');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#person-p3-refusal');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'person-p3-keep');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'person-p3-remove-all');
  // Escape keeps her, and the focus goes back to the button that asked.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.id === 'person-p3-remove');
  assert.equal(await page.locator('#person-p3-refusal').count(), 0);
  assert.equal(await page.locator('#person-p3').count(), 1);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a saved export is said, and a refused passphrase marks its field', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await startWith(page, server.url, storedStateAll('partly'));
  await page.click('#nav-export');
  await page.waitForSelector('#export-markdown');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-markdown')]);
  assert.equal(await page.getAttribute('#export-saved', 'role'), 'status');
  assert.equal(await page.textContent('#export-saved'), `Saved “${download.suggestedFilename()}” to your downloads.`);
  // Said under the button that made it: the backup's own line, the report's line cleared.
  const [backup] = await Promise.all([page.waitForEvent('download'), page.click('#export-backup')]);
  assert.equal(await page.textContent('#backup-saved'), `Saved “${backup.suggestedFilename()}” to your downloads.`);
  assert.equal(await page.textContent('#export-saved'), '');
  await page.fill('#backup-passphrase', 'short');
  await page.press('#backup-passphrase', 'Enter');
  assert.equal(await page.getAttribute('#backup-passphrase', 'aria-invalid'), 'true');
  assert.equal(await describedBy(page, '#backup-passphrase'), 'Use a passphrase of at least 10 characters.');
  await page.type('#backup-passphrase', 'x');
  assert.equal(await page.getAttribute('#backup-passphrase', 'aria-invalid'), null);
  // From the button, the refusal takes the focus to the field (keyboard pass of stop 50).
  await page.fill('#backup-passphrase', '');
  await page.focus('#export-encrypted');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'backup-passphrase');
  assert.equal(await page.getAttribute('#backup-passphrase', 'aria-invalid'), 'true');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
