// Sorting by date when many records share a date (a law's sections all carry the law's date; the
// laws corpus has none at all). The server orders by date, then score, then ID, so the client ranks
// each date's records as it ranks all hits by relevance, reading only what decides the page. These
// tests give the fixture's records other dates by changing the client's decoded groups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { G } from './load.mjs';
import { host } from './host.mjs';

const fixture = process.env.GONGKAI_STATIC_FIXTURE;
const skip = !fixture && 'run through go test ./search/static';

// open reads the fixture's export and gives record g the date dateOf(g) (seconds, or null).
async function open(dateOf, multi = true) {
  const ix = await G.Index.open(path.join(fixture, 'static') + '/', host(multi)), old = ix.groups;
  ix.groups = { list: Array.from(old.of, (gi, g) => ({ ...old.list[gi], date: dateOf(g) })), of: Int32Array.from(old.of, (_, g) => g) };
  return ix;
}

// fresh is ix with nothing read yet but its manifest, directory and groups.
function fresh(ix) {
  const f = Object.create(ix), s = ix.store;
  f.store = Object.assign(new s.constructor(s.base, s.get), { man: s.man, multi: s.multi });
  return f;
}

const noDate = (hits) => hits.map(({ date, ...h }) => h);

// With one date for all records (or none, as in the laws corpus), a date order is the relevance
// order: the server's answers for the relevance cases are the answers sorted by date.
test('date order with one date for every record is the server\'s relevance order', { skip }, async (t) => {
  const expected = JSON.parse(fs.readFileSync(path.join(fixture, 'expected.json'), 'utf8'));
  // Cases ranked by score (a query with a term to find), not sorted or cut by date.
  const ranked = (p) => G.parseQuery(new URLSearchParams(p).get('q') || '').groups.length > 0 && !/(^|&)(sort|from|to)=/.test(p);
  const cases = expected.filter((c) => !c.error && ranked(c.params));
  assert.ok(cases.length >= 20, `${cases.length} relevance cases`);
  for (const [label, date, ranges] of [['no date', null, [true, false]], ['2020-06-01', 1590969600, [true]]]) {
    for (const multi of ranges) {
      const ix = await open(() => date, multi);
      for (const want of cases) for (const sort of ['date', '-date']) {
        await t.test(`${label}: ${want.params}&sort=${sort}${multi ? '' : ', single ranges'}`, async () => {
          const got = await new G.Engine(ix).search(new URLSearchParams(want.params + '&sort=' + sort));
          assert.equal(got.total, want.total, 'total');
          assert.equal(got.pages, want.pages, 'pages');
          const hits = noDate(got.hits).map((h, i) => {
            const w = (want.hits || [])[i];
            // A disjunction of more than ten clauses sums in bleve's heap order: last bits may differ.
            return w && Math.abs(h.score - w.score) <= 1e-12 * w.score ? { ...h, score: w.score } : h;
          });
          assert.deepEqual(hits, noDate(want.hits || []));
          assert.ok(got.hits.every((h) => h.date === date), 'dates');
        });
      }
    }
  }
});

// With dates shared by runs of records (sections of one law), the page is the relevance order
// (checked against the server above and in engine.test.mjs) sorted stably by date, newest or
// oldest first, undated last: the boundary falls inside a run, and earlier pages hold whole runs.
// Without a term to rank by, every hit of a date ties (the server orders them by ID): the pages
// must cut what a single page of 100 lists. Relevance pages must cut the relevance order too.
test('date order with runs of records sharing a date', { skip }, async (t) => {
  const day = 86400, schemes = {
    'three dates': (g) => (g % 13 === 0 ? null : 1.5e9 + (Math.floor(g / 7) % 3) * day),
    'fifty dates, runs of five': (g) => (g % 17 === 5 ? null : 1.5e9 + ((Math.floor(g / 5) * 7919) % 50) * day),
    // Records 23–31 share the oldest date: the last six of shard 0 (/disclosures/2026-q3…) and the
    // first three of shard 1 (/consultations/2024…; the fixture's shards hold 29 and 263). The
    // server orders such ties by ID, across shards, not as the client numbers them.
    'a run across shards': (g) => 1.5e9 + (g >= 23 && g < 32 ? 0 : 1 + Math.floor(g / 5)) * day,
  };
  const queries = ['q=社区', 'q=公示', 'q=的', 'q=资金 公开', 'q=社区 -治理', 'q=低保 OR 特困', 'type=policies', 'q=-不存在的词语组合'];
  const every = async (ix, params) => { // every hit, read 100 at a time
    const out = [];
    for (let page = 1; ; page++) {
      const r = await new G.Engine(ix).search(new URLSearchParams(`${params}&size=100&page=${page}`));
      out.push(...r.hits);
      if (page >= r.pages) return out;
    }
  };
  for (const [name, dateOf] of Object.entries(schemes)) {
    const ix = await open(dateOf);
    for (const q of queries) {
      const ranked = G.parseQuery(new URLSearchParams(q).get('q') || '').groups.length > 0, rel = ranked && (await every(ix, q));
      for (const sort of ranked ? ['', 'date', '-date'] : ['date', '-date']) {
        const key = (h) => (!sort ? 0 : h.date === null ? Infinity : sort === 'date' ? h.date : -h.date);
        const want = ranked ? rel.map((h, i) => [h, i]).sort((a, b) => key(a[0]) - key(b[0]) || a[1] - b[1]).map(([h]) => h) : await every(ix, `${q}&sort=${sort}`);
        await t.test(`${name}: ${q}&sort=${sort}`, async () => {
          // Small pages: the fixture's impact blocks hold 6 postings of a list, enough to settle them.
          for (const [size, pages] of [[10, 3], [4, 5], [2, 5]]) {
            // Each size starts with nothing read; its later pages find what earlier ones read.
            const engine = new G.Engine(fresh(ix));
            for (let page = 1; page <= pages; page++) {
              const params = `${q}&sort=${sort}&size=${size}&page=${page}`, got = await engine.search(new URLSearchParams(params));
              assert.equal(got.total, want.length, `${params}: total`);
              assert.deepEqual(got.hits, want.slice((page - 1) * size, page * size), params);
            }
          }
        });
      }
    }
  }
});

// On a fixture where every record has the same date, a date-sorted page reads what the relevance
// page reads, not the details of every hit.
test('one date for all records reads what relevance reads', { skip }, async () => {
  const one = await open(() => null);
  for (const q of ['q=社区', 'q=的', 'q=公示', 'q=资金 公开']) {
    const cost = {};
    for (const sort of ['', 'date', '-date']) {
      const ix = fresh(one), get = ix.store.get;
      let bytes = 0;
      ix.store.get = async (url, r) => { const res = await get(url, r); bytes += res.body ? res.body.length : 0; return res; };
      await new G.Engine(ix).search(new URLSearchParams(q + (sort && '&sort=' + sort)));
      cost[sort || 'relevance'] = bytes;
    }
    assert.deepEqual(cost, { relevance: cost.relevance, date: cost.relevance, '-date': cost.relevance }, q);
  }
});
