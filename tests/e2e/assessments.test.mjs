// Several named assessments: a version 1 value is migrated, new ones are created, renamed,
// duplicated, deleted with undo, switched between, and compared.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic, launch, recordingPage, waitForApp, axeViolations, STORAGE_KEY, screenshot, storedAssessment, CONTENT, isoDaysFromToday, startWith, storedStateAll } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveStatic(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const stored = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), STORAGE_KEY);
const backupKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('audit-readiness-check/backup/')));

test('a deleted assessment is kept aside and comes back from Export and share, after the page is left and reloaded', async () => {
  // Founder pass: Undo went with the page, and so did weeks of answers.
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await page.check('#C53-PRE-01-partly');
  await page.goto(server.url + '#/assessments');
  await page.click('#assessment-a1-duplicate');
  await page.fill('#assessment-a2-name', 'Weeks of work');
  await page.press('#assessment-a2-name', 'Tab');
  await page.click('#assessment-a2-delete');
  await page.waitForSelector('#assessment-a2', { state: 'detached' });
  assert.match(await page.textContent('#deleted-notice'), /A copy is kept under Export and share, in “Copies kept aside”, until you delete it there\. Undo deleting “Weeks of work”$/);
  // Read out from a live region there from the start; the button says what it undoes (keyboard pass of stop 45).
  assert.equal(await page.getAttribute('#deleted-region', 'role'), 'status');
  // The live region is the notice alone: its button is beside it (accessibility pass).
  assert.equal(await page.locator('#deleted-region button').count(), 0);
  assert.match(await page.textContent('#deleted-region'), /until you delete it there\.$/);
  // The page left, then reloaded: Undo is gone, the copy is not.
  await page.goto(server.url + '#/dashboard');
  await page.goto(server.url);
  await page.reload();
  await waitForApp(page);
  await page.click('#nav-export');
  const [key] = await backupKeys(page);
  const id = key.replace('audit-readiness-check/backup/', '');
  await page.waitForSelector(`#kept-${id}`);
  assert.match(await page.textContent(`#kept-${id}`), /^Kept on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d: \d+ KB, holding “Weeks of work”/);
  // On a phone its three buttons share one row under the label (founder pass: the third wrapped alone).
  await page.setViewportSize({ width: 375, height: 812 });
  const rows = await page.$$eval(`#kept-${id} button`, (all) => all.map((b) => Math.round(b.getBoundingClientRect().top)));
  assert.equal(rows.length, 3);
  assert.equal(new Set(rows).size, 1, `buttons at ${rows}`);
  await page.setViewportSize({ width: 1280, height: 900 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#kept-${id}-download`)]);
  assert.match(download.suggestedFilename(), /^audit-readiness-kept-.*\.json$/);
  // Added back in one step, and the copy goes (founder pass: a download, then a restore offered
  // first as a merge, and the copy stayed listed).
  await page.click(`#kept-${id}-add-back`);
  assert.match(await page.textContent('#kept-status'), /^Added “Weeks of work \(from backup\)” to Assessments; the copy kept on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d is deleted\./);
  await page.waitForFunction(() => document.activeElement?.id === 'kept-status');
  assert.deepEqual(await backupKeys(page), [], 'the copy kept aside is gone');
  assert.equal(await page.locator(`#kept-${id}`).count(), 0);
  await page.click('#nav-assessments');
  await page.waitForSelector('.assessment');
  const names = await page.$$eval('.assessment input[type=text]', (inputs) => inputs.map((i) => i.value));
  assert.deepEqual(names, ['My assessment', 'Weeks of work (from backup)']);
  const back = (await stored(page)).entries.find((e) => e.name === 'Weeks of work (from backup)');
  assert.equal(back.assessment.responses['C53-PRE-01'].answer, 'partly', 'its answers came back');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('create, rename, duplicate, switch, delete with undo, and compare two assessments', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await page.check('#C53-PRE-01-no');
  await page.check('#C53-PRE-02-yes');
  assert.equal((await page.textContent('#current-assessment')).trim(), 'My assessment');

  await page.click('#nav-assessments');
  // The first assessment is dated like the ones created later (founder pass: it had no date).
  assert.match(await page.textContent('#assessment-a1 .assessment-meta'), new RegExp(`^\\s*created ${isoDaysFromToday(0)} · `));
  // With one assessment there is nothing to compare: the panel says how to get a second.
  assert.match(await page.textContent('#compare-needs-two'), /only one assessment\. Duplicate it/);
  assert.equal(await page.isVisible('#compare-first'), false);
  // The last assessment is never deleted, and the row says so.
  await page.click('#assessment-a1-delete');
  assert.match(await page.textContent('#assessment-a1-delete-note'), /only assessment, so it stays\. To start over, create a blank one/);
  assert.equal(await page.locator('.assessment').count(), 1);
  assert.equal((await storedAssessment(page)).responses['C53-PRE-01'].answer, 'no');
  await page.fill('#assessment-a1-name', 'Stage 1 dry run');
  await page.press('#assessment-a1-name', 'Tab');
  assert.equal((await page.textContent('#current-assessment')).trim(), 'Stage 1 dry run');
  assert.equal(await page.getAttribute('#current-assessment', 'title'), 'Stage 1 dry run', 'the whole name on hover, when the line cuts it');
  // Every row's field is labelled "Assessment name": its score describes it, so rows are told
  // apart by more than the value (keyboard pass of stop 50).
  assert.equal(await page.getAttribute('#assessment-a1-name', 'aria-describedby'), 'assessment-a1-name-note assessment-a1-score');
  assert.ok((await page.textContent('#assessment-a1-score')).trim().length > 0);
  // A blank name is refused out loud: the old name comes back and the row says why.
  assert.equal(await page.isVisible('#assessment-a1-name-note'), false);
  await page.fill('#assessment-a1-name', '   ');
  await page.press('#assessment-a1-name', 'Tab');
  assert.equal(await page.inputValue('#assessment-a1-name'), 'Stage 1 dry run');
  assert.match(await page.textContent('#assessment-a1-name-note'), /needs a name, so it keeps “Stage 1 dry run”/);
  assert.equal((await page.textContent('#current-assessment')).trim(), 'Stage 1 dry run');
  await page.fill('#assessment-a1-name', 'Stage 1 dry run, January');
  await page.press('#assessment-a1-name', 'Tab');
  assert.equal(await page.isVisible('#assessment-a1-name-note'), false, 'the note goes once a name is given');
  await page.fill('#assessment-a1-name', 'Stage 1 dry run');
  await page.press('#assessment-a1-name', 'Tab');
  // Each row's buttons say which assessment they act on.
  assert.equal(await page.getAttribute('#assessment-a1-delete', 'aria-label'), 'Delete Stage 1 dry run');
  assert.equal(await page.getAttribute('#assessment-a1-duplicate', 'aria-label'), 'Duplicate Stage 1 dry run');
  await page.click('#assessment-a1-duplicate');
  assert.equal((await page.textContent('#current-assessment')).trim(), 'Copy of Stage 1 dry run');
  // The copy is opened: said out loud, not only shown by the badge.
  assert.equal(await page.textContent('#assessments-status'),
    'Added “Copy of Stage 1 dry run” at the end of the list and opened it: answers go to the copy now.');
  // The focus is on the copy's name, so a second Enter makes no second copy (consultant pass of stop 51).
  await page.waitForFunction(() => document.activeElement?.id === 'assessment-a2-name');
  assert.equal(await page.isVisible('#assessment-a1-delete-note'), false, 'with two, deleting is possible again');
  await page.fill('#assessment-a2-name', 'Stage 2, March');
  await page.press('#assessment-a2-name', 'Tab');

  // Work in the copy: fix one gap and open another.
  await page.click('a[href="#/area/c53-preaudit"]');
  await waitForApp(page);
  assert.equal(await page.isChecked('#C53-PRE-01-no'), true, 'the copy starts with the same answers');
  await page.check('#C53-PRE-01-yes');
  await page.check('#C53-PRE-02-no');

  await page.click('#nav-assessments');
  assert.equal(await page.isVisible('#compare-needs-two'), false);
  // The same one on both sides is said, not shown as "no change" (founder pass).
  await page.selectOption('#compare-first', 'a1');
  await page.selectOption('#compare-second', 'a1');
  assert.equal(await page.isVisible('#compare-same'), true);
  assert.equal(await page.locator('#compare-closed').count(), 0);
  await page.selectOption('#compare-second', 'a2');
  assert.equal(await page.isVisible('#compare-same'), false);
  // Each gap by its question's title, linked to the question, with where it stands.
  const title = (id) => CONTENT.items.find((i) => i.id === id).title;
  const closed = page.locator('#compare-closed li');
  assert.equal(await closed.count(), 1);
  assert.equal(await closed.locator('a').textContent(), title('C53-PRE-01'));
  assert.match(await closed.locator('a').getAttribute('href'), /C53-PRE-01$/);
  // Told as it was (founder pass: it read as if it stood).
  assert.match(await closed.locator('.finding-tag').textContent(), /^Clause 5\.3 · was Major nonconformity · Gap$/);
  assert.equal(await page.locator('#compare-opened li a').textContent(), title('C53-PRE-02'));
  // The links open the open assessment's questions: said when the later one is not the open one
  // (consultant pass of stop 51: a gap of one client's was fixed in another's answers).
  assert.equal(await page.isVisible('#compare-links-elsewhere'), false, 'the later one is open');
  await page.selectOption('#compare-first', 'a2');
  await page.selectOption('#compare-second', 'a1');
  assert.equal(await page.textContent('#compare-links-elsewhere'),
    'The titles below open each question in the open assessment, “Stage 2, March”, not in “Stage 1 dry run”: open “Stage 1 dry run” first to work on its gaps.');
  await page.selectOption('#compare-first', 'a1');
  await page.selectOption('#compare-second', 'a2');
  assert.equal(await page.locator('#compare-unsettled').count(), 0, 'no question left unsettled here');
  // Both judged today, said (year-later pass: last year's baseline read "Not ready" unexplained).
  assert.match(await page.textContent('#compare-as-of'), new RegExp(`^Both are judged as of today \\(${isoDaysFromToday(0)}\\): a record that has lapsed since counts against the earlier one too`));
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'assessments-1280');

  // Switch back: the first assessment's answers are untouched.
  await page.click('#assessment-a1-open');
  assert.equal((await page.textContent('#current-assessment')).trim(), 'Stage 1 dry run');
  assert.equal(await page.textContent('#assessments-status'), 'Opened “Stage 1 dry run”: answers now go to it.');
  let doc = await stored(page);
  assert.equal(doc.schema_version, 2);
  assert.equal(doc.active, 'a1');
  assert.deepEqual(doc.entries.map((e) => e.name), ['Stage 1 dry run', 'Stage 2, March']);
  assert.equal(doc.entries[0].assessment.responses['C53-PRE-01'].answer, 'no');
  assert.equal(doc.entries[1].assessment.responses['C53-PRE-01'].answer, 'yes');

  // Delete with undo.
  await page.click('#assessment-a2-delete');
  await page.waitForSelector('#assessment-a2', { state: 'detached' });
  assert.match(await page.textContent('#deleted-notice'), /Stage 2, March/);
  await page.click('#undo-delete');
  await page.waitForSelector('#assessment-a2');
  doc = await stored(page);
  assert.equal(doc.entries.length, 2);
  // Deleting the open one says which is open now, and Undo opens it again (founder pass: the
  // switch went unsaid, and answers would have gone to the other one).
  await page.click('#assessment-a1-delete');
  await page.waitForSelector('#assessment-a1', { state: 'detached' });
  assert.equal((await page.textContent('#deleted-notice')).trim(), '“Stage 1 dry run” was deleted; “Stage 2, March” is open now. A copy is kept under Export and share, in “Copies kept aside”, until you delete it there. Undo deleting “Stage 1 dry run”');
  assert.equal((await backupKeys(page)).length, 1, 'a copy kept aside');
  assert.equal((await page.textContent('#current-assessment')).trim(), 'Stage 2, March');
  await page.click('#undo-delete');
  await page.waitForSelector('#assessment-a1');
  assert.equal((await page.textContent('#current-assessment')).trim(), 'Stage 1 dry run');
  assert.equal(await page.textContent('#assessments-status'), '“Stage 1 dry run” is back, and open again.');
  assert.deepEqual(await backupKeys(page), [], 'back in the list, the copy kept aside goes');
  assert.equal((await stored(page)).active, 'a1');

  // A new blank one becomes active; everything survives a reload.
  await page.fill('#new-assessment-name', 'Surveillance audit 2027');
  await page.click('#create-assessment');
  assert.equal((await page.textContent('#current-assessment')).trim(), 'Surveillance audit 2027');
  assert.equal(await page.textContent('#assessments-status'), 'Created “Surveillance audit 2027” and opened it: its answers and its roles register start blank.');
  // Focus on its name, as after Duplicate, not left on the button (keyboard pass of stop 48).
  await page.waitForFunction(() => document.activeElement?.id === 'assessment-a3-name');
  await page.reload();
  await page.waitForSelector('#assessment-a3');
  assert.equal((await page.textContent('#current-assessment')).trim(), 'Surveillance audit 2027');
  assert.equal(await page.locator('.assessment').count(), 3);
  // Compared with the blank one, the questions the earlier one answered are apart from the gaps
  // opened or changed (founder pass: every one read as a gap opened).
  await page.selectOption('#compare-first', 'a2');
  await page.selectOption('#compare-second', 'a3');
  const unsettled = await page.$$eval('#compare-unsettled li a', (links) => links.map((a) => a.getAttribute('href').split('/').pop()));
  assert.ok(unsettled.includes('C53-PRE-01') && unsettled.includes('C53-PRE-02'), `answered in a2: ${unsettled.join(', ')}`);
  assert.match(await page.textContent('.compare h3:has-text("not sure")'), new RegExp(`\\(${unsettled.length}\\)$`));
  assert.equal(await page.isVisible('#compare-unsettled'), true, 'a short list is shown unfolded');
  // Each says how it stood before: an answer lost, or the gap it was (founder pass).
  const tagOf = (id) => page.textContent(`#compare-unsettled li:has(a[href$="/${id}"]) .finding-tag`);
  assert.match(await tagOf('C53-PRE-01'), / · was no gap$/, 'answered yes in a2');
  assert.match(await tagOf('C53-PRE-02'), / · was Gap$/, 'answered no in a2');
  const tags = await page.$$eval('#compare-opened .finding-tag, #compare-changed .finding-tag', (all) => all.map((t) => t.textContent));
  assert.ok(tags.every((t) => !/Not yet known/.test(t)), `opened and changed are from answers: ${tags.join(' | ')}`);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('compared with a blank assessment, the many questions it leaves unanswered are folded away', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser, { width: 375, height: 812 });
  await startWith(page, server.url, storedStateAll('yes'));
  await page.click('#nav-assessments');
  await page.fill('#new-assessment-name', 'Blank');
  await page.click('#create-assessment');
  await page.selectOption('#compare-first', 'a1');
  await page.selectOption('#compare-second', 'a2');
  const listed = await page.locator('#compare-unsettled li').count();
  assert.ok(listed > 5, `${listed} unsettled`);
  assert.match(await page.textContent('.compare h3:has-text("not sure")'), new RegExp(`\\(${listed}\\)$`));
  // Folded, so the gaps closed and changed are not pushed dozens of screens away (founder pass).
  assert.equal(await page.isVisible('#compare-unsettled'), false, `${listed} questions listed unfolded`);
  const closedHeading = await page.locator('.compare h3:has-text("Gaps closed")').boundingBox();
  const foldTop = (await page.locator('#compare-unsettled-fold').boundingBox()).y;
  assert.ok(closedHeading.y - foldTop < 200, `"Gaps closed" ${closedHeading.y - foldTop} px below the folded list`);
  await page.click('#compare-unsettled-fold > summary');
  assert.equal(await page.isVisible('#compare-unsettled li:has(a[href$="/C53-PRE-01"])'), true, 'a click lists them');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('deleting from the keyboard moves focus to Undo, and Undo still works after a new assessment took the id', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  const active = () => page.evaluate(() => document.activeElement?.id);
  await page.goto(server.url + '#/assessments');
  await page.waitForSelector('#assessment-a1-duplicate');
  await page.click('#assessment-a1-duplicate');
  await page.fill('#assessment-a2-name', 'Important copy');
  await page.press('#assessment-a2-name', 'Tab');
  await page.click('#assessment-a1-duplicate');
  await page.waitForSelector('#assessment-a3');

  // Enter on Delete: the row goes and focus lands on Undo, not on the next row's Delete.
  await page.focus('#assessment-a2-delete');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#assessment-a2', { state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'undo-delete');
  assert.equal(await page.locator('.assessment').count(), 2, 'one assessment deleted, not two');

  // A new assessment gets the freed id; Undo still brings the deleted one back, under a new id.
  await page.fill('#new-assessment-name', 'Fresh');
  await page.press('#new-assessment-name', 'Enter'); // Enter creates it, like the button
  await page.waitForSelector('#assessment-a2');
  assert.equal(await page.inputValue('#assessment-a2-name'), 'Fresh');
  await page.click('#undo-delete');
  const names = () => page.$$eval('.assessment input[type=text]', (inputs) => inputs.map((i) => i.value));
  assert.deepEqual((await names()).sort(), ['Fresh', 'Important copy', 'Copy of My assessment', 'My assessment'].sort());
  await page.waitForFunction(() => document.activeElement?.value === 'Important copy');
  const doc = await stored(page);
  assert.deepEqual(doc.entries.map((e) => e.name).sort(), ['Fresh', 'Important copy', 'Copy of My assessment', 'My assessment'].sort());

  // "Open" gives way to the "Open now" badge; focus stays in that row.
  const copyId = doc.entries.find((e) => e.name === 'Copy of My assessment').id;
  await page.focus(`#assessment-${copyId}-open`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === `assessment-${id}-name`, copyId);
  assert.equal(await active(), `assessment-${copyId}-name`);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a very long assessment name does not widen the page on a phone', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser, { width: 375, height: 800 });
  await page.goto(server.url + '#/assessments');
  await page.waitForSelector('#assessment-a1-name');
  await page.fill('#assessment-a1-name', 'Stage two certification audit with the external certification body '.repeat(3).trim());
  await page.press('#assessment-a1-name', 'Tab');
  await page.click('#assessment-a1-duplicate');
  await page.waitForSelector('#assessment-a2');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'no sideways scrolling');
  await screenshot(page, 'assessments-long-name-375');
  // One long word (no spaces to break at) wraps too, here and in the header of every view.
  await page.setViewportSize({ width: 320, height: 800 });
  await page.fill('#assessment-a1-name', 'Stage2_Certification_Audit_ACME_Holdings_2027');
  for (const view of ['assessments', 'dashboard', 'area/c53-preaudit']) {
    await page.goto(`${server.url}#/${view}`);
    await page.waitForSelector('#current-assessment');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, `no sideways scrolling on ${view}`);
  }
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a name is saved as it is typed: leaving with Back, reloading or another tab keeps it', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await page.click('#nav-assessments');
  await page.waitForSelector('#assessment-a1-name');
  await page.fill('#assessment-a1-name', 'Stage 2, ');
  assert.equal(await page.inputValue('#assessment-a1-name'), 'Stage 2, ', 'the space before the next word stays');
  await page.type('#assessment-a1-name', 'March');
  // The browser's Back button while the field is still being edited: no error screen.
  await page.goBack();
  await page.waitForSelector('#C53-PRE-01-yes');
  assert.equal(await page.locator('main.crash').count(), 0, 'no error screen');
  assert.equal((await page.textContent('#current-assessment')).trim(), 'Stage 2, March');
  assert.equal((await stored(page)).entries[0].name, 'Stage 2, March');
  // Typed, not yet left, then reloaded: kept.
  await page.click('#nav-assessments');
  await page.fill('#assessment-a1-name', 'Stage 2, April');
  await page.reload();
  await page.waitForSelector('#current-assessment');
  assert.equal((await page.textContent('#current-assessment')).trim(), 'Stage 2, April');
  // Another tab answering meanwhile does not undo a name being typed here.
  await page.goto(`${server.url}#/assessments`);
  await page.fill('#assessment-a1-name', 'Stage 2, May');
  const scoreBefore = await page.textContent('#assessment-a1-score');
  const other = await context.newPage();
  await other.goto(server.url);
  await waitForApp(other);
  await other.check('#C53-PRE-01-yes'); // a major: enough to move the overall figure
  await page.waitForFunction((before) => document.querySelector('#assessment-a1-score').textContent !== before, scoreBefore);
  assert.equal(await page.inputValue('#assessment-a1-name'), 'Stage 2, May');
  assert.equal((await stored(page)).entries[0].assessment.responses['C53-PRE-01'].answer, 'yes');
  assert.equal((await stored(page)).entries[0].name, 'Stage 2, May');
  // A blank name is refused when the field is left.
  await page.fill('#assessment-a1-name', ' ');
  await page.press('#assessment-a1-name', 'Tab');
  assert.equal(await page.inputValue('#assessment-a1-name'), 'Stage 2, May');
  assert.match(await page.textContent('#assessment-a1-name-note'), /needs a name, so it keeps “Stage 2, May”/);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('comparing a newer assessment as the earlier one says the changes would read backwards', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  const entry = (id, name, created_on) => ({ id, name, created_on, assessment: { responses: { 'C53-PRE-01': { answer: 'yes' } } } });
  const doc = { schema_version: 2, active: 'a1', entries: [entry('a1', 'Week 1 baseline', isoDaysFromToday(-14)), entry('a2', 'Week 2', isoDaysFromToday(-7))] };
  await page.goto(server.url);
  await waitForApp(page);
  await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [STORAGE_KEY, JSON.stringify(doc)]);
  await page.goto(`${server.url}#/assessments`);
  await page.reload();
  await page.waitForSelector('#compare-first');
  await page.selectOption('#compare-first', 'a1');
  await page.selectOption('#compare-second', 'a2');
  assert.equal(await page.isVisible('#compare-backwards'), false, 'in order');
  // Founder pass: the two picked the other way round were compared without a word.
  await page.selectOption('#compare-first', 'a2');
  await page.selectOption('#compare-second', 'a1');
  assert.equal(await page.isVisible('#compare-backwards'), true);
  assert.match(await page.textContent('#compare-backwards'), /created after the “Later” one: swap them/);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('opening another assessment after a delete keeps that choice: the notice stops naming the one opened instead, and Undo does not reopen', async () => {
  // Consultant pass of stop 49: the notice kept saying "“Beta Health” is open now" after Acme was
  // opened, and Undo switched to the deleted one, dropping that choice.
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(server.url + '#/assessments');
  await page.waitForSelector('#assessment-a1-duplicate');
  await page.click('#assessment-a1-duplicate');
  await page.waitForSelector('#assessment-a2');
  await page.click('#assessment-a1-duplicate');
  await page.waitForSelector('#assessment-a3');
  const deletedName = await page.inputValue('#assessment-a3-name');
  await page.click('#assessment-a3-delete');
  await page.waitForSelector('#assessment-a3', { state: 'detached' });
  assert.match(await page.textContent('#deleted-region'), /was deleted; “.*” is open now\./);
  await page.click('#assessment-a1-open');
  assert.equal((await page.textContent('#current-assessment')).trim(), 'My assessment');
  assert.ok((await page.textContent('#deleted-region')).startsWith(`“${deletedName}” was deleted. A copy is kept`), await page.textContent('#deleted-region'));
  await page.click('#undo-delete');
  await page.waitForSelector('#assessment-a3');
  assert.equal((await page.textContent('#current-assessment')).trim(), 'My assessment');
  assert.equal(await page.textContent('#assessments-status'), `“${deletedName}” is back.`);
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).active, 'a1');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
