// Exports from the real app: every format downloads as a file (nothing is sent anywhere), is
// checked by outside tools, and hostile text never runs or evaluates. Backups: an encrypted one
// needs its passphrase, a full one restores every assessment as it was, and one the import would
// refuse says so before it is relied on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, rm, copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ROOT, ARTIFACTS, serveStatic, launch, recordingPage, waitForApp, axeViolations, foreignOrNonGet, screenshot, STORAGE_KEY,
  storedAssessment, startWith, storedStateAll, validRegister,
} from './harness.mjs';

const PYTHON = join(ROOT, '.tools/venv/bin/python');
const HOSTILE_NOTE = '<img src=x onerror=alert(1)>';
const HOSTILE_OWNER = '=HYPERLINK("http://evil.example","x")';
const HOSTILE_NAME = 'Stage 2 <img src=y alt=stage> *bold* | =1+1';

let server;
let browser;
before(async () => { server = await serveStatic(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function downloadTo(page, buttonId, dir) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#${buttonId}`)]);
  const path = join(dir, download.suggestedFilename());
  await copyFile(await download.path(), path);
  return path;
}

test('every format downloads from the app and passes the outside validators; hostile text stays inert', async () => {
  const { context, page, requests, consoleErrors, cspViolations } = await recordingPage(browser);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(server.url);
  await waitForApp(page);
  await page.check('#C53-PRE-01-no');
  await page.click('#C53-PRE-01-note-summary');
  await page.fill('#C53-PRE-01-note', HOSTILE_NOTE);
  await page.check('#C53-PRE-02-partly');
  // A note that is one long link: the report wraps it on a phone and on paper (and keeps its date whole).
  await page.click('#C53-PRE-02-note-summary');
  await page.fill('#C53-PRE-02-note', 'Signed 2026-05-04: https://sharepoint.example.com/sites/isms/Shared%20Documents/Appointments/SecurityManagerAppointmentLetter_2026.pdf');
  await page.click('#nav-plan');
  await page.fill('#gap-C53-PRE-01-owner', HOSTILE_OWNER);
  await page.fill('#gap-C53-PRE-02-owner', 'Sam (back on 2026-12-14)');
  // The assessment's name heads the reports and names their files.
  await page.click('#nav-assessments');
  await page.fill('#assessment-a1-name', HOSTILE_NAME);
  await page.press('#assessment-a1-name', 'Tab');

  await page.click('#nav-export');
  await page.waitForSelector('#export-preview');
  assert.match(await page.textContent('#export-preview'), /Audit readiness report/);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'export-1280');

  const dir = join(ARTIFACTS, 'exports');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const files = {};
  for (const kind of ['markdown', 'html', 'csv', 'oscal', 'calendar', 'backup']) {
    files[kind] = await downloadTo(page, `export-${kind}`, dir);
  }
  assert.match(files.markdown, /audit-readiness-stage-2-img-src-y-alt-stage-bold-1-1-internal-\d{4}-\d{2}-\d{2}\.md$/);
  assert.match(files.backup, /audit-readiness-backup-\d{4}-\d{2}-\d{2}-\d{4}\.json$/, 'the backup holds every assessment, and its time tells two of a day apart');
  assert.ok((await readFile(files.markdown, 'utf8')).includes('**Assessment:** Stage 2 \\<img'), 'the name, escaped');
  const out = execFileSync(PYTHON, [join(ROOT, 'tests/validate_downloads.py'), dir], { encoding: 'utf8' });
  console.log(out.trim());
  assert.match(out, /^6 passed, 0 failed$/m);
  // The plan carries each question's note as the user typed it (founder pass: it had none).
  const planLines = (await readFile(files.csv, 'utf8')).split('\r\n');
  assert.ok(planLines[0].endsWith(',owner_suggested,note,due_warning'), planLines[0]);
  assert.ok(planLines.some((l) => l.includes(',C53-PRE-01,') && l.endsWith(`,${HOSTILE_NOTE},`)), 'the note of C53-PRE-01, then no date warning');
  assert.match(await page.textContent('#formats-explained'), /OSCAL is NIST's open JSON format/);
  // The preview shows each text file as it is saved (founder pass: only Markdown could be seen).
  // The saved calendar is stamped with the moment it was made, in UTC (returning-user pass of
  // stop 49: the local day at midnight was labelled UTC); the preview only differs there.
  const stamps = [...(await readFile(files.calendar, 'utf8')).matchAll(/^DTSTAMP:(.*)\r$/gm)].map((m) => m[1]);
  const utc = new Date().toISOString().replace(/[-:]/g, '').slice(0, 9);
  assert.ok(stamps.length > 0 && stamps.every((s) => /^\d{8}T\d{6}Z$/.test(s) && s.startsWith(utc) && s !== `${utc}000000Z`), stamps.join(' '));
  const unstamped = (text) => text.replace(/^DTSTAMP:.*$/gm, 'DTSTAMP');
  for (const kind of ['csv', 'calendar', 'markdown']) {
    await page.selectOption('#preview-format', kind);
    const saved = (await readFile(files[kind], 'utf8')).replace(/^\uFEFF/, '');
    assert.equal(unstamped(await page.textContent('#export-preview')), unstamped(saved), `${kind} preview`);
  }

  // Redaction: the board profile names nobody and carries no notes.
  await page.check('#profile-board');
  const preview = await page.textContent('#export-preview');
  assert.ok(!preview.includes('HYPERLINK') && !preview.includes('onerror'), 'board preview leaks owner or note');
  assert.equal(await page.isVisible('#auditor-open-questions'), false, 'said only of the auditor\'s copy');
  await page.check('#profile-auditor');
  assert.ok(!(await page.textContent('#export-preview')).includes('onerror'), 'auditor preview leaks a private note');
  // Questions still open read as findings in the auditor's copy: said before it is sent (founder pass).
  assert.match(await page.textContent('#auditor-open-questions'), /^This version still lists the \d+ questions not answered yet \(or “not sure”\) as open findings: answer them before you send it\.$/);
  // Each audience's file says whom it is for, so the internal one is not sent by mistake.
  for (const [profile, audience] of [['board', 'board'], ['auditor', 'for-auditor']]) {
    await page.check(`#profile-${profile}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-markdown')]);
    assert.match(download.suggestedFilename(), new RegExp(`-1-1-${audience}-\\d{4}-\\d{2}-\\d{2}\\.md$`));
  }

  // The downloaded HTML report, opened in the browser, runs nothing and shows the note as text.
  const reportPage = await context.newPage();
  reportPage.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await reportPage.goto(`file://${files.html}`);
  assert.ok((await reportPage.textContent('body')).includes(HOSTILE_NOTE));
  assert.ok((await reportPage.textContent('body')).includes(HOSTILE_NAME));
  assert.equal(await reportPage.locator('img').count(), 0);
  assert.deepEqual(await axeViolations(reportPage), [], 'the report passes axe-core on a desktop');
  // On a phone its tables fit the screen: no sideways scrolling, each row a card whose cells
  // say which column they are, and the text gets most of the width rather than a sliver.
  await reportPage.setViewportSize({ width: 375, height: 800 });
  const phone = await reportPage.evaluate(() => {
    const cell = document.querySelectorAll('table')[1].querySelector('tbody td:nth-child(2)');
    return {
      scrollWidth: document.documentElement.scrollWidth, innerWidth,
      label: getComputedStyle(cell, '::before').content, cellWidth: cell.getBoundingClientRect().width,
      // A date inside a cell's text flows with that text, right of the label, never under it.
      dateOffsets: [...document.querySelectorAll('td span.date')]
        .map((s) => s.getBoundingClientRect().left - s.closest('td').getBoundingClientRect().left),
    };
  });
  assert.ok(phone.scrollWidth <= phone.innerWidth, `the report is ${phone.scrollWidth} px wide at ${phone.innerWidth} px`);
  assert.equal(phone.label, '"Item"');
  assert.ok(phone.cellWidth > phone.innerWidth * 0.75, `a row is ${phone.cellWidth} px wide`);
  assert.ok(phone.dateOffsets.length > 0 && phone.dateOffsets.every((x) => x >= 110), `dates at ${phone.dateOffsets}`);
  await reportPage.screenshot({ path: join(ARTIFACTS, 'report-375.png') });
  assert.deepEqual(await axeViolations(reportPage), [], 'the report passes axe-core on a phone');
  // Printed on A4 (182 mm between the margins, 688 CSS px), every table stays on the page, long
  // owner text and all, and no word of the report's own is split (the 'Predicted finding' column).
  await reportPage.setViewportSize({ width: 688, height: 1000 });
  await reportPage.emulateMedia({ media: 'print' });
  const printed = await reportPage.evaluate(() => ({
    widest: Math.max(...[...document.querySelectorAll('table')].map((t) => t.getBoundingClientRect().right)),
    innerWidth,
    severityLines: Math.round(document.querySelectorAll('table')[1].querySelector('tbody td:nth-child(3)').getBoundingClientRect().height
      / parseFloat(getComputedStyle(document.querySelectorAll('table')[1].querySelector('tbody td:nth-child(3)')).lineHeight)),
  }));
  assert.ok(printed.widest <= printed.innerWidth, `a printed table is ${printed.widest} px wide on a ${printed.innerWidth} px page`);
  assert.ok(printed.severityLines <= 3, `'Major nonconformity' took ${printed.severityLines} lines`);
  await reportPage.close();

  assert.deepEqual(dialogs, []);
  assert.deepEqual(foreignOrNonGet(requests.filter((r) => !r.url.startsWith('file:')), server.origin), []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(await cspViolations(), []);
  await context.close();
});

test('an encrypted backup needs its passphrase: a wrong one is refused clearly, the right one opens it', async () => {
  const { context, page, consoleErrors } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await page.check('#C53-PRE-04-partly');
  await page.click('#nav-export');
  await page.fill('#backup-passphrase', 'short');
  await page.click('#export-encrypted');
  assert.match(await page.textContent('#encrypted-status'), /at least 10 characters/);
  await page.fill('#backup-passphrase', 'correct horse battery staple');
  const [download] = await Promise.all([page.waitForEvent('download'), page.press('#backup-passphrase', 'Enter')]);
  assert.match(download.suggestedFilename(), /\.encrypted\.json$/);
  const dir = join(ARTIFACTS, 'imports');
  await mkdir(dir, { recursive: true });
  const file = join(dir, download.suggestedFilename());
  await copyFile(await download.path(), file);
  const sealed = await readFile(file, 'utf8');
  assert.ok(!sealed.includes('C53-PRE-04'), 'nothing readable leaks from the encrypted file');
  assert.equal(JSON.parse(sealed).cipher, 'AES-256-GCM');

  // A file from a newer version is refused before any passphrase is asked for.
  const newer = join(dir, 'newer.encrypted.json');
  await writeFile(newer, JSON.stringify({ ...JSON.parse(sealed), version: 2 }));
  await page.setInputFiles('#import-file', newer);
  await page.waitForFunction(() => document.querySelector('#import-message').textContent.startsWith('This file cannot be imported'));
  assert.match(await page.textContent('#import-message'), /format version 2.*Nothing was changed\.$/);
  assert.equal(await page.locator('#import-passphrase').count(), 0);

  // Change the answer, then bring the encrypted backup back in.
  await page.click('a[href="#/area/c53-preaudit"]');
  await waitForApp(page);
  await page.check('#C53-PRE-04-no');
  await page.click('#nav-export');
  await page.setInputFiles('#import-file', file);
  await page.waitForSelector('#import-passphrase');
  await page.press('#import-passphrase', 'Enter'); // nothing typed yet: asked for, not "wrong"
  assert.equal(await page.textContent('#import-message'), 'Enter the passphrase this backup was encrypted with. Nothing was changed.');
  await page.fill('#import-passphrase', 'wrong passphrase!');
  await page.click('#import-decrypt');
  await page.waitForFunction(() => document.querySelector('#import-message').textContent.includes('passphrase is wrong'));
  assert.match(await page.textContent('#import-message'), /^Could not open the backup: the passphrase is wrong.*Nothing was changed\.$/);
  // The passphrase is marked, not the file (team pass of stop 45).
  assert.equal(await page.getAttribute('#import-passphrase', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#import-passphrase', 'aria-describedby'), 'import-message');
  assert.equal(await page.getAttribute('#import-file', 'aria-invalid'), null);
  await page.fill('#import-passphrase', 'correct horse battery staple');
  await page.press('#import-passphrase', 'Enter'); // Enter opens it, like the button
  await page.waitForSelector('#merge-table');
  // The passphrase field is gone: the focus is back on the file picker, not lost to the page.
  await page.waitForFunction(() => document.activeElement?.id === 'import-file');
  await page.selectOption('#merge-C53-PRE-04', 'theirs');
  await page.click('#confirm-merge');
  assert.equal((await storedAssessment(page)).responses['C53-PRE-04'].answer, 'partly');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a full backup holds every assessment and restores them as they were on a device where nothing was entered yet', async () => {
  const { context, page } = await recordingPage(browser);
  await page.goto(server.url);
  await waitForApp(page);
  await page.check('#C53-PRE-01-yes');
  await page.click('#nav-assessments');
  await page.click('#assessment-a1-duplicate');
  await page.click('#nav-export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-backup')]);
  const dir = join(ARTIFACTS, 'imports');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'full-backup.json');
  await copyFile(await download.path(), file);
  const doc = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(doc.schema_version, 2);
  assert.equal(doc.entries.length, 2);
  await context.close();

  // Another browser profile: nothing stored yet. The backup is restored as it was, and open
  // (founder pass: it was added beside the empty assessment, which stayed open at 0 %).
  const other = await recordingPage(browser);
  await other.page.goto(server.url);
  await waitForApp(other.page);
  await other.page.click('#nav-export');
  assert.equal((await other.page.textContent('#import-title')).trim(), "Restore a backup, or bring in a teammate's");
  await other.page.setInputFiles('#import-file', file);
  await other.page.waitForSelector('#import-add-all');
  assert.equal((await other.page.textContent('#import-add-all')).trim(), 'Restore all 2 here');
  assert.match(await other.page.textContent('#import-add-all-hint'), /^This is a full backup with 2 assessments, and nothing has been entered in this browser yet: restore it as it was saved\./);
  await other.page.click('#import-add-all');
  const storedNow = () => other.page.evaluate((k) => JSON.parse(localStorage.getItem(k)), STORAGE_KEY);
  let stored = await storedNow();
  assert.deepEqual(stored.entries.map((e) => e.name), ['My assessment', 'Copy of My assessment']);
  // Restored exactly, its open assessment open (under the id open here, so the page stays).
  const restored = stored.entries.find((e) => e.id === stored.active);
  assert.deepEqual(restored.assessment, doc.entries.find((e) => e.id === doc.active).assessment);
  assert.deepEqual(stored.entries.map((e) => e.assessment), doc.entries.map((e) => e.assessment));
  assert.match(await other.page.textContent('#import-message'), /^Restored from the backup: “Copy of My assessment” is open\./);
  await other.page.waitForFunction(() => /^1 of \d+ questions answered/.test(document.querySelector('#answered-count')?.textContent.trim() ?? ''));
  // Undo (offered until the page is left) puts everything back as it was.
  await other.page.click('#undo-merge');
  stored = await storedNow();
  assert.equal(stored.entries.length, 1);
  await other.page.click('#nav-assessments');
  await other.page.waitForSelector('#assessment-list .assessment');
  assert.equal(await other.page.locator('.assessment').count(), 1);

  // A backup of a single assessment (the usual case) says so in the singular.
  await other.page.click('#nav-export');
  const [single] = await Promise.all([other.page.waitForEvent('download'), other.page.click('#export-backup')]);
  await other.page.setInputFiles('#import-file', await single.path());
  await other.page.waitForSelector('#import-add-all');
  assert.equal((await other.page.textContent('#import-add-all')).trim(), 'Add it as a new assessment');
  // It is this very assessment: nothing to compare or merge, only the option to add it.
  assert.match(await other.page.textContent('#import-add-all-hint'), /^This is a full backup with 1 assessment\. Add it next to yours as a new assessment; nothing in it differs from yours\.$/);
  assert.match(await other.page.textContent('#import-message'), /holds nothing yours lacks: every answer matches, so there is nothing to merge/);
  assert.equal(await other.page.locator('#merge-table, #confirm-merge').count(), 0);
  await other.page.setViewportSize({ width: 375, height: 800 });
  await screenshot(other.page, 'import-identical-375');

  // Equal answers, but the backup has an audit date this device lacks: merging is offered
  // without a table, and brings the date in.
  const dated = JSON.parse(await readFile(await single.path(), 'utf8'));
  dated.entries[0].assessment.audit_date = '2027-03-01';
  const datedFile = join(dir, 'dated-backup.json');
  await writeFile(datedFile, JSON.stringify(dated));
  await other.page.setInputFiles('#import-file', datedFile);
  await other.page.waitForSelector('#import-add-all');
  // The picker keeps the chosen file's name (it is emptied only as it opens again).
  assert.equal(await other.page.$eval('#import-file', (input) => input.files[0]?.name), 'dated-backup.json');
  // Nothing entered here yet, so it is restored whole: no merge offered beside it (founder
  // pass: twenty merge cards buried the one action that fits).
  assert.match(await other.page.textContent('#import-add-all-hint'), /nothing has been entered in this browser yet: restore it as it was saved\.$/);
  assert.equal(await other.page.locator('#merge-table, #confirm-merge').count(), 0);
  assert.equal((await other.page.textContent('#import-message')).trim(), '');
  await screenshot(other.page, 'import-dated-375');
  await other.page.click('#import-add-all');
  assert.equal((await other.page.evaluate((k) => JSON.parse(localStorage.getItem(k)), STORAGE_KEY)).entries[0].assessment.audit_date, '2027-03-01');
  await other.context.close();
});

test('a backup the import would refuse says so before it is relied on', async () => {
  // Data-safety pass of stop 47: stored data naming someone not among the people (an older
  // version's, or edited by hand) loaded without a word, and its backup was then refused by the
  // app's own import.
  const register = validRegister();
  register.assignments[1].person_id = 'p99';
  const { context, page, consoleErrors } = await recordingPage(browser);
  await startWith(page, server.url, storedStateAll('yes', register));
  await page.click('#nav-export');
  await page.waitForSelector('#backup-title');
  const text = (await page.textContent('#backup-problems')).trim();
  assert.match(text, /^This backup, and the encrypted one, would not import as it is: “My assessment” has a role assignment \(.+\) for “p99”, who is not among its people\. The file still holds everything; put that right in the roles register before you rely on it\.$/);
  assert.equal(await page.getAttribute('#backup-problems a', 'href'), '#/register');
  assert.equal(await page.isVisible('#backup-problems'), true);
  // Put right, the warning goes.
  await startWith(page, server.url, storedStateAll('yes'));
  await page.click('#nav-export');
  await page.waitForSelector('#backup-title');
  assert.equal(await page.isVisible('#backup-problems'), false);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
