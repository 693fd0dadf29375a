/* gongkai unified search (统一搜索) on a static host: the portal's search page, over every site's
 * static export. It runs the site search engine (themes/default/static/js/search.js, loaded after
 * this file) once per site and merges the answers by search/multi's rules. See docs/search.md. */
((root) => {
	'use strict';
	root.GongkaiPlatform = ({ request, trimSpace, fail, parseQuery, ranked, relaxQuery, all, cmpStr, utf8, Index, Engine, oneEditIn, MAX_PAGE, MAX_TERMS, RELAX_BELOW, SUGGEST_FROM, SITE }) => {
		// The portal's search page (統一搜索) runs the site engine once per site, over each site's
		// static export, and merges the answers by the server's rules, so that a static host gives the
		// server's answer: the exact pass on every site; the relaxed pass on every site when their exact
		// documents add up to fewer than RELAX_BELOW; hits merged from the sites' own orders, taking the
		// best next document (as a site orders its own, search/collect CompareRanks: the documents the
		// query names by title, then those holding more named articles, then score desc; by date: dated
		// first, the date, then as by relevance; then site name); totals and facet counts summed (every value of every site, then cut to 20), a `site`
		// facet listing every site with documents; the suggestion from the first merged relaxed documents' titles. The sites come from the
		// platform's manifest (generator/platform/search.go).
		// counts1 counts, by facet and value, the documents docs of one site: every value, so that
		// the sums over the sites are exact (a site's own facet lists stop at 20 values).
		const counts1 = (ix, docs) => ix.man.facets.map((name) => {
			const f = ix.man.group_fields.indexOf(name), c = new Map();
			for (const d of docs) for (const v of ix.docGroup(d).v[f]) c.set(v, (c.get(v) || 0) + 1);
			return [name, c];
		});
		class Platform {
			// open reads the manifest at url; each site's index opens at its first search.
			static async open(url, get) {
				const base = new URL('..', new URL(url, root.location ? root.location.href : 'file:///')).href;
				const body = get ? (await get(url)).body : new Uint8Array(await (await fetch(url, { cache: 'no-cache' }).then((r) => { if (!r.ok) throw new Error(`${url}：HTTP ${r.status}`); return r; })).arrayBuffer());
				const man = JSON.parse(utf8.decode(body));
				return new Platform(man, base, get);
			}
			constructor(man, base, get) {
				this.man = man;
				const path = get ? '/' : new URL(base).pathname; // links as the server gives them: /<site>/…
				this.sites = man.sites.map((s) => {
					const site = { name: s.name, title: s.title, prefix: path + s.name, engine: null };
					site.open = () => site.engine || (site.engine = Index.open(get ? base.replace(/^file:\/\//, '') + s.static : base + s.static, get).then((ix) => new Engine(ix), (e) => { site.engine = null; throw e; }));
					return site;
				});
				// What the page shows the facets by: the first site's, with the site facet first.
				this.ix = { man: { facets: [SITE], facet_labels: { [SITE]: '站点' }, type_labels: {}, site_labels: Object.fromEntries(this.sites.map((s) => [s.name, s.title])) } };
			}
			async search(params) {
				const req = request(params), only = params.getAll(SITE).map(trimSpace).filter(Boolean);
				req.q = trimSpace(req.q);
				if (req.page > MAX_PAGE) fail(`页码 ${req.page} 超出范围：只能查看第 1 到第 ${MAX_PAGE} 页，请增加检索词或筛选条件缩小范围。`);
				req.page = req.page || 1; req.size = Math.min(req.size || 10, 100);
				const nv = [].concat(...Object.values(req.filters)).length + only.length;
				if (nv > MAX_TERMS) fail(`筛选条件太多（${nv} 个），最多 ${MAX_TERMS} 个。`);
				const k = req.page * req.size, from = k - req.size;
				const runs = await all(this.sites.filter((s) => !only.length || only.includes(s.name)), async (site) => {
					const engine = await site.open(), ix = engine.ix, r = { ...req };
					await ix.fold(r.q);
					const pq = parseQuery(r.q, ix.man.synonyms); // Engine.search's checks, in its order
					if (!['', 'date', '-date'].includes(r.sort)) fail(`不支持的排序方式“${r.sort}”：可用相关度（默认）、date（从旧到新）、-date（从新到旧）。`);
					for (const d of [r.from, r.to]) if (d && (d.y < 1700 || d.y > 2200)) fail(`日期 ${d.s} 超出范围：只支持 1700 年到 2200 年。`);
					if (r.from && r.to && r.to.t < r.from.t) fail(`日期范围有误：起始日期 ${r.from.s} 晚于截止日期 ${r.to.s}。`);
					if (!ranked(pq) && !r.sort) r.sort = '-date';
					const allow = engine.filter(r);
					return { site, engine, pq, req: r, allow, ex: await engine.pass(pq, allow) };
				});
				if (runs.length) { // the facets and labels the page shows: the first site's, the site facet first
					const m = runs[0].engine.ix.man;
					Object.assign(this.ix.man, { facets: [SITE, ...m.facets], type_labels: m.type_labels, facet_labels: { ...m.facet_labels, [SITE]: '站点' } });
				}
				const sum = runs.reduce((n, x) => n + x.ex.docs.length, 0), relax = sum < RELAX_BELOW;
				const out = { query: req.q, page: req.page, exact: sum, relaxed: false, total: 0, facets: {}, site_labels: this.ix.man.site_labels };
				const counts = {}, sites = [], bags = [];
				await all(runs, async (x) => {
					const { engine, req: r } = x, rq = relax && relaxQuery(x.pq);
					x.exactOrder = (await engine.rank(x.ex, r, k, 0)).slice(0, k);
					x.docs = x.ex.docs;
					if (rq) {
						const rx = await engine.pass(rq, x.allow), seen = new Set(x.ex.docs);
						rx.docs = rx.docs.filter((d) => !seen.has(d));
						x.rx = rx; x.found = await engine.bagsFound(rx, x.allow);
						x.relaxedOrder = (await engine.rank(rx, r, Math.max(k, RELAX_BELOW - 1 + SUGGEST_FROM), 0)).slice(0, Math.max(k, RELAX_BELOW - 1 + SUGGEST_FROM));
						x.docs = [...x.ex.docs, ...rx.docs];
					}
					x.counts = counts1(engine.ix, x.docs);
				});
				for (const x of runs) {
					out.total += x.docs.length;
					if (x.docs.length) sites.push([x.site.name, x.docs.length]);
					if (x.rx) {
						out.relaxed = true;
						x.rx.groups.flatMap((g) => g.bags).forEach((b, i) => { if (i >= bags.length) bags.push({ text: b.text, found: x.found[i] }); else if (x.found[i]) bags[i].found = true; });
					}
					for (const [name, byValue] of x.counts) { const c = counts[name] || (counts[name] = new Map()); for (const [v, n] of byValue) c.set(v, (c.get(v) || 0) + n); }
				}
				const byCount = (c) => Array.from(c).sort((a, b) => b[1] - a[1] || cmpStr(a[0], b[0])).map(([value, count]) => ({ value, count }));
				for (const [name, c] of Object.entries(counts)) { out.facets[name] = byCount(c).slice(0, 20); if (name === 'year') out.facets[name].sort((a, b) => cmpStr(b.value, a.value)); }
				out.facets[SITE] = byCount(sites); // every site with documents: the page may show fewer
				const sort = runs.length ? runs[0].req.sort : req.sort, items = (x, order, ps) => order.map((d) => ({ d, ps, x, score: ps.scored ? ps.scores.get(d) : 0, date: x.engine.ix.docGroup(d).date }));
				const better = (a, b) => {
					if (sort && (a.date === null) !== (b.date === null)) return a.date !== null;
					if (sort && a.date !== b.date) return (a.date > b.date) === (sort === '-date');
					const t = a.ps.titled(a.d) - b.ps.titled(b.d), n = a.ps.nart(a.d) - b.ps.nart(b.d);
					if (t || n) return t ? t > 0 : n > 0;
					return a.score !== b.score ? a.score > b.score : a.x.site.name < b.x.site.name;
				};
				const merge = (lists, n) => {
					const o = [], at = lists.map(() => 0);
					while (o.length < n) {
						let best = -1;
						lists.forEach((l, i) => { if (at[i] < l.length && (best < 0 || better(l[at[i]], lists[best][at[best]]))) best = i; });
						if (best < 0) break;
						o.push(lists[best][at[best]++]);
					}
					return o;
				};
				const exact = merge(runs.map((x) => items(x, x.exactOrder, x.ex)), k);
				const relaxed = merge(runs.filter((x) => x.rx).map((x) => items(x, x.relaxedOrder, x.rx)), Math.max(k - exact.length, SUGGEST_FROM));
				if (out.relaxed) {
					const first = relaxed.slice(0, SUGGEST_FROM), titles = await all(first, async (it) => (await it.x.engine.meta([it.x.engine.ix.docGid[it.d]]))[it.x.engine.ix.docGid[it.d]].title);
					out.suggest = '';
					for (const b of bags) {
						if (b.found || !req.q.includes(b.text)) continue;
						const t = titles.find((t) => oneEditIn([...t], [...b.text]));
						if (t !== undefined) { out.suggest = req.q.replace(b.text, () => oneEditIn([...t], [...b.text])); break; }
					}
					if (!out.suggest) delete out.suggest;
				}
				const shown = [...exact, ...relaxed].slice(from, k), bySite = new Map();
				shown.forEach((it, i) => { const l = bySite.get(it.x) || bySite.set(it.x, []).get(it.x); l.push([it, i]); });
				out.hits = new Array(shown.length);
				await all([...bySite], async ([x, l]) => {
					const hs = await x.engine.hits(l.map(([it]) => [it.d, it.ps]));
					const pre = (u) => (u[0] === '/' && u[1] !== '/' ? x.site.prefix + u : u);
					hs.forEach((h, j) => { out.hits[l[j][1]] = { ...h, url: pre(h.url), parts: h.parts.map((p) => ({ ...p, url: pre(p.url) })), site: x.site.name, site_title: x.site.title }; });
				});
				out.pages = Math.min(Math.ceil(out.total / req.size), MAX_PAGE);
				return out;
			}
		}
		return Platform;
	};
})(typeof window !== 'undefined' ? window : globalThis);
