// Shared end-to-end harness: serves the release build (dist/) on loopback, drives Debian's
// Chromium through playwright-core, and records every request, console error and CSP violation.
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic as serveDir, launch } from '../../scripts/browser.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
export const STORAGE_KEY = 'audit-readiness-check/state';

/** The question bank as the app embeds it (one file per area, named after the area). */
export async function loadContent() {
  const header = JSON.parse(await readFile(join(ROOT, 'content/catalog.json'), 'utf8'));
  const items = [];
  for (const area of header.areas) {
    items.push(...JSON.parse(await readFile(join(ROOT, `content/items/${area.id}.json`), 'utf8')));
  }
  return { ...header, items };
}
export const CONTENT = await loadContent();
export const ITEM_COUNT = CONTENT.items.length;
/** Items judged from the roles register rather than answered; they always count as answered. */
export const REGISTER_ITEM_COUNT = CONTENT.items.filter((i) => i.source === 'register').length;
/** Items the app works out itself (register and interview items); they always count as answered. */
export const DERIVED_ITEM_COUNT = CONTENT.items.filter((i) => i.source === 'register' || i.source === 'interviews').length;

/** Points an item is worth by its predicted finding (src/domain/points.rs: major 3, minor 2, observation 1). */
export const weightOf = (id) => ({ major: 3, minor: 2, observation: 1 })[CONTENT.items.find((i) => i.id === id).finding];
/** An area's readiness figure (rounded down, as the app shows it) for `earned` of its points. */
export function areaPercent(areaId, earned) {
  const possible = CONTENT.items.filter((i) => i.area === areaId).reduce((sum, i) => sum + weightOf(i.id), 0);
  return Math.floor((100 * earned) / possible);
}

/** An ISO date `days` from today (negative for the past), as the app's clock sees it. */
export function isoDaysFromToday(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A register that passes every Clause 5.3 register check today: five current people, every
 * required role appointed with evidence and authority, deputies, one Accountable per RACI row,
 * no segregation-of-duties conflict, fresh competence, and a reporting line to the CEO.
 */
export function validRegister() {
  const start = isoDaysFromToday(-900);
  const on = isoDaysFromToday(-300);
  const recent = isoDaysFromToday(-180);
  const person = (id, name, job_title, top_management = false) => ({ id, name, job_title, start_date: start, leaving_date: null, top_management });
  const appoint = (id, role, person_id, reports_to, backup = null) => ({
    id, role, person_id, appointment_evidence: `Signed letter ${id}`, appointed_on: on, authority_granted: true, reports_to, backup,
  });
  const accountable = (row) => (['conformance', 'performance-reporting', 'risk-assessment', 'incident-register', 'awareness-training', 'supplier-register'].includes(row) ? 'security-manager' : 'top-management');
  const rows = ['conformance', 'performance-reporting', 'risk-assessment', 'risk-acceptance', 'incident-register', 'awareness-training', 'supplier-register', 'internal-audit', 'policy-approval', 'management-review', 'soa-sign-off'];
  const raci = Object.fromEntries(rows.map((row) => [`${row}|${accountable(row)}`, 'accountable']));
  Object.assign(raci, {
    'incident-register|incident-lead': 'responsible', 'supplier-register|third-party-manager': 'responsible',
    'awareness-training|awareness-trainer': 'responsible', 'internal-audit|internal-auditor': 'responsible',
    'risk-assessment|risk-owner': 'responsible',
  });
  const competence = (id, person_id, role, renew) => ({ id, person_id, role, kind: 'training', description: 'ISO 27001 training', achieved_on: recent, renew_every_months: renew });
  return {
    people: [person('p1', 'Ada Okafor', 'CEO', true), person('p2', 'Ben Lindqvist', 'Head of Security'), person('p3', 'Cara Mendes', 'CTO'),
      person('p4', 'Dev Patel', 'Operations lead'), person('p5', 'Eli Novak', 'External ISMS auditor')],
    assignments: [
      appoint('a1', 'top_management', 'p1', null), appoint('a2', 'security_manager', 'p2', 'p1', 'p3'),
      appoint('a3', 'isms_conformance', 'p2', 'p1'), appoint('a4', 'performance_reporting', 'p2', 'p1'),
      appoint('a5', 'review_team_member', 'p2', 'p1', 'p4'), appoint('a6', 'review_team_member', 'p3', 'p1', 'p4'),
      appoint('a7', 'incident_lead', 'p3', 'p1', 'p2'), appoint('a8', 'risk_owner', 'p3', 'p1'),
      appoint('a9', 'third_party_manager', 'p4', 'p2', 'p2'), appoint('a10', 'awareness_trainer', 'p4', 'p2'),
      appoint('a11', 'risk_owner', 'p4', 'p2'), appoint('a12', 'internal_auditor', 'p5', 'p1'),
    ],
    raci,
    competence: [competence('c1', 'p1', null, 24), competence('c2', 'p2', 'security_manager', 36), competence('c3', 'p2', null, null),
      competence('c4', 'p3', null, 12), competence('c5', 'p4', null, 12), competence('c6', 'p5', 'internal_auditor', 36)],
  };
}

/** The active assessment in a stored value (a workspace of several assessments, or version 1). */
export function activeOf(raw) {
  const doc = JSON.parse(raw);
  if (doc.schema_version === 1) return doc.assessment;
  return doc.entries.find((e) => e.id === doc.active).assessment;
}

/**
 * Another tab opens a copy of the assessment open in `page` (id 'copy-from-other-tab', named 'Copy
 * from the other tab'), written by `other`, a page of the same origin with no app in it; `names`
 * renames people in the copy ({ person id: name }). Returns the id of the assessment `page` had
 * open, once `page` shows the copy open instead.
 */
export async function otherTabOpensCopy(page, other, names = {}) {
  const left = await other.evaluate(([key, names]) => {
    const doc = JSON.parse(localStorage.getItem(key));
    const copy = JSON.parse(JSON.stringify(doc.entries.find((e) => e.id === doc.active)));
    copy.id = 'copy-from-other-tab';
    copy.name = 'Copy from the other tab';
    for (const [id, name] of Object.entries(names)) copy.assessment.register.people.find((p) => p.id === id).name = name;
    const left = doc.active;
    doc.entries.push(copy);
    doc.active = copy.id;
    localStorage.setItem(key, JSON.stringify(doc));
    return left;
  }, [STORAGE_KEY, names]);
  await page.waitForFunction(() => document.querySelector('#current-assessment')?.textContent.trim() === 'Copy from the other tab');
  return left;
}

/** The readiness verdict as shown, without the ", on your word" its label adds when most "yes"
 * answers have no evidence. */
export const verdict = async (page) => (await page.textContent('#readiness-verdict')).trim().replace(/, on your word$/, '');

/** Reads the app's stored value in the page and returns its active assessment. */
export async function storedAssessment(page) {
  return activeOf(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY));
}

/** The interview question bank (content/interview.json). */
export const INTERVIEW = JSON.parse(await readFile(join(ROOT, 'content/interview.json'), 'utf8'));

/**
 * Interview rehearsals that make "Key people are ready for interviews" (C53-PRE-06) met for
 * `validRegister()`: its key role holders (Ada, Ben, Cara) rated Confident today on every
 * question of the bank (so on every question of their cards; the others are not counted).
 */
export function confidentRehearsals(on = isoDaysFromToday(0)) {
  return ['p1', 'p2', 'p3'].flatMap((person_id) => INTERVIEW.questions.map((q) => ({ person_id, question_id: q.id, rating: 'confident', on })));
}

/** Stored state with every answerable item answered `answer`, a valid register and fresh rehearsals. */
export function storedStateAll(answer, register = validRegister(), rehearsals = confidentRehearsals()) {
  const responses = Object.fromEntries(CONTENT.items.filter((i) => (i.source ?? 'answered') === 'answered').map((i) => [i.id, { answer }]));
  return JSON.stringify({ schema_version: 1, assessment: { responses, register, rehearsals } });
}

/** Serves `dir` (the release build by default) under `base` on 127.0.0.1 at a free port. */
export function serveStatic(dir = DIST, base = '/') {
  return serveDir(dir, base);
}

export { launch };

/**
 * A page that records what it does: `requests` (every request with method and URL), `consoleErrors`
 * (console errors and uncaught exceptions) and, via `cspViolations()`, every CSP violation.
 */
export async function recordingPage(browser, { width = 1280, height = 900, offline = false, serviceWorkers = 'allow', timezoneId } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, serviceWorkers, timezoneId });
  const page = await context.newPage();
  const requests = [];
  const consoleErrors = [];
  page.on('request', (r) => requests.push({ method: r.method(), url: r.url() }));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (offline) await context.setOffline(true);
  const cspViolations = () => page.evaluate(() => window.__cspViolations ?? []);
  return { context, page, requests, consoleErrors, cspViolations };
}

/**
 * Waits until the wasm app is live (not just the pre-rendered first view of a first visit) and
 * has rendered its first answerable question.
 */
export async function waitForApp(page) {
  await page.waitForSelector('html[data-app-ready]', { state: 'attached', timeout: 20000 });
  await page.waitForSelector('#C53-PRE-01-yes', { state: 'visible', timeout: 20000 });
}

/** Opens the app at `url` with `raw` as the only stored value, and waits until it is ready. */
export async function startWith(page, url, raw) {
  await page.goto(url);
  await waitForApp(page);
  await page.evaluate(([key, value]) => { localStorage.clear(); localStorage.setItem(key, value); }, [STORAGE_KEY, raw]);
  await page.reload();
  await waitForApp(page);
}

/** Runs axe-core in the page (injected by evaluation, which the CSP does not block). */
export async function axeViolations(page) {
  const source = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return result;
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Every request went to `origin` (blob: URLs of that origin included) and was a GET. */
export function foreignOrNonGet(requests, origin) {
  return requests.filter(({ method, url }) => {
    const u = new URL(url);
    const sameOrigin = u.origin === origin || (u.protocol === 'blob:' && new URL(u.pathname).origin === origin);
    return !sameOrigin || method !== 'GET';
  });
}

export async function readinessText(page) {
  return (await page.textContent('#readiness-percent')).trim();
}
