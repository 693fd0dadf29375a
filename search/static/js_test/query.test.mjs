// The browser's query parser against the table search.ParseQuery also answers to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { G, repo, foldFiles } from './load.mjs';

const table = JSON.parse(fs.readFileSync(path.join(repo, 'search/static/testdata/query_cases.json'), 'utf8'));
G.useFold(...foldFiles()); // as Index.open and Index.fold do with the export's

function parse(q) {
  const out = { q };
  try {
    const pq = G.parseQuery(q, table.synonyms);
    const conv = (t) => {
      const c = { text: t.text };
      if (t.quoted) c.quoted = true;
      c.alternatives = t.alternatives;
      if (t.docKey) c.doc_key = t.docKey;
      if (t.bag) c.bag = true;
      return c;
    };
    if (pq.groups.length) out.groups = pq.groups.map((g) => g.map(conv));
    if (pq.excluded.length) out.excluded = pq.excluded.map(conv);
    if (pq.articles.length) out.articles = pq.articles.map((a) => ({ text: a.text, anchor: a.anchor }));
    const r = G.relaxQuery(pq);
    if (r) out.relaxed = r.groups.map((g) => g.map(conv));
  } catch (e) {
    if (!(e instanceof G.QueryError)) throw e;
    out.error = e.message;
  }
  return out;
}

for (const c of table.cases) {
  test(`parseQuery(${JSON.stringify(c.q).slice(0, 60)})`, () => {
    assert.deepEqual(parse(c.q), c);
  });
}

// Numbering: 第N条 in digits maps to the anchor the build writes (internal/cnnum.Format), and that
// anchor reads back as itself, for every number an anchor may have.
test('article anchors round-trip 1..9999', () => {
  for (let n = 1; n <= 9999; n++) {
    const [a] = G.parseQuery(`第${n}条`, []).articles;
    const [b] = G.parseQuery(a.anchor, []).articles;
    assert.equal(b.anchor, a.anchor, `第${n}条 → ${a.anchor} → ${b.anchor}`);
    assert.equal(G.parseQuery(`${n}条`, []).articles[0].anchor, a.anchor);
  }
  assert.equal(G.parseQuery('第10000条', []).articles.length, 0);
});

// titleKey against search/analysis.TitleKey's table (search/analysis/titlekey_test.go).
test('titleKey equals search/analysis.TitleKey', () => {
  const cases = JSON.parse(fs.readFileSync(path.join(repo, 'search/analysis/testdata/title_keys.json'), 'utf8'));
  for (const [title, key] of cases) assert.equal(G.titleKey(title), key, title);
});

// nearSlots against search's table (search/near_test.go).
test('nearSlots equals search/plan.go nearSlots', () => {
  const cases = JSON.parse(fs.readFileSync(path.join(repo, 'search/static/testdata/near_slots.json'), 'utf8'));
  for (const [text, want] of Object.entries(cases)) assert.deepEqual(G.nearSlots(text), want, text);
});
