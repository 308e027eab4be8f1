// The roles and accountability register built in the browser: people, role assignments, RASCI
// and competence entered there survive a reload; a leaver still holding a role and a
// segregation-of-duties conflict show up as register check findings; a valid register reads
// Ready everywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serveStatic, launch, recordingPage, waitForApp, axeViolations, screenshot, STORAGE_KEY, storedStateAll, isoDaysFromToday,
  CONTENT, storedAssessment,
} from './harness.mjs';
import { text, checkText, checkStatus, openRegisterAt } from './register-helpers.mjs';

let server;
let browser;
before(async () => { server = await serveStatic(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const REGISTER_ITEMS = CONTENT.items.filter((i) => i.source === 'register').map((i) => i.id);
const describedBy = (page, selector) => page.$eval(selector, (el) => el.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent.replace(/\s+/g, ' ').trim()).join(' '));
const openRegister = (page) => openRegisterAt(server.url, page);

async function addPerson(page, id, name, title) {
  await page.click('#add-person');
  await page.fill(`#person-${id}-name`, name);
  await page.fill(`#person-${id}-title`, title);
  await page.fill(`#person-${id}-start`, isoDaysFromToday(-700));
}

async function assign(page, id, role, person, reportsTo = '') {
  await page.click('#add-assignment');
  await page.selectOption(`#assignment-${id}-role`, role);
  // The record first, then the holder (founder pass: picking the holder of a new line wiped what
  // had been typed on it, as if it were the pre-filled person's appointment).
  await page.fill(`#assignment-${id}-evidence`, `Signed letter ${id}`);
  await page.fill(`#assignment-${id}-date`, isoDaysFromToday(-200));
  await page.check(`#assignment-${id}-authority`);
  await page.selectOption(`#assignment-${id}-person`, person);
  assert.equal(await page.inputValue(`#assignment-${id}-evidence`), `Signed letter ${id}`);
  assert.equal(await page.isChecked(`#assignment-${id}-authority`), true);
  if (reportsTo) await page.selectOption(`#assignment-${id}-reports-to`, reportsTo);
}

test('a register built in the browser survives a reload; a leaver and a duty conflict become findings', async () => {
  const { context, page, consoleErrors, cspViolations } = await recordingPage(browser);
  await openRegister(page);
  assert.equal(await page.isVisible('#people-empty'), true);
  assert.equal(await page.isDisabled('#add-assignment'), true, 'no assignment without people');
  assert.match(await checkText(page, 'REG-ROLES-ASSIGNED'), /Nobody who works here holds the role Top management/);

  await addPerson(page, 'p1', 'Ada Okafor', 'CEO');
  await page.check('#person-p1-top');
  await addPerson(page, 'p2', 'Ben Lindqvist', 'Head of Security');
  await addPerson(page, 'p3', 'Cara Mendes', 'QA lead');
  assert.equal(await text(page, '#person-p2-heading'), 'Ben Lindqvist');
  assert.equal(await text(page, '#person-p2-status'), 'Works here');

  await assign(page, 'a1', 'top-management', 'p1');
  await assign(page, 'a2', 'security-manager', 'p2', 'p1');
  await page.selectOption('#assignment-a2-backup', 'p3');
  await assign(page, 'a3', 'internal-auditor', 'p3', 'p1');
  await assign(page, 'a4', 'performance-reporting', 'p2', 'p1');
  // The holder is never offered as their own manager.
  const managers = await page.$$eval('#assignment-a2-reports-to option', (os) => os.map((o) => o.value));
  assert.deepEqual(managers, ['', 'p1', 'p3']);
  assert.match(await text(page, '#assignment-a2-heading'), /Information security manager \(ISMS owner\) — Ben Lindqvist/);

  // RASCI: one accountable on a row is fine, none or two is marked in words.
  await page.selectOption('#raci-risk-acceptance-top-management', 'a');
  await page.selectOption('#raci-internal-audit-internal-auditor', 'r');
  await page.selectOption('#raci-policy-approval-top-management', 'a');
  await page.selectOption('#raci-policy-approval-security-manager', 'a');
  assert.equal(await text(page, '#raci-risk-acceptance-status'), '');
  assert.match(await text(page, '#raci-conformance-status'), /No role is accountable/);
  assert.match(await text(page, '#raci-policy-approval-status'), /2 roles are accountable/);
  // The security manager alone approving policies: Clause 5.2 gives that to top management.
  await page.selectOption('#raci-policy-approval-top-management', '');
  assert.equal(await text(page, '#raci-policy-approval-status'), '⚠ Clause 5.2 gives this to top management');
  await page.selectOption('#raci-policy-approval-top-management', 'a');
  await page.selectOption('#raci-policy-approval-security-manager', '');
  assert.equal(await text(page, '#raci-policy-approval-status'), '');
  await page.selectOption('#raci-policy-approval-security-manager', 'a');
  assert.equal(await page.getAttribute('#raci-risk-acceptance-security-manager', 'aria-label'),
    'Accepting residual risks and approving risk treatment — Information security manager (ISMS owner)');

  // Competence with a renewal period that has passed.
  await page.click('#add-competence');
  await page.selectOption('#competence-c1-person', 'p2');
  await page.selectOption('#competence-c1-role', 'security-manager');
  await page.selectOption('#competence-c1-kind', 'certification');
  await page.fill('#competence-c1-description', 'ISO 27001 Lead Implementer');
  await page.fill('#competence-c1-achieved', isoDaysFromToday(-800));
  await page.fill('#competence-c1-renew', '24');
  assert.match(await text(page, '#competence-c1-expiry'), /^Expired on \d{4}-\d\d-\d\d$/);
  // Part of a month, typed key by key, is refused with a message from the "."; what stays saved
  // is the last whole number typed, never "does not lapse".
  await page.fill('#competence-c1-renew', '');
  await page.type('#competence-c1-renew', '1.5');
  assert.equal(await page.isVisible('#competence-c1-renew-invalid'), true);
  assert.equal(await page.inputValue('#competence-c1-renew'), '1.5');
  assert.equal((await storedAssessment(page)).register.competence[0].renew_every_months, 1);
  await page.fill('#competence-c1-renew', '24');
  assert.equal(await page.isVisible('#competence-c1-renew-invalid'), false);
  assert.match(await text(page, '#competence-c1-expiry'), /^Expired on \d{4}-\d\d-\d\d$/);

  // The org chart shows the reporter's line to top management, in words too.
  assert.match(await text(page, '#org-reporting-status'), /Ben Lindqvist reports ISMS performance and reaches top management: Ben Lindqvist → Ada Okafor/);
  assert.equal(await page.locator('#org-svg g.org-box').count(), 3);
  assert.equal(await page.locator('#org-p2.org-path').count(), 1);

  await page.reload();
  await page.waitForSelector('#person-p3-name');
  assert.equal(await page.inputValue('#person-p1-name'), 'Ada Okafor');
  assert.equal(await page.inputValue('#person-p2-title'), 'Head of Security');
  assert.equal(await page.isChecked('#person-p1-top'), true);
  assert.equal(await page.isChecked('#person-p2-top'), false);
  assert.equal(await page.inputValue('#assignment-a2-role'), 'security-manager');
  assert.equal(await page.inputValue('#assignment-a2-person'), 'p2');
  assert.equal(await page.inputValue('#assignment-a2-reports-to'), 'p1');
  assert.equal(await page.inputValue('#assignment-a2-backup'), 'p3');
  // The holder is offered neither as their own deputy nor as whom they report to.
  const values = (select) => page.locator(`${select} option`).evaluateAll((options) => options.map((o) => o.value));
  assert.ok(!(await values('#assignment-a2-backup')).includes('p2'));
  assert.ok(!(await values('#assignment-a2-reports-to')).includes('p2'));
  assert.ok((await values('#assignment-a2-backup')).includes('p1'));
  // With a line manager recorded, the empty choice names them, and they are not listed again
  // (founder pass of stop 44: "Their line manager (Ada Okafor)" beside "Ada Okafor").
  await page.selectOption('#person-p2-manager', 'p1');
  await page.selectOption('#assignment-a4-reports-to', '');
  await page.waitForFunction(() => document.querySelector('#assignment-a4-reports-to option[value=""]')?.textContent === 'Their line manager (Ada Okafor)');
  assert.deepEqual(await values('#assignment-a4-reports-to'), ['', 'p3']);
  assert.ok((await values('#assignment-a2-reports-to')).includes('p1'), 'named there, so still listed');
  assert.equal(await page.inputValue('#assignment-a2-date'), isoDaysFromToday(-200));
  assert.equal(await page.isChecked('#assignment-a2-authority'), true);
  assert.equal(await page.inputValue('#assignment-a3-role'), 'internal-auditor');
  assert.equal(await page.inputValue('#raci-risk-acceptance-top-management'), 'a');
  assert.equal(await page.inputValue('#competence-c1-renew'), '24');
  const stored = { assessment: await storedAssessment(page) };
  assert.equal(stored.assessment.register.people.length, 3);
  assert.equal(stored.assessment.register.assignments.length, 4);
  assert.equal(await checkStatus(page, 'REG-CURRENT-HOLDERS'), '✓ Ready');

  // The security manager leaves: their role is now held by a former employee. The field says
  // which day it means (auditor probe: a last working day typed there read as already gone).
  assert.equal(await text(page, 'label[for="person-p2-left"]'), 'Leaving date (first day gone)');
  await page.fill('#person-p2-left', isoDaysFromToday(-3));
  assert.equal(await text(page, '#person-p2-status'), `Left on ${isoDaysFromToday(-3)}`);
  assert.match(await text(page, '#assignment-a2-warning'), /Holder left on/);
  // The vacancy is the major; the stale record is part of it (it costs its points, but is not
  // a second nonconformity), and says so.
  const current = await checkText(page, 'REG-CURRENT-HOLDERS');
  // The kind carries its date, as in the reports.
  assert.ok(current.includes(`Part of another finding · Role gap (since ${isoDaysFromToday(-3)}) (−2 pts)`), current);
  assert.match(current, /\(−2 pts\)Part of “The roles the ISMS cannot run without have a current holder” \(Clause 5\.3, A 5\.2\)/);
  assert.match(await checkText(page, 'REG-ROLES-ASSIGNED'), /Major nonconformity/);
  assert.match(current, new RegExp(`Ben Lindqvist still holds the role Information security manager \\(ISMS owner\\) after their leaving date, ${isoDaysFromToday(-3)}`));
  assert.equal(await text(page, '#readiness-verdict'), 'Not ready');
  assert.match(await text(page, '#org-reporting-status'), /Nobody who works here today reports ISMS performance/);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'register-problems-1280');

  // Cara takes over as security manager while still internal auditor: a duty conflict. Ben's
  // appointment record is not hers (auditor probe: she inherited his letter and its date): it is
  // cleared, said, and can be undone.
  const bens = await page.inputValue('#assignment-a2-evidence');
  await page.selectOption('#assignment-a2-person', 'p3');
  assert.equal(await page.inputValue('#assignment-a2-evidence'), '');
  assert.match(await text(page, '#assignment-a2-note'), /^The appointment record, its date and the authority were Ben Lindqvist's appointment, so they were cleared: record Cara Mendes's own\./);
  await page.click('#assignment-a2-undo-holder');
  assert.equal(await page.inputValue('#assignment-a2-person'), 'p2');
  assert.equal(await page.inputValue('#assignment-a2-evidence'), bens);
  assert.equal(await page.locator('#assignment-a2-undo-holder').count(), 0);
  // The focus stays on the card, on the holder.
  await page.waitForFunction(() => document.activeElement?.id === 'assignment-a2-person');
  // Two changes in a row (arrow keys pass through each person) undo to the first holder.
  await page.selectOption('#assignment-a2-person', 'p1');
  await page.selectOption('#assignment-a2-person', 'p3');
  await page.click('#assignment-a2-undo-holder');
  assert.equal(await page.inputValue('#assignment-a2-person'), 'p2');
  assert.equal(await page.inputValue('#assignment-a2-evidence'), bens);
  await page.selectOption('#assignment-a2-person', 'p3');
  const sod = await checkText(page, 'REG-SOD');
  assert.match(sod, /Cara Mendes is both Information security manager \(ISMS owner\) and internal auditor/);
  assert.match(await checkStatus(page, 'REG-SOD'), /Duty conflict/);
  // She was the deputy: that link is cleared and said so, and the cover check sees none.
  assert.match(await text(page, '#assignment-a2-note'), / “Deputy” was cleared: a role holder cannot be their own deputy\. Undo$/);
  assert.equal(await page.inputValue('#assignment-a2-backup'), '');
  assert.match(await checkText(page, 'REG-DEPUTIES'), /Cara Mendes as Information security manager \(ISMS owner\) has no deputy/);
  // The compensating measure, recorded on her internal auditor assignment, manages the conflict;
  // only an internal auditor's card asks for it.
  assert.equal(await page.locator('#assignment-a2-independent').count(), 0);
  await page.fill('#assignment-a3-independent', 'External auditor audits the ISMS; audit programme 2026');
  assert.equal(await checkStatus(page, 'REG-SOD'), '✓ Ready');
  assert.equal((await storedAssessment(page)).register.assignments.find((a) => a.id === 'a3').independent_check, 'External auditor audits the ISMS; audit programme 2026');
  await page.fill('#assignment-a3-independent', '');
  assert.match(await checkStatus(page, 'REG-SOD'), /Duty conflict/);

  // Ben still has a role and a competence record: removing him is refused with the reasons,
  // then done together with his references.
  await page.click('#person-p2-remove');
  assert.match(await text(page, '#person-p2-refusal'), /Ben Lindqvist has a leaving date but the register still names them: holds the role ISMS performance reporter/);
  // Keeping him closes the alert and puts the focus back on the button that asked.
  await page.click('#person-p2-keep');
  await page.waitForFunction(() => document.activeElement?.id === 'person-p2-remove');
  assert.equal(await page.locator('#person-p2-refusal').count(), 0);
  await page.click('#person-p2-remove');
  const before = await storedAssessment(page);
  await page.click('#person-p2-remove-all');
  assert.equal(await page.locator('#person-p2').count(), 0);
  assert.equal(await page.locator('#assignment-a4').count(), 0);
  assert.equal(await page.locator('#competence-c1').count(), 0);
  assert.equal(await checkStatus(page, 'REG-CURRENT-HOLDERS'), '✓ Ready');
  // What went is said (a status, read out) and can be undone (keyboard pass: gone for good,
  // with nothing said): everything comes back, and the focus to the button that removed it.
  assert.match(await text(page, '#people-removed'), /^Removed Ben Lindqvist, with \d+ role assignments? and 1 competence record(; \d+ other lines? no longer names? them)?\. Undo$/);
  assert.equal(await page.getAttribute('#people-removed', 'role'), 'status');
  // The button is described by what it undoes (keyboard pass of stop 50: "Undo" alone).
  assert.match(await describedBy(page, '#people-undo-remove'), /^Removed Ben Lindqvist, with/);
  const removedText = await text(page, '#people-removed-text');
  await page.click('#people-undo-remove');
  await page.waitForFunction(() => document.activeElement?.id === 'person-p2-remove');
  assert.deepEqual(await storedAssessment(page), before);
  // And the undo is said (the notice went blank).
  assert.equal(await text(page, '#people-removed-text'), removedText.replace(/^Removed /, 'Restored '));
  assert.equal(await page.isVisible('#people-undo-remove'), false, 'nothing left to undo');
  assert.equal(await page.getAttribute('#person-p2-remove', 'aria-label'), 'Remove person: Ben Lindqvist');
  // Once anything else changes, the undo is no longer offered, nor its "Restored".
  await page.click('#assignment-a4-remove');
  assert.equal(await text(page, '#people-removed'), '');
  assert.match(await text(page, '#assignments-removed'), /^Removed the assignment ISMS performance reporter .* — Ben Lindqvist\. Undo$/);
  await page.fill('#assignment-a3-independent', 'Board audit committee');
  assert.equal(await text(page, '#assignments-removed'), '');
  await page.click('#person-p2-remove');
  await page.click('#person-p2-remove-all');
  assert.equal(await page.locator('#person-p2').count(), 0);
  assert.equal(await page.locator('#competence-c1').count(), 0);
  await page.fill('#assignment-a3-independent', '');

  // A custom role gets its own RASCI column; renaming it carries its cells along, and cells left
  // behind by a removed custom role stay visible until cleared.
  const addCustom = async (name) => {
    await page.click('#add-assignment');
    const id = await page.$$eval('#assignment-list > li', (lis) => lis.at(-1).id);
    await page.selectOption(`#${id}-role`, 'custom');
    await page.fill(`#${id}-custom`, name);
    await page.press(`#${id}-custom`, 'Tab');
    return id;
  };
  const custom = await addCustom('Data protection officer');
  await page.selectOption('#raci-policy-approval-custom-data-protection-officer', 'c');
  const dpo = await addCustom('DPO');
  await page.selectOption('#raci-incident-register-custom-dpo', 'r');
  // Typed key by key, the new name passes through "DPO", the other role's column. The name only
  // applies once committed, so the cells move with it and none land in the DPO's column.
  await page.fill(`#${custom}-custom`, '');
  await page.type(`#${custom}-custom`, 'DPO lead');
  assert.equal(await page.inputValue('#raci-policy-approval-custom-data-protection-officer'), 'c', 'nothing applied while typing');
  await page.press(`#${custom}-custom`, 'Tab');
  assert.equal(await page.locator('#raci-policy-approval-custom-data-protection-officer').count(), 0);
  assert.equal(await page.inputValue('#raci-policy-approval-custom-dpo-lead'), 'c');
  assert.equal(await page.inputValue('#raci-policy-approval-custom-dpo'), '');
  assert.equal(await page.inputValue('#raci-incident-register-custom-dpo'), 'r');
  assert.match(await text(page, `#${custom}-heading`), /^DPO lead — /);
  assert.match(await text(page, `#${dpo}-heading`), /^DPO — /);
  await page.click(`#${custom}-remove`);
  assert.match(await text(page, '#raci-matrix thead'), /DPO lead \(no longer assigned\)/i);
  await page.selectOption('#raci-policy-approval-custom-dpo-lead', '');
  assert.equal(await page.locator('#raci-policy-approval-custom-dpo-lead').count(), 0);

  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(await cspViolations(), []);
  await context.close();
});

test('a valid register reads Ready on every check, at 1280 and 375 px', async () => {
  const { context, page, consoleErrors, cspViolations } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await page.evaluate(([key, value]) => { localStorage.clear(); localStorage.setItem(key, value); }, [STORAGE_KEY, storedStateAll('yes')]);
  await openRegister(page);
  await page.reload();
  await page.waitForSelector('#person-p5-name');

  assert.equal(REGISTER_ITEMS.length, 10);
  for (const id of REGISTER_ITEMS) assert.equal(await checkStatus(page, id), '✓ Ready', id);
  assert.equal(await text(page, '#register-checks-summary'), 'All 10 register checks are ready.');
  assert.equal(await text(page, '#readiness-verdict'), 'Ready, on your word');
  assert.equal(await page.locator('.raci-marker:not(:empty)').count(), 0);
  assert.match(await text(page, '#org-reporting-status'), /Ben Lindqvist → Ada Okafor/);
  assert.equal(await page.locator('#org-svg g.org-box').count(), 5);
  assert.equal(await page.inputValue('#assignment-a9-backup'), 'p2');
  assert.match(await text(page, '#competence-c3-expiry'), /Does not lapse/);
  // Top management's own place says its record and authority are not asked for; the others do not.
  assert.match(await text(page, '#assignment-a1-by-position'), /^Held by position: top management needs no appointment record/);
  assert.equal(await page.locator('#assignment-a2-by-position').count(), 0);

  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'register-1280');
  // On a wide screen no picker cuts off its choice ("Information security manager (ISMS owner)",
  // "Nobody (top of the line)"): the chosen text fits beside the drop-down arrow.
  const cutOff = await page.$$eval('.reg-list select', (selects) => {
    const ctx = document.createElement('canvas').getContext('2d');
    return selects.flatMap((s) => {
      const style = getComputedStyle(s);
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = s.selectedOptions[0]?.text ?? '';
      const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return ctx.measureText(text).width > room ? [`${s.id}: ${text}`] : [];
    });
  });
  assert.deepEqual(cutOff, []);
  // Keyboard pass: the matrix is over a hundred tab stops; a link just before it, shown when
  // focused, skips to the next section.
  const stops = await page.locator('#raci-matrix select').count();
  assert.ok(stops > 100, `${stops} cells`);
  const skip = page.locator('.skip-past');
  assert.ok((await skip.boundingBox()).x < 0, 'the skip link is out of sight until focused');
  await page.focus('#raci-matrix select >> nth=0');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-past');
  assert.ok((await skip.boundingBox()).x >= 0, 'the focused skip link is on screen');
  assert.equal((await skip.innerText()).trim(), 'Skip the RASCI matrix');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'competence-title');
  assert.equal(new URL(page.url()).hash, '#/register', 'the route stays');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('#raci-matrix')), false);
  // On a wide screen the header names the roles, so the cells do not.
  assert.equal(await page.locator('.raci-cell-role').first().isVisible(), false);

  await page.setViewportSize({ width: 375, height: 800 });
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'register-375');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways at 375 px by ${overflow}px`);
  const matrix = await page.$eval('.raci-wrap', (w) => ({ scroll: w.scrollWidth, client: w.clientWidth }));
  assert.ok(matrix.scroll > matrix.client, 'the matrix scrolls inside its wrapper');
  // With the header row out of sight, each cell names its role (founder pass: rows of bare boxes).
  const cellRole = page.locator('#raci-matrix tbody tr:last-child td').last().locator('.raci-cell-role');
  assert.equal(await cellRole.isVisible(), true);
  const lastRole = (await page.locator('#raci-matrix thead th').last().innerText()).trim();
  assert.ok(lastRole.startsWith((await cellRole.innerText()).trim()), `${await cellRole.innerText()} under ${lastRole}`);
  // In a few words, so a row stays low (founder pass: the security manager's full name made
  // every row four lines tall).
  const smCell = page.locator('td:has(#raci-policy-approval-security-manager) .raci-cell-role');
  assert.equal((await smCell.innerText()).trim(), 'Security manager');
  // Readable too: 11 px at least (founder pass of stop 45: 10.4 px).
  assert.ok(await smCell.evaluate((e) => parseFloat(getComputedStyle(e).fontSize)) >= 11);
  const rowHeights = await page.$$eval('#raci-matrix tbody tr', (rows) => rows.map((r) => r.getBoundingClientRect().height));
  assert.ok(Math.max(...rowHeights) < 90, `RASCI rows ${rowHeights.join(', ')} px tall`);
  // Every cell is still operable on a phone.
  await page.selectOption('#raci-soa-sign-off-awareness-trainer', 'i');
  assert.equal(await page.inputValue('#raci-soa-sign-off-awareness-trainer'), 'i');

  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(await cspViolations(), []);
  await context.close();
});
