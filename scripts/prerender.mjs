// Build step (release): open the freshly built app in headless Chromium as a first-time visitor,
// take the first view exactly as the app rendered it, and write it into index.html as static HTML.
// The questions are then on screen, and answerable, before the wasm has loaded; the app takes
// what was entered there and replaces the markup with its own, identical, live view
// (src/ui/prerendered.rs). Usage: node scripts/prerender.mjs <built dir>
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic, launch } from './browser.mjs';

const dir = process.argv[2];

/**
 * Trunk's start-up script imports the app at once. On a first visit the pre-rendered view is
 * usable, so fetch the app only after it has painted (at most 100 ms later, as rAF does not run
 * in a background tab); returning visitors (`app-pending`) start at once.
 */
function paintFirst(html) {
  const bootstrap = /import init, \* as bindings from '(\.\/[^']+\.js)';\n/;
  const found = html.match(bootstrap);
  if (!found) throw new Error("Trunk's start-up script has changed: update paintFirst in scripts/prerender.mjs");
  return html.replace(bootstrap, `if (!document.documentElement.classList.contains('app-pending')) {
  await new Promise((painted) => { requestAnimationFrame(() => setTimeout(painted)); setTimeout(painted, 100); });
}
const bindings = await import('${found[1]}');
const init = bindings.default;
`);
}
const server = await serveStatic(dir);
const browser = await launch();
try {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('html[data-app-ready]', { state: 'attached', timeout: 60000 });
  await page.waitForSelector('main .item', { timeout: 60000 });
  const markup = await page.evaluate(() => [...document.body.children]
    .filter((element) => !['NOSCRIPT', 'SCRIPT'].includes(element.tagName))
    .map((element) => {
      const copy = element.cloneNode(true);
      copy.setAttribute('data-prerendered', '');
      // Leptos's position markers are not needed in static markup (and would be text in a textarea).
      const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
      const comments = [];
      while (walker.nextNode()) comments.push(walker.currentNode);
      for (const comment of comments) comment.remove();
      return copy.outerHTML;
    })
    .join('\n'));
  if (!markup.includes('type="radio"')) throw new Error('the captured view has no questions');
  const index = join(dir, 'index.html');
  const html = await readFile(index, 'utf8');
  if (!html.includes('</noscript>')) throw new Error('index.html has no <noscript> to follow');
  // With the first view in the page, the stylesheet must win the race: Trunk's preloads of the
  // wasm and scripts compete with it (measured: about 40 ms later first paint). The module
  // script still fetches them, from the head, without delaying the first view.
  const withoutPreloads = html.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
  await writeFile(index, paintFirst(withoutPreloads).replace('</noscript>', `</noscript>\n${markup}`));
  console.log(`prerender: ${markup.length} bytes of the first view written into index.html`);
} finally {
  await browser.close();
  await server.close();
}
