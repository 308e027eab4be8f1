// Interview preparation's readiness table and cue cards: ratings too old or too early to count,
// who starts or leaves before the audit, a card picked on a phone, gaps and talking points an open
// gap makes untrue, the questions on the CEO's and a mandated role's interview, and an empty
// register.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  serveStatic, launch, recordingPage, waitForApp, axeViolations, storedStateAll, validRegister, isoDaysFromToday,
  confidentRehearsals, startWith, weightOf, ARTIFACTS,
} from './harness.mjs';
import { TODAY, text, openInterviews, openCard } from './interview-helpers.mjs';

let server;
let browser;
before(async () => { server = await serveStatic(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('ratings too old to count for the audit are marked in the readiness table', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  const old = isoDaysFromToday(-200);
  await startWith(page, server.url, storedStateAll('yes', validRegister(), confidentRehearsals(old)));
  await openInterviews(page);
  assert.match(await text(page, '#interview-item-status'), /Not interview-ready/);
  const share = await text(page, '#readiness-p1-share');
  const total = share.match(/^(\d+) of \1 \(100 %\)$/)?.[1];
  assert.ok(total, `all confident, once: ${share}`);
  assert.equal(await text(page, '#readiness-p1-last'), `${old} ${total} of ${total} due again`);
  assert.equal(await page.locator('#readiness-p4-last .iv-due').count(), 0, 'never rehearsed is said as "Never"');
  // Whom to prepare next is said, with a way to their card (founder pass of stop 44).
  // By when, as the plan has it (interview pass of stop 50: whom, never by when).
  const next = await text(page, '#iv-next');
  const due = next.match(new RegExp(`^Next to prepare: Ada Okafor \\(key role\\): ${total} due again\\. The plan has it due by (\\d{4}-\\d{2}-\\d{2})\\. Open their card$`))?.[1];
  assert.ok(due, next);
  await page.click('#nav-plan');
  assert.equal(await page.inputValue('#gap-C53-PRE-06-due'), due);
  await openInterviews(page);
  await page.click('#iv-next-open');
  await page.waitForFunction(() => document.activeElement?.id === 'brief-title');
  assert.match(await text(page, '#brief-title'), /Ada Okafor/);
  // And on the card (interview pass: green "Confident" tags on a card whose every rating lapsed).
  await openCard(page, 'p1');
  assert.match(await text(page, '#brief-readiness'), new RegExp(`Last rehearsal: ${old}\\. ${total} ratings are too old to count for the audit: rehearse again\\.$`));
  assert.equal(await page.locator('#brief-questions .rating-confident').count(), 0);
  assert.equal(await page.locator('#brief-questions .rating-stale').count(), Number(total));
  assert.match(await text(page, '#brief-questions .rating-stale'), new RegExp(`^Last rating: Confident \\(${old}\\), too old to count$`));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('with the audit more than 90 days away, ratings made today count and the page says from when to rate again', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  const state = JSON.parse(storedStateAll('yes', validRegister(), confidentRehearsals(TODAY)));
  state.assessment.audit_date = isoDaysFromToday(120);
  await startWith(page, server.url, JSON.stringify(state));
  await openInterviews(page);
  assert.equal(await page.isVisible('#interview-ratings-count-from'), true);
  const note = await text(page, '#interview-ratings-count-from');
  assert.ok(note.includes(`only those from ${isoDaysFromToday(30)} on`) && note.includes(isoDaysFromToday(120)), note);
  // Today's full set of Confident ratings counts today: not due again, and no finding.
  assert.equal(await text(page, '#readiness-p1-last'), TODAY);
  assert.equal(await text(page, '#interview-item-status'), '✓ Ready');
  assert.deepEqual(await axeViolations(page), []);
  // Within 90 days of the audit, today's ratings count and the note is gone.
  state.assessment.audit_date = isoDaysFromToday(60);
  await startWith(page, server.url, JSON.stringify(state));
  await openInterviews(page);
  assert.equal(await page.isVisible('#interview-ratings-count-from'), false);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a card picked from the list is brought into sight on a phone, the focus staying on the picker', async () => {
  // Founder pass: the card opened below the fold and nothing seemed to happen.
  const { context, page, consoleErrors } = await recordingPage(browser, { width: 375, height: 812 });
  await startWith(page, server.url, storedStateAll('yes'));
  await openInterviews(page);
  // The picker and the phone's table say which role brings each person (founder pass: names
  // alone, and the roles column hidden at this width).
  assert.equal(await page.textContent('#interview-person option[value="p1"]'), 'Ada Okafor, Top management');
  assert.equal(await page.isVisible('#readiness-p1-role'), true);
  assert.equal(await page.textContent('#readiness-p1-role'), 'Top management');
  await page.focus('#interview-person');
  await page.selectOption('#interview-person', 'p2');
  await page.waitForSelector('#interview-brief', { state: 'visible' });
  await page.waitForFunction(() => {
    const top = document.getElementById('brief-title').getBoundingClientRect().top;
    return top >= 0 && top < window.innerHeight - 48;
  });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'interview-person');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a gap behind several questions of a card is listed once, naming the other questions', async () => {
  // Founder pass: Dev's card, everything "partly", showed 26 bold gap lines for 18 gaps.
  const { context, page, consoleErrors } = await recordingPage(browser);
  await startWith(page, server.url, storedStateAll('partly'));
  await openInterviews(page);
  await page.selectOption('#interview-person', 'p4');
  await page.waitForSelector('#interview-brief', { state: 'visible' });
  const gaps = (await page.locator('.brief-gap').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  const bare = gaps.map((t) => t.replace(/ \(also behind questions? [\d, ]+\)$/, ''));
  assert.ok(gaps.length > 0);
  assert.equal(new Set(bare).size, bare.length, gaps.join('\n'));
  assert.ok(gaps.some((t) => / \(also behind questions? \d/.test(t)), gaps.join('\n'));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('with nobody in the register the page says what to do first, and offers no random pick', async () => {
  // Interview pass: the enabled random pick led to an error above "Choose a person".
  const { context, page, consoleErrors } = await recordingPage(browser, { width: 375, height: 800 });
  await page.goto(server.url);
  await waitForApp(page);
  await openInterviews(page);
  assert.equal(await page.isDisabled('#drill-pick'), true);
  assert.equal(await text(page, '#no-card'), 'Nobody to prepare yet: add the people who hold roles in the roles register.');
  assert.equal(await page.getAttribute('#no-card a', 'href'), '#/register');
  assert.equal(await text(page, '#drill-empty'), '');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('the readiness table says who starts before the audit and who leaves before it', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  const register = validRegister();
  const person = (id, name, start, leaving = null) => ({ id, name, job_title: 'Engineer', start_date: start, leaving_date: leaving, top_management: false });
  register.people.push(
    person('p6', 'Sid Starter', isoDaysFromToday(10)),
    person('p7', 'Lena Leaving', isoDaysFromToday(-900), isoDaysFromToday(5)),
  );
  await startWith(page, server.url, storedStateAll('yes', register));
  await page.click('#nav-dashboard');
  await page.fill('#audit-date', isoDaysFromToday(30));
  await openInterviews(page);
  assert.equal(await text(page, '#readiness-p6-presence'), `Starts on ${isoDaysFromToday(10)}`);
  assert.equal(await text(page, '#readiness-p7-presence'), `Leaves on ${isoDaysFromToday(5)}, before the audit`);
  assert.equal(await page.locator('#readiness-p1-presence').count(), 0);
  // The card says it too.
  await page.click('#open-card-p7');
  await page.waitForSelector('#brief-title');
  assert.equal(await text(page, '#brief-presence'), `Leaves on ${isoDaysFromToday(5)}, before the audit`);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('the questions on the CEO interview and on a mandated role say what the rehearsals and the register show', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  const state = JSON.parse(storedStateAll('yes'));
  delete state.assessment.responses['C51-INT-01'];
  await startWith(page, server.url, JSON.stringify(state));
  await page.goto(`${server.url}#/area/c51-leadership`);
  await page.waitForSelector('#C51-INT-01-source-note');
  assert.match(await text(page, '#C51-INT-01-source-note'), /^The interview rehearsals show top management prepared: .*answer yes/);
  // Answered yes, there is nothing to add.
  await page.check('#C51-INT-01-yes');
  await page.waitForSelector('#C51-INT-01-source-note', { state: 'detached' });
  // Likewise a question asking for a role names whom the register records in it.
  await page.goto(`${server.url}#/area/c53-roles`);
  await page.check('#C53-MAND-01-not_sure');
  await page.waitForSelector('#C53-MAND-01-source-note');
  // Ben's appointment is on record, dated, with authority: what the question asks, so an open
  // answer costs nothing (auditor probe: "not sure" read a major).
  assert.match(await text(page, '#C53-MAND-01-source-note'), /^The roles register shows Ben Lindqvist appointed to this role, .* your “not sure” costs nothing\./);
  // Answered no, it stays the user's word, and the note says whom the register names.
  await page.check('#C53-MAND-01-no');
  await page.waitForFunction(() => document.querySelector('#C53-MAND-01-source-note')?.textContent.startsWith('The roles register names Ben Lindqvist for this role.'));
  // Answered yes while Ben, its only holder, is gone by the audit: the card does not read plain
  // "Ready" above a note that says so, and the "yes" costs what a "no" costs, part of the
  // register's finding (founder pass of stop 43: it earned its points).
  state.assessment.responses['C53-MAND-01'] = { answer: 'yes' };
  state.assessment.audit_date = isoDaysFromToday(30);
  state.assessment.register.people.find((p) => p.id === 'p2').leaving_date = isoDaysFromToday(10);
  await startWith(page, server.url, JSON.stringify(state));
  await page.goto(`${server.url}#/item/C53-MAND-01`);
  await page.waitForSelector('#C53-MAND-01-detail');
  const worth = weightOf('C53-MAND-01');
  assert.equal(await text(page, '#C53-MAND-01-status'), `Gap: part of “The roles the ISMS cannot run without have a current holder” (−${worth} pts)`);
  // The register's words are in the finding, and not said a second time under it.
  assert.match(await text(page, '#C53-MAND-01-detail'), new RegExp(`Answered yes, but by the audit on ${isoDaysFromToday(30)} the roles register names nobody.* so this counts as not in place until it does\\.$`));
  assert.equal(await page.locator('#C53-MAND-01-source-note').count(), 0);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('on a phone the readiness table fits its card, with a long name that has no spaces to break at', async () => {
  // Founder pass of stop 43: "Tom <b>O'Neil</b>" widened the name column until "Open" was cut
  // off at the card's edge, with no sign the table scrolled sideways.
  const { context, page, consoleErrors } = await recordingPage(browser, { width: 375, height: 812 });
  const register = validRegister();
  register.people.find((p) => p.id === 'p2').name = "Tom <b>O'Neil</b>";
  register.people.find((p) => p.id === 'p3').name = 'Cara Mendes-Vasconcelos';
  await startWith(page, server.url, storedStateAll('yes', register));
  await openInterviews(page);
  await page.waitForSelector('#interview-readiness');
  const [table, room] = await page.evaluate(() => {
    const t = document.querySelector('#interview-readiness');
    return [t.scrollWidth, t.parentElement.clientWidth];
  });
  assert.ok(table <= room, `the table is ${table}px wide in ${room}px`);
  const card = await page.locator('#interview-readiness').boundingBox();
  for (const button of await page.locator('#interview-readiness button').all()) {
    const box = await button.boundingBox();
    assert.ok(box.x + box.width <= card.x + card.width, `${await button.getAttribute('aria-label') ?? 'a button'} ends past the table`);
  }
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('talking points an open gap makes untrue here say so on the card, at 375 px too', async () => {
  // Lead-implementer pass of stop 45: with no disciplinary process, an employee's card still
  // coached "There is a written disciplinary process for security breaches".
  const { context, page, consoleErrors } = await recordingPage(browser, { width: 375, height: 800 });
  const register = validRegister();
  register.people.push({ id: 'p6', name: 'Fay Ortiz', job_title: 'Support engineer', start_date: isoDaysFromToday(-100), leaving_date: null, top_management: false });
  const raw = JSON.parse(storedStateAll('yes', register));
  raw.assessment.responses['A54-CTL-05'] = { answer: 'no' };
  await startWith(page, server.url, JSON.stringify(raw));
  await openInterviews(page);
  await openCard(page, 'p6');
  assert.equal(
    await text(page, '#brief-q-IQ-ANY-BREACH .brief-caution'),
    'Not all of these points hold here yet (a gap on this card says which): say plainly what is missing and what is being done about it, and do not claim it.',
  );
  assert.equal(await page.locator('#brief-q-IQ-ANY-POLICY .brief-caution').count(), 0, 'only where a gap lies behind the question');
  await page.locator('#brief-q-IQ-ANY-BREACH').screenshot({ path: join(ARTIFACTS, 'card-caution-375.png') });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test("the question on top management's interview shows on the interview page, with what the rehearsals say", async () => {
  // Lead-implementer pass of stop 45: with the CEO rehearsed, the question stayed open in the
  // checklist, and the interview page did not show it.
  const { context, page, consoleErrors } = await recordingPage(browser);
  const raw = JSON.parse(storedStateAll('yes'));
  delete raw.assessment.responses['C51-INT-01'];
  await startWith(page, server.url, JSON.stringify(raw));
  await openInterviews(page);
  assert.equal(await page.getAttribute('#staff-item-C51-INT-01 a', 'href'), '#/item/C51-INT-01');
  assert.match(await text(page, '#staff-item-C51-INT-01-status'), /^✗ /);
  assert.match(await text(page, '#staff-item-C51-INT-01-rehearsals'), /^The interview rehearsals show top management prepared: if the real interview would go the same way, answer yes/);
  // Answered yes with nobody rehearsed, it is not "✓ Ready" above the note that says the
  // rehearsals do not bear it out (interview-preparation pass of stop 47).
  await startWith(page, server.url, storedStateAll('yes', validRegister(), []));
  await openInterviews(page);
  assert.equal(await text(page, '#staff-item-C51-INT-01-status'), 'Answered yes, but the rehearsals disagree (see below)');
  assert.equal(await page.getAttribute('#staff-item-C51-INT-01', 'class'), 'iv-item iv-item-open');
  assert.match(await text(page, '#staff-item-C51-INT-01-rehearsals'), /^Answered yes, but the interview rehearsals do not show top management prepared yet/);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
