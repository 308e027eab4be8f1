// Size floors for `make bench`: two small wasm programs built from `examples/` with this project's
// release profile, wasm-bindgen and wasm-opt -Oz, exactly as the first-load bundle is built. They
// show what a first load made with this stack cannot go below: the framework on its own, and the
// product's own rules and content with no user interface at all.
import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness.mjs';

const EXAMPLES = ['size_floor_leptos', 'size_floor_domain'];

/** gzip -9 bytes of each example's wasm and JS glue, built the way the app's first load is. */
export async function sizeFloors() {
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  run('cargo', ['build', '--release', '--locked', '--quiet', '--target', 'wasm32-unknown-unknown', ...EXAMPLES.flatMap((e) => ['--example', e])]);
  const result = {};
  for (const name of EXAMPLES) {
    const out = join(ROOT, 'target/size-floors', name);
    await rm(out, { recursive: true, force: true });
    run('wasm-bindgen', ['--target=web', '--no-typescript', `--out-dir=${out}`, join(ROOT, 'target/wasm32-unknown-unknown/release/examples', `${name}.wasm`)]);
    const wasm = join(out, `${name}_bg.wasm`);
    run(join(ROOT, 'node_modules/.bin/wasm-opt'), ['-Oz', `--output=${wasm}`, wasm]);
    const gz = async (file) => gzipSync(await readFile(file), { level: 9 }).length;
    result[name] = { wasm: await gz(wasm), js: await gz(join(out, `${name}.js`)), sections: wasmSections(await readFile(wasm)) };
  }
  return result;
}

/** gzip -9 bytes of a wasm module's code section and data section (strings, tables, content). */
export function wasmSections(bytes) {
  const leb = (at) => {
    let value = 0; let shift = 0; let byte;
    do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return [value, at];
  };
  const sections = { code: 0, data: 0 };
  for (let at = 8; at < bytes.length;) {
    const id = bytes[at];
    const [size, start] = leb(at + 1);
    const name = { 10: 'code', 11: 'data' }[id];
    if (name) sections[name] = gzipSync(bytes.subarray(start, start + size), { level: 9 }).length;
    at = start + size;
  }
  return sections;
}
