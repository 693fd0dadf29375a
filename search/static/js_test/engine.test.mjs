// The client's search against search.Index on the same index (fixture from node_test.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { G } from './load.mjs';

const fixture = process.env.GONGKAI_STATIC_FIXTURE;

// get reads the export from disk the way fetch reads it from a static host.
function get(url, range) {
  const body = fs.readFileSync(url);
  if (range && range[0] >= range[1]) throw new Error(`empty range ${range} of ${url}: a host answers 416`);
  return Promise.resolve(range ? { status: 206, body: new Uint8Array(body.subarray(range[0], range[1])) } : { status: 200, body: new Uint8Array(body) });
}

test('engine reproduces the server', { skip: !fixture && 'run through go test ./search/static' }, async (t) => {
  const expected = JSON.parse(fs.readFileSync(path.join(fixture, 'expected.json'), 'utf8'));
  const ix = await G.Index.open(path.join(fixture, 'static') + '/', get);
  for (const want of expected) {
    await t.test(want.params, async () => {
      const engine = new G.Engine(ix);
      let got;
      try { got = await engine.search(new URLSearchParams(want.params)); } catch (e) {
        if (want.error) return assert.equal(e.message, want.error);
        throw e;
      }
      assert.ok(!want.error, `server failed with ${want.error}`);
      assert.equal(got.total, want.total, 'total');
      assert.equal(got.pages, want.pages, 'pages');
      const day = (t) => (t === null ? '' : new Date(t * 1000).toISOString().slice(0, 10));
      const hits = got.hits.map((h) => ({ url: h.url, title: h.title, section: h.section, doc_number: h.doc_number, type: h.type, date: day(h.date), snippet: h.snippet, score: h.score }));
      const b = want.hits || [];
      for (let i = 0; i < Math.max(hits.length, b.length); i++) {
        const h = hits[i] && { ...hits[i] }, w = b[i] && { ...b[i] };
        // A disjunction of more than ten clauses sums in bleve's heap order: last bits may differ.
        if (h && w && Math.abs(h.score - w.score) <= 1e-12 * w.score) h.score = w.score;
        assert.deepEqual(h, w, `hit ${i + 1} of ${b.length}`);
      }
      const facets = {};
      for (const [k, v] of Object.entries(got.facets)) facets[k] = v.length ? v : null;
      const wf = {};
      for (const [k, v] of Object.entries(want.facets)) wf[k] = v;
      assert.deepEqual(facets, wf, 'facets');
    });
  }
});

