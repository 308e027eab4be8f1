// axe-core on every view (each area, the dashboard, plan, register, interviews, export and
// assessments), at desktop and phone width, with realistic content; no sideways scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic, launch, recordingPage, axeViolations, storedStateAll, startWith, waitForApp, CONTENT } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveStatic(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ROUTES = [
  ...CONTENT.areas.map((a) => `#/area/${a.id}`),
  '#/dashboard', '#/plan', '#/register', '#/interviews', '#/export', '#/assessments',
];

// A long section's cards and the register's lower parts come after the first paint: axe checks
// the whole view.
async function everythingDrawn(page, route) {
  if (route === '#/register') await page.waitForSelector('#org-title');
  const area = route.startsWith('#/area/') && route.slice('#/area/'.length);
  if (area) await page.waitForFunction((n) => document.querySelectorAll('.area article.item').length === n, CONTENT.items.filter((i) => i.area === area).length);
}

for (const width of [1280, 375]) {
  test(`every view has zero axe violations at ${width} px`, async () => {
    const { context, page, consoleErrors, cspViolations } = await recordingPage(browser, { width });
    await startWith(page, server.url, storedStateAll('partly'));
    for (const route of ROUTES) {
      await page.goto(server.url + route);
      await page.waitForSelector('main h1');
      await everythingDrawn(page, route);
      assert.deepEqual(await axeViolations(page), [], `axe on ${route}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${route} scrolls sideways by ${overflow}px at ${width}`);
      // Each view names itself in the tab title (read out on navigation): its h1 for a
      // section, its menu label for a tool.
      const title = await page.title();
      const name = route.startsWith('#/area/')
        ? (await page.textContent('main h1')).trim()
        : (await page.textContent(`#nav-${route.slice(2)}`)).trim();
      assert.equal(title, `${name} · Audit Readiness Check`, `title on ${route}`);
      // The view's h1 is the page's first heading; the readiness panel before it is a region
      // named "Readiness", not an h2 (keyboard pass).
      assert.equal(await page.evaluate(() => document.querySelector('h1, h2, h3, h4, h5, h6')?.tagName), 'H1', `first heading on ${route}`);
      assert.equal(await page.getAttribute('.summary', 'aria-labelledby'), 'summary-title');
      // Radio buttons keep their size beside a label that wraps (one was squeezed to 13 px).
      const squeezed = await page.$$eval('.choice input', (inputs) => inputs
        .map((input) => ({ id: input.id, box: input.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && Math.abs(box.width - box.height) > 0.5)
        .map(({ id, box }) => `${id} ${box.width}x${box.height}`));
      assert.deepEqual(squeezed, [], `squeezed radio buttons on ${route} at ${width}`);
    }
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(await cspViolations(), []);
    await context.close();
  });
}

// WCAG 1.4.11: the focus ring on the header's blue was the page's orange, 1.8:1 (1.15:1 in dark
// mode; UX pass). In both schemes it takes the header's own text colour.
for (const colorScheme of ['light', 'dark']) {
  test(`the header's focus ring contrasts with the header (${colorScheme})`, async () => {
    const { context, page } = await recordingPage(browser);
    await page.emulateMedia({ colorScheme });
    await startWith(page, server.url, storedStateAll('yes'));
    await page.focus('#current-assessment');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const link = document.activeElement;
      const header = document.querySelector('.app-header');
      return { id: link.id, outline: getComputedStyle(link).outlineColor, text: getComputedStyle(header).color, width: getComputedStyle(link).outlineWidth };
    });
    assert.equal(ring.id, 'current-assessment');
    assert.equal(ring.outline, ring.text);
    assert.equal(ring.width, '3px');
    await context.close();
  });
}

test('on a touch screen the disclosures are tall enough to tap and apart from each other', async () => {
  // Phone pass of stop 44: "Note (optional)" and "Evidence records" were 24 px high, under 6 px apart.
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true);
  const note = await page.locator('#C53-PRE-01-note-summary').boundingBox();
  const evidence = await page.locator('#C53-PRE-01-evidence-summary').boundingBox();
  assert.ok(note.height >= 40 && evidence.height >= 40, `${note.height} and ${evidence.height} px high`);
  assert.ok(evidence.y >= note.y + note.height, 'they do not overlap');
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
