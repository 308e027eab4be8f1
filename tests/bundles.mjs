// Which built files a first visit loads, and which belong to the tools bundle (fetched when a
// tool is first opened). Both are read from the built index.html, the way the browser finds them.
import { readFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { join, extname } from 'node:path';

const KINDS = ['html', 'js', 'wasm', 'css'];

/** Relative paths: `firstLoad` (index.html and what it loads) and `tools` (the tools bundle). */
export async function bundleFiles(dist) {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const tools = [...html.matchAll(/<meta name="tools-(?:js|wasm|css)" content="\.\/([^"]+)"/g)].map((m) => m[1]);
  const referenced = [...html.matchAll(/(?:href|src|from|import\(|module_or_path:)\s*=?\s*['"]\.\/([^'"]+)['"]/g)].map((m) => m[1]);
  const firstLoad = ['index.html', ...new Set(referenced.filter((f) => KINDS.includes(extname(f).slice(1))))];
  // Modules the scripts import (wasm-bindgen snippets) load with them.
  for (const script of firstLoad.filter((f) => f.endsWith('.js'))) {
    const text = await readFile(join(dist, script), 'utf8');
    for (const m of text.matchAll(/['"]\.\/(snippets\/[^'"]+)['"]/g)) if (!firstLoad.includes(m[1])) firstLoad.push(m[1]);
  }
  return { firstLoad, tools };
}

/** Bytes per kind (html/js/wasm/css), gzip -9 and brotli, of `files` in `dist`. */
export async function compressedSizes(dist, files) {
  const gzip = Object.fromEntries(KINDS.map((k) => [k, 0]));
  const brotli = Object.fromEntries(KINDS.map((k) => [k, 0]));
  const rows = [];
  for (const file of files) {
    const kind = extname(file).slice(1);
    const bytes = await readFile(join(dist, file));
    const gz = gzipSync(bytes, { level: 9 }).length;
    gzip[kind] += gz;
    brotli[kind] += brotliCompressSync(bytes).length;
    rows.push({ file, raw: bytes.length, gzip: gz });
  }
  const total = (o) => Object.values(o).reduce((a, b) => a + b, 0);
  return { gzip, brotli, rows, gzipTotal: total(gzip), brotliTotal: total(brotli) };
}
