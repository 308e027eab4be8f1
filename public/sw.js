// Offline support: after the first visit the app's own files are served from a cache, so the
// app works with the network off. Only same-origin GET requests are ever handled or cached.
const CACHE = 'audit-readiness-check-v1';
// The page registers `sw.js?save-data` when the browser asks to save data: then the tools bundle
// is not downloaded up front, only cached (by the fetch handler below) when a tool is opened.
const SAVE_DATA = new URL(self.location.href).searchParams.has('save-data');

/** Caches the page and every file it names (and drops files of older builds). */
async function precache(index) {
  const cache = await caches.open(CACHE);
  const html = await index.clone().text();
  await cache.put('./', index);
  // The hashed asset names are only known from the built index.html (the tools bundle, fetched
  // when a tool is first opened, is named in its <meta content> tags, so it works offline too,
  // unless the visitor asked to save data).
  const assets = new Set();
  for (const m of html.matchAll(/(?:href|src|from|content|import\(|module_or_path:)\s*=?\s*['"](\.\/[^'"]+)['"]/g)) assets.add(m[1]);
  // File names carry a content hash: what is cached already is still right.
  const missing = async (paths) => (await Promise.all(paths.map(async (p) => ((await cache.match(p)) ? null : p)))).filter(Boolean);
  const later = SAVE_DATA ? new Set([...html.matchAll(/<meta name="tools-[a-z]+" content="(\.\/[^"]+)"/g)].map((m) => m[1])) : new Set();
  await cache.addAll(await missing([...assets].filter((a) => !later.has(a))));
  // Modules the scripts import (wasm-bindgen snippets), named only inside the scripts.
  const imported = new Set();
  for (const script of [...assets].filter((a) => a.endsWith('.js'))) {
    const cached = await cache.match(script);
    if (!cached) continue; // a tools script not opened yet (Save-Data)
    const text = await cached.text();
    for (const m of text.matchAll(/['"](\.\/snippets\/[^'"]+)['"]/g)) imported.add(m[1]);
  }
  await cache.addAll(await missing([...imported]));
  for (const path of imported) assets.add(path);
  // Drop files of older builds.
  const scope = new URL('./', self.registration.scope);
  for (const request of await cache.keys()) {
    const path = './' + new URL(request.url).pathname.slice(scope.pathname.length);
    if (request.url !== scope.href && !assets.has(path)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(fetch('./', { cache: 'no-store' }).then(precache).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// Files named by their content (`main-2c402591a7efddb0.css`, the tools bundle's `tools-…_bg.wasm`):
// a new build names its files anew, so what is cached under such a name stays right. They come from
// the cache first, with no request, so a returning visit and the first tool opened wait for no
// download (cheap-phone pass of stop 56: each asked the network again, and a host that lets nothing
// be cached sent the whole bundles again). The page itself, and the files named without a hash
// (wasm-bindgen's snippets), are asked of the network first.
const NAMED_BY_CONTENT = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|svg)$/;

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  const cached = () => caches.match(event.request, { ignoreSearch: true });
  if (NAMED_BY_CONTENT.test(url.pathname)) {
    event.respondWith(cached().then((hit) => hit ?? networkFirst(event, url, cached)));
  } else {
    event.respondWith(networkFirst(event, url, cached));
  }
});

/** Network first (so a new build is picked up), the cache when offline or when the server answers
 * with an error (a file of this build removed by a later deploy, a host's 5xx). */
function networkFirst(event, url, cached) {
  return fetch(event.request)
    .then((response) => {
      if (!response.ok) return cached().then((hit) => hit ?? response);
      const scope = new URL(self.registration.scope);
      // A navigation's URL keeps the route after '#' (and maybe a query): the page is the same.
      const page = url.origin + url.pathname;
      if (event.request.mode === 'navigate' && page === scope.href) {
        // A newer build's page: cache its files too (the tools bundle is not fetched until a
        // tool is opened, and should still work offline after an update).
        event.waitUntil(precache(response.clone()).catch(() => {}));
      } else if (url.pathname.startsWith(scope.pathname)) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(event.request, copy)));
      }
      return response;
    })
    .catch(() => cached().then((hit) => hit ?? caches.match('./')));
}
