// The browser's query parser against the table search.ParseQuery also answers to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { G, repo } from './load.mjs';

const table = JSON.parse(fs.readFileSync(path.join(repo, 'search/static/testdata/query_cases.json'), 'utf8'));

// Go's parser folds traditional characters; the client does once an export gave it the fold table.
const fixture = process.env.GONGKAI_STATIC_FIXTURE;
if (fixture) {
  const { host } = await import('./host.mjs');
  const ix = await G.Index.open(path.join(fixture, 'static') + '/', host(true));
  await ix.fold(table.cases.map((c) => c.q).join(''));
}

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

// Without an export (node --test alone) there is no fold table: a case whose Go alternatives lost a
// character of the query (folded to its simplified form) is skipped.
const folded = (c) => [...(c.groups || []).flat(), ...(c.excluded || [])]
  .some((t) => [...t.text].some((ch) => /\p{sc=Han}/u.test(ch) && !t.alternatives[0].includes(ch)));
for (const c of table.cases) {
  test(`parseQuery(${JSON.stringify(c.q).slice(0, 60)})`, { skip: !fixture && folded(c) && 'needs the fold table: run through go test ./search/static' }, () => {
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
