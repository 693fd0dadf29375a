// The unified search on a static host (search.js Platform) against the server's (search/multi)
// on a platform's output (fixture from generator/platform/search_test.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { host } from '../../../search/static/js_test/host.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = process.env.GONGKAI_PLATFORM_FIXTURE;
const require = createRequire(import.meta.url);
require(process.env.GONGKAI_PLATFORM_CLIENT || path.resolve(here, '../assets/platform.js'));
require(process.env.GONGKAI_CLIENT || path.resolve(here, '../../../themes/default/static/js/search.js'));
const G = globalThis.GongkaiSearch;

for (const multi of [true, false]) test(`platform search reproduces the server (${multi ? 'multipart' : 'single'} ranges)`, { skip: !fixture && 'run through go test ./generator/platform' }, async (t) => {
  const expected = JSON.parse(fs.readFileSync(path.join(fixture, 'expected.json'), 'utf8'));
  const p = await G.platform(path.join(fixture, 'public', '_search', 'platform.json'), host(multi));
  for (const want of expected) {
    await t.test(want.params, async () => {
      let got;
      try { got = await p.search(new URLSearchParams(want.params)); } catch (e) {
        if (want.error) return assert.equal(e.message, want.error);
        throw e;
      }
      assert.ok(!want.error, `server failed with ${want.error}`);
      assert.deepEqual([got.total, got.pages, got.exact, got.relaxed, got.suggest || ''], [want.total, want.pages, want.exact, want.relaxed, want.suggest], 'total, pages, exact, relaxed, suggest');
      const day = (t) => (t === null ? '' : new Date(t * 1000).toISOString().slice(0, 10));
      const hits = got.hits.map((h) => ({ site: h.site, url: h.url, title: h.title, section: h.section, doc_number: h.doc_number, type: h.type, date: day(h.date), snippet: h.snippet, score: h.score, parts: h.parts }));
      assert.deepEqual(hits, want.hits || [], 'hits');
      const facets = {};
      for (const [k, v] of Object.entries(got.facets)) if (v.length) facets[k] = v;
      assert.deepEqual(facets, want.facets, 'facets');
    });
  }
});
