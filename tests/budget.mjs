// Deterministic size budget of the release build: gzip bytes of everything a first visit loads.
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, extname } from 'node:path';

// A regression guard at today's size plus about 10 % headroom. The product target is 120 KiB;
// today's build is far above it (Leptos view code is ~85 % of the wasm), see the README.
const BUDGET_GZIP_BYTES = 520 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const files = (await readdir(dist)).filter((f) => ['.html', '.js', '.wasm', '.css'].includes(extname(f)));
let total = 0;
const rows = [];
for (const file of files) {
  const bytes = await readFile(join(dist, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  rows.push(`${file.padEnd(48)} ${String(bytes.length).padStart(9)} B  ${String(gz).padStart(8)} B gzip`);
}
console.log(rows.join('\n'));
console.log(`total gzip: ${total} B (budget ${BUDGET_GZIP_BYTES} B)`);
if (!files.some((f) => f.endsWith('.wasm'))) { console.error('no wasm in dist/: build first'); process.exit(1); }
if (total > BUDGET_GZIP_BYTES) { console.error('size budget exceeded'); process.exit(1); }
console.log('1 passed, 0 failed');
