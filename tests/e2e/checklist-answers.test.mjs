// The walking-skeleton journey: answer the Clause 5.3 pre-audit checklist, reload, everything is
// back; no request leaves the origin, no console error, no CSP violation, axe finds nothing. Also
// not-applicable controls, notes, each area's own answers, long sections, links to questions,
// "show gaps only", printing from dark mode and the page's Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  serveStatic, launch, recordingPage, waitForApp, startWith, axeViolations, screenshot, foreignOrNonGet, readinessText,
  ITEM_COUNT, DERIVED_ITEM_COUNT, REGISTER_ITEM_COUNT, CONTENT, weightOf, areaPercent, ARTIFACTS, storedStateAll, STORAGE_KEY,
} from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveStatic(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const HOSTILE = '<img src=x onerror=alert(1)> =SUM(A1)';

test('an Annex A control marked not applicable counts once it has its reason, and says so until then; A 5.4 cannot be excluded', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  // Change management (A 8.32) can be left out of a Statement of Applicability, with a reason.
  await page.click('a[href="#/area/mgmt-duties"]');
  await page.waitForSelector('#MGT-STEP-08-not_applicable');
  const progress = () => page.textContent('#progress-mgmt-duties');
  const before = await progress();
  // The choice itself says, before it is picked, where it cannot exclude anything.
  assert.equal((await page.textContent('label[for="MGT-STEP-08-not_applicable"]')).trim(), 'Not applicable');
  assert.equal((await page.textContent('label[for="MGT-STEP-01-not_applicable"]')).trim(), 'N/A (counts as no)');
  await page.check('#MGT-STEP-08-not_applicable');
  assert.match(await page.textContent('#MGT-STEP-08-status'), /^Reason missing: Minor nonconformity \(−2 pts\)/);
  assert.match(await page.textContent('#MGT-STEP-08-detail'), /without a reason that says why \(one that says the work is not done yet, or only “not applicable” again, is none\), so it is not counted as answered/);
  assert.match(await page.textContent('label[for="MGT-STEP-08-na"]'), /required for N\/A to count/);
  assert.equal(await progress(), before, 'not counted as answered without its reason');
  // One word says no why (auditor probe: "Startup" excluded A 8.32).
  await page.fill('#MGT-STEP-08-na', 'Startup');
  assert.match(await page.textContent('#MGT-STEP-08-status'), /^Reason missing/);
  await page.fill('#MGT-STEP-08-na', 'No in-house development; our hosting provider runs every change');
  assert.match(await page.textContent('#MGT-STEP-08-status'), /^Ready/);
  assert.notEqual(await progress(), before);
  // A 5.4 applies to every company with staff: a practice of it marked N/A, reason or not, is not in place.
  await page.click('a[href="#/area/a54-controls"]');
  await page.waitForSelector('#A54-CTL-02-not_applicable');
  assert.equal((await page.textContent('label[for="A54-CTL-02-not_applicable"]')).trim(), 'N/A (counts as no)');
  await page.check('#A54-CTL-02-not_applicable');
  assert.match(await page.textContent('label[for="A54-CTL-02-na"]'), /you may leave this blank: this cannot be excluded, so N\/A counts as not in place/);
  await page.fill('#A54-CTL-02-na', 'No contractors; employment contracts are out of scope for this pilot');
  assert.match(await page.textContent('#A54-CTL-02-status'), /^N\/A not accepted: Minor nonconformity \(−2 pts\)/);
  assert.match(await page.textContent('#A54-CTL-02-detail'),
    /^Marked not applicable, but A 5\.4 applies to every company with staff, so an auditor would not accept leaving it out of the Statement of Applicability\. An auditor treats it as not in place\./);
  await page.locator('#A54-CTL-02').screenshot({ path: join(ARTIFACTS, 'a54-not-applicable.png') });
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('answers, notes and the readiness figure survive a reload', async () => {
  const { context, page, requests, consoleErrors, cspViolations } = await recordingPage(browser);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const progress = () => page.textContent('#progress-c53-preaudit');

  await page.goto(server.url);
  await waitForApp(page);
  assert.equal(await readinessText(page), '0');
  assert.equal((await page.textContent('#readiness-verdict')).trim(), 'Not ready');
  // Nothing is answered yet: the items the app works out (the register's checks and 06,
  // interview readiness, from the rehearsals) are not questions, and with nobody rehearsed and
  // no register they earn nothing.
  assert.equal((await page.textContent('#answered-count')).trim(), `0 of ${ITEM_COUNT - DERIVED_ITEM_COUNT} questions answered`);
  assert.equal(await progress(), '0/7 · 0 % ready');
  // Heard in words, not as "0/7" (founder pass: it may be read as a date).
  assert.equal(await page.getAttribute('#progress-c53-preaudit', 'aria-hidden'), 'true');
  assert.equal(await page.textContent('#progress-c53-preaudit + .visually-hidden'), '0 of 7 questions answered, 0 % ready');
  assert.equal(await page.getByRole('link', { name: 'Clause 5.3 pre-audit checklist 0 of 7 questions answered, 0 % ready' }).count(), 1);
  assert.equal(await page.textContent('#progress-c53-register'), `${REGISTER_ITEM_COUNT} checks · 0 % ready`);

  // Yes earns an item's whole weight (major 3, minor 2), partly half, the rest nothing.
  await page.check('#C53-PRE-01-yes');        // all of 01
  await page.check('#C53-PRE-03-partly');     // half of 03
  await page.check('#C53-PRE-05-no');         // 0
  await page.check('#C53-PRE-04-not_sure');   // 0: "not sure" is not ready
  const earned = weightOf('C53-PRE-01') + weightOf('C53-PRE-03') / 2;
  const percent = areaPercent('c53-preaudit', earned);
  assert.equal(await progress(), `4/7 · ${percent} % ready`);
  const overall = await readinessText(page);
  assert.ok(Number(overall) > 0, 'the overall figure moved');
  assert.match(await page.textContent('#C53-PRE-04-status'), /Not yet known/);

  // A Clause requirement cannot be excluded: N/A answers it as not in place at once,
  // and the field and the status say so; a reason given changes nothing.
  await page.check('#C53-PRE-07-not_applicable');
  assert.equal(await progress(), `5/7 · ${percent} % ready`);
  assert.match(await page.textContent('#C53-PRE-07-status'), /^N\/A not accepted: Minor nonconformity/);
  assert.match(await page.textContent('label[for="C53-PRE-07-na"]'), /you may leave this blank: this cannot be excluded, so N\/A counts as not in place/);
  await page.fill('#C53-PRE-07-na', 'No risk or incident process exists yet in this pilot');
  assert.equal(await progress(), `5/7 · ${percent} % ready`);
  assert.match(await page.textContent('#C53-PRE-07-status'), /^N\/A not accepted: Minor nonconformity/);
  assert.ok(Number(await readinessText(page)) >= Number(overall));
  // Notes sit behind a disclosure until there is one.
  assert.equal(await page.isVisible('#C53-PRE-01-note'), false);
  await page.click('#C53-PRE-01-note-summary');
  await page.waitForFunction(() => document.activeElement?.id === 'C53-PRE-01-note'); // opened: cursor in the box
  await page.fill('#C53-PRE-01-note', HOSTILE);
  assert.equal((await page.textContent('#readiness-verdict')).trim(), 'Not ready');
  const figure = await readinessText(page);

  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'checklist-1280');

  await page.reload();
  await waitForApp(page);
  assert.equal(await readinessText(page), figure);
  assert.equal(await progress(), `5/7 · ${percent} % ready`);
  assert.equal(await page.isChecked('#C53-PRE-01-yes'), true);
  assert.equal(await page.isChecked('#C53-PRE-03-partly'), true);
  assert.equal(await page.isChecked('#C53-PRE-04-not_sure'), true);
  assert.equal(await page.inputValue('#C53-PRE-01-note'), HOSTILE);
  assert.equal(await page.isVisible('#C53-PRE-01-note'), true, 'an item with a note shows it');
  assert.equal(await page.isVisible('#C53-PRE-02-note'), false, 'an item without one does not');
  await page.fill('#C53-PRE-01-note', '');
  assert.equal(await page.isVisible('#C53-PRE-01-note'), true, 'clearing the text does not close the box');
  await page.fill('#C53-PRE-01-note', HOSTILE);
  assert.equal(await page.inputValue('#C53-PRE-07-na'), 'No risk or incident process exists yet in this pilot');
  assert.equal(await page.locator('img[src="x"]').count(), 0);

  // The dashboard explains every lost point: one entry per item that is not fully met.
  await page.click('#nav-dashboard');
  await page.waitForSelector('#why-list');
  const reasons = await page.$$eval('.why-score li.finding', (lis) => lis.length);
  assert.equal(reasons, ITEM_COUNT - 1); // all but 01 (yes); 07 (N/A) is a Clause requirement; 06 is not rehearsed
  // The gaps answered are listed; the questions still open are folded below them, with what they cost together.
  assert.equal(await page.locator('#why-list li.finding-unanswered').count(), 0);
  const open = await page.locator('#why-unanswered-list li').count();
  assert.ok(open > 0 && open < reasons, `${open} of ${reasons} folded`);
  assert.equal(await page.getAttribute('#why-unanswered', 'open'), null, 'folded at first');
  assert.match(await page.textContent('#why-unanswered-summary'), new RegExp(`^Not answered yet, or not sure: ${open} questions \\(−[\\d.½]+ pts\\)$`));
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'dashboard-1280');

  await page.setViewportSize({ width: 375, height: 800 });
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'dashboard-375');
  await page.click('a[href="#/area/c53-preaudit"]');
  await waitForApp(page);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'checklist-375');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways at 375 px by ${overflow}px`);

  assert.deepEqual(foreignOrNonGet(requests, server.origin), []);
  assert.ok(requests.some((r) => r.url.endsWith('.wasm')), 'the wasm module was fetched from the origin');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(dialogs, []);
  await context.close();
});

test('a note opens from the keyboard with the cursor in it and keeps it while typing', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  const active = () => page.evaluate(() => document.activeElement?.id);
  assert.equal(await page.locator('#C53-PRE-03-note').count(), 0, 'no box until the note is opened');
  await page.focus('#C53-PRE-03-note-summary');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'C53-PRE-03-note');
  await page.keyboard.type('Ask legal', { delay: 20 });
  assert.equal(await active(), 'C53-PRE-03-note', 'the first character does not replace the box');
  assert.equal(await page.inputValue('#C53-PRE-03-note'), 'Ask legal');
  // Closed and opened again from the keyboard: the cursor goes back in.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await active(), 'C53-PRE-03-note-summary');
  await page.keyboard.press('Enter');
  assert.equal(await page.isVisible('#C53-PRE-03-note'), false);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'C53-PRE-03-note');
  // Typed straight after a click, no letter is lost (founder pass: "Ask Ben …" was saved as
  // "Ben …", the first keys going to the summary while the box was being made).
  await page.click('#C53-PRE-04-note-summary');
  await page.keyboard.type('Ask Ben for the signed copy');
  assert.equal(await page.inputValue('#C53-PRE-04-note'), 'Ask Ben for the signed copy');
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('Ask Ben for the signed copy'), STORAGE_KEY);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('each area shows its own answers and closed disclosures, whichever area was open before', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  // Neighbouring cards differ, so a card patched from the previous area's card at the same
  // position would show the wrong choice (or none).
  const choices = ['yes', 'no', 'partly', 'not_sure'];
  const answered = CONTENT.items.filter((i) => (i.source ?? 'answered') === 'answered');
  const responses = Object.fromEntries(answered.map((i, n) => [i.id, { answer: choices[n % choices.length] }]));
  await startWith(page, server.url, JSON.stringify({ schema_version: 1, assessment: { responses } }));
  const shown = () => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('fieldset.answers')].map((set) => {
    const checked = [...set.querySelectorAll('input[type=radio]')].filter((r) => r.checked).map((r) => r.value);
    return [set.closest('article').id, checked.join(',')];
  })));
  // Forward through every area from the first (open at start), then back again.
  const areas = [...CONTENT.areas.slice(1), ...CONTENT.areas.slice(0, -1).reverse()];
  for (const area of areas) {
    // Open every disclosure of the area being left: none may stay open in the next one.
    await page.evaluate(() => document.querySelectorAll('.area details:not(.evidence)').forEach((d) => { d.open = true; }));
    await page.click(`.area-nav a[href="#/area/${area.id}"]`);
    await page.getByRole('heading', { level: 1, name: area.title }).waitFor();
    // A long section's cards come in batches (stop 54): every one of them, once all are drawn.
    const cards = CONTENT.items.filter((i) => i.area === area.id).length;
    await page.waitForFunction((n) => document.querySelectorAll('.area article.item').length === n, cards);
    const expected = Object.fromEntries(answered.filter((i) => i.area === area.id).map((i) => [i.id, responses[i.id].answer]));
    assert.deepEqual(await shown(), expected, `answers shown in ${area.id}`);
    const open = await page.evaluate(() => [...document.querySelectorAll('.area details[open]')].map((d) => d.closest('article').id));
    assert.deepEqual(open, [], `no disclosure carried into ${area.id}`);
  }
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a long section opened from another shows its first cards at once and the rest right after; a link to a question far down draws them all', async () => {
  // Cheap-phone pass of stop 54: Clause 5.3 roles (32 cards) took about a second to appear at 6x CPU.
  const { context, page, consoleErrors } = await recordingPage(browser, { width: 375, height: 800 });
  await page.goto(server.url);
  await waitForApp(page);
  const roles = CONTENT.items.filter((i) => i.area === 'c53-roles');
  assert.ok(roles.length > 12, `${roles.length} questions in Clause 5.3 roles`);
  // The number of cards in the page when the section's first card appears.
  await page.evaluate(() => {
    window.cardsAtFirst = null;
    new MutationObserver((_, observer) => {
      if (document.querySelector('#area-title')?.textContent.includes('Roles') && document.querySelector('.area article.item')) {
        window.cardsAtFirst = document.querySelectorAll('.area article.item').length;
        observer.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.click('.area-nav a[href="#/area/c53-roles"]');
  await page.waitForFunction(() => window.cardsAtFirst !== null);
  const first = await page.evaluate(() => window.cardsAtFirst);
  assert.ok(first > 0 && first < roles.length, `${first} of ${roles.length} cards drawn with the page`);
  await page.waitForFunction((n) => document.querySelectorAll('.area article.item').length === n, roles.length);
  assert.deepEqual(await page.$$eval('.area article.item', (cards) => cards.map((c) => c.id)), roles.map((i) => i.id), 'in catalogue order');
  assert.equal(await page.isVisible('#area-next'), true);
  // A question far down, linked from another section: there at once, scrolled to and focused.
  const last = roles[roles.length - 1];
  await page.click('.area-nav a[href="#/area/c51-leadership"]');
  await page.getByRole('heading', { level: 1, name: CONTENT.areas.find((a) => a.id === 'c51-leadership').title }).waitFor();
  await page.evaluate((id) => { location.hash = `#/item/${id}`; }, last.id);
  await page.waitForFunction((id) => document.activeElement?.id === id, last.id);
  const top = await page.$eval(`[id="${last.id}"]`, (card) => card.getBoundingClientRect().top);
  assert.ok(top >= -1 && top < 100, `the linked question at the top of the screen (${top} px)`);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('following a link to another question of the same area keeps the page as it was and focuses the question', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await page.click('#C53-PRE-01 summary >> text=Why an auditor cares');
  await page.check('#gaps-only');
  await page.evaluate(() => { location.hash = '#/item/C53-PRE-04'; });
  await page.waitForFunction(() => document.activeElement?.id === 'C53-PRE-04');
  assert.equal(await page.locator('#C53-PRE-01 details').first().getAttribute('open'), '', 'the open disclosure stays open');
  assert.equal(await page.isChecked('#gaps-only'), true, 'the filter stays on');
  // Another area's item is still shown and focused.
  const other = CONTENT.items.find((i) => i.area !== 'c53-preaudit' && (i.source ?? 'answered') === 'answered');
  await page.evaluate((id) => { location.hash = `#/item/${id}`; }, other.id);
  await page.waitForFunction((id) => document.activeElement?.id === id, other.id);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('with "show gaps only", a gap answered stays in view with the focus until the filter is applied again', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await page.check('#C53-PRE-01-yes');
  await page.check('#gaps-only');
  const shown = () => page.$$eval('.area article.item:not(.hidden)', (els) => els.map((e) => e.id));
  const gaps = await shown();
  assert.ok(!gaps.includes('C53-PRE-01') && gaps.includes('C53-PRE-05'), `${gaps}`);
  // Said to screen readers (keyboard pass of stop 45: the cards vanished in silence).
  const total = await page.$$eval('.area article.item', (els) => els.length);
  assert.equal(await page.getAttribute('#gaps-status', 'aria-live'), 'polite');
  assert.equal((await page.textContent('#gaps-status')).trim(), `Showing the ${gaps.length} of ${total} questions with a gap.`);
  // Answered from the keyboard: the question stays, with the focus in it, now ready.
  await page.focus('#C53-PRE-05-yes');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('#C53-PRE-05 .item-status').textContent.startsWith('Ready'));
  assert.deepEqual(await shown(), gaps);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'C53-PRE-05-yes');
  // Applied again, the filter leaves it out.
  await page.uncheck('#gaps-only');
  await page.check('#gaps-only');
  assert.deepEqual(await shown(), gaps.filter((id) => id !== 'C53-PRE-05'));
  // A "yes" whose register check is open (the register is empty) is still a gap.
  await page.uncheck('#gaps-only');
  await page.check('#C53-PRE-02-yes');
  assert.equal((await page.textContent('#C53-PRE-02-status')).trim(), 'Answered; the roles register does not show it yet (see below)');
  await page.check('#gaps-only');
  assert.ok((await shown()).includes('C53-PRE-02'));
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a link to a question this version does not have says so and leads back', async () => {
  const { context, page, consoleErrors, requests } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await page.check('#C53-PRE-01-yes');
  await page.evaluate(() => { location.hash = '#/item/C53-PRE-99'; });
  await page.getByRole('heading', { level: 1, name: 'No such section or question' }).waitFor();
  assert.match(await page.textContent('main'), /Your answers are unchanged/);
  await screenshot(page, 'not-found');
  assert.equal(requests.filter((r) => /tools-[0-9a-f]+/.test(r.url)).length, 0, 'no tool is loaded for it');
  assert.deepEqual(await axeViolations(page), []);
  await page.click('#not-found-start');
  await page.waitForSelector('#C53-PRE-01-yes');
  assert.equal(await page.isChecked('#C53-PRE-01-yes'), true);
  await page.evaluate(() => { location.hash = '#/area/no-such-area'; });
  await page.getByRole('heading', { level: 1, name: 'No such section or question' }).waitFor();
  // A mistyped view too, rather than quietly showing the first section.
  await page.click('#not-found-start');
  await page.waitForSelector('#C53-PRE-01-yes');
  await page.evaluate(() => { location.hash = '#/dashbord'; });
  await page.getByRole('heading', { level: 1, name: 'No such section or question' }).waitFor();
  // The start itself, and a plain fragment such as the skip link's, are the first section.
  for (const hash of ['#/', '#main']) {
    await page.goto(`${server.url}${hash}`);
    await page.waitForSelector('#C53-PRE-01-yes');
  }
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('printing from dark mode prints dark text on white, not the dark screen palette', async () => {
  const { context, page } = await recordingPage(browser);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(server.url);
  await waitForApp(page);
  const colours = () => page.evaluate(() => {
    const item = getComputedStyle(document.querySelector('.item'));
    return { text: getComputedStyle(document.documentElement).color, card: item.backgroundColor };
  });
  assert.deepEqual(await colours(), { text: 'rgb(232, 235, 239)', card: 'rgb(28, 32, 38)' }, 'dark on screen');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  assert.deepEqual(await colours(), { text: 'rgb(27, 31, 36)', card: 'rgb(255, 255, 255)' }, 'light on paper');
  // On paper the readiness panel is whole and the navigation box is left out (checking pass: it
  // printed clipped).
  assert.equal(await page.isVisible('.area-nav'), false);
  const clipped = await page.$eval('.side .summary', (s) => s.scrollHeight > s.clientHeight + 1);
  assert.equal(clipped, false);
  await context.close();
});

test('the page carries a strict Content-Security-Policy', async () => {
  const { context, page } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  for (const directive of ["default-src 'none'", "connect-src 'self'", "style-src 'self'", "base-uri 'none'", "form-action 'none'", "object-src 'none'"]) {
    assert.ok(csp.includes(directive), `${directive} missing from ${csp}`);
  }
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.ok(!csp.includes('unsafe-inline'));
  await context.close();
});

test('"show gaps only" on a section with none says so', async () => {
  // User pass: the section showed only its heading and the link to the next one.
  const { context, page, consoleErrors } = await recordingPage(browser);
  await startWith(page, server.url, storedStateAll('yes'));
  await page.goto(`${server.url}#/area/c53-preaudit`);
  await page.waitForSelector('#gaps-only');
  assert.equal(await page.isVisible('#gaps-none'), false);
  await page.check('#gaps-only');
  assert.equal(await page.$$eval('.area article.item:not(.hidden)', (els) => els.length), 0);
  assert.equal((await page.textContent('#gaps-none')).trim(), 'No gaps in this section.');
  assert.equal(await page.isVisible('#gaps-none'), true);
  assert.equal((await page.textContent('#gaps-status')).trim(), 'No gaps in this section.');
  assert.deepEqual(await axeViolations(page), []);
  await page.uncheck('#gaps-only');
  assert.equal(await page.isVisible('#gaps-none'), false);
  assert.equal((await page.textContent('#gaps-status')).trim(), '');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
