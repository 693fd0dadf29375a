// The client's query analysis against the index's own analyzer (fixture from node_test.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { G, foldFiles } from './load.mjs';
import { host } from './host.mjs';

const fixture = process.env.GONGKAI_STATIC_FIXTURE;

// analyze is search's textAnalyzer: baseTokens, then bigrams with run-edge markers.
function analyze(s) {
  const toks = G.baseTokens(s), units = G.splitUnits(toks), out = [];
  let pos = 1, prevHan = false;
  for (const u of units) {
    if (!u.h) { out.push([toks[u.from].t, pos++]); prevHan = false; continue; }
    if (prevHan) pos++;
    prevHan = true;
    const t = toks.slice(u.from, u.to);
    if (t.length === 1) { out.push([t[0].t, pos++]); continue; }
    out.push(['|' + t[0].t, pos]);
    for (let i = 0; i + 1 < t.length; i++) out.push([t[i].t + t[i + 1].t, pos + i]);
    out.push([t[t.length - 1].t + '|', pos + t.length - 2]);
    pos += t.length - 1;
  }
  return out;
}

// A fresh client: the fold table's values are read for the query itself (search/static/fold.go).
test('a query in traditional characters reads the fold table', { skip: !fixture && 'run through go test ./search/static' }, async () => {
  const want = JSON.parse(fs.readFileSync(path.join(fixture, 'expected.json'), 'utf8')).find((e) => e.params === 'q=網絡空間');
  const get = host(false), ix = await G.Index.open(path.join(fixture, 'static') + '/', get);
  assert.equal(G.canonical('網絡空間'), '網絡空間', 'values read before a text needs them');
  const got = await new G.Engine(ix).search(new URLSearchParams(want.params));
  assert.equal(G.canonical('網絡空間'), '网络空间');
  assert.ok(want.total > 0);
  assert.deepEqual([got.total, got.hits.map((h) => [h.url, h.snippet])], [want.total, want.hits.map((h) => [h.url, h.snippet])]);
});

test('analysis matches the index analyzer', { skip: !fixture && 'run through go test ./search/static' }, async () => {
  const ix = await G.Index.open(path.join(fixture, 'static') + '/', host(false));
  await ix.fold('網'); // every character of the fold table is in the cases
  const cases = JSON.parse(fs.readFileSync(path.join(fixture, 'analysis.json'), 'utf8'));
  const bad = [];
  for (const c of cases) {
    const got = analyze(c.s);
    try { assert.deepEqual(got, c.tokens || []); } catch { bad.push(`${JSON.stringify(c.s)}\n  js: ${JSON.stringify(got)}\n  go: ${JSON.stringify(c.tokens)}`); }
  }
  assert.equal(bad.length, 0, `${bad.length} of ${cases.length} strings analyse differently:\n${bad.slice(0, 8).join('\n')}`);
});

test('the fold table query.test.mjs makes is the export\'s', { skip: !fixture && 'run through go test ./search/static' }, () => {
  const dir = path.join(fixture, 'static'), man = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const [keys, values] = foldFiles();
  assert.deepEqual(new Uint8Array(zlib.gunzipSync(fs.readFileSync(path.join(dir, man.fold.keys)))), keys);
  assert.deepEqual(new Uint8Array(zlib.gunzipSync(fs.readFileSync(path.join(dir, man.fold.values)))), values);
});
