// load.mjs loads the browser client (a classic script) into this process: the minified file the
// build publishes when GONGKAI_CLIENT names it (go test does), else the source.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../../..');
createRequire(import.meta.url)(process.env.GONGKAI_CLIENT || path.join(repo, 'themes/default/static/js/search.js'));
export const G = globalThis.GongkaiSearch;

// foldFiles are the export's two fold files (search/static/fold.go), unzipped, made from the table
// in search/analysis/tsfold_table.go, for tests that run without an export.
export function foldFiles() {
  const src = fs.readFileSync(path.join(repo, 'search/analysis/tsfold_table.go'), 'utf8');
  const pairs = [...[...src.slice(src.indexOf('const tsFoldPairs')).matchAll(/"([^"]*)"/g)].map((m) => m[1]).join('')];
  const keys = new Uint8Array(2624), values = [];
  for (let i = 0, prev = 0x4e00; i < pairs.length; i += 2) {
    const k = pairs[i].codePointAt(0) - 0x4e00, v = pairs[i + 1].codePointAt(0), d = v - prev;
    keys[k >> 3] |= 1 << (k & 7);
    for (let z = d < 0 ? -2 * d - 1 : 2 * d; ; z >>>= 7) { if (z < 128) { values.push(z); break; } values.push((z & 127) | 128); }
    prev = v;
  }
  return [keys, Uint8Array.from(values)];
}
