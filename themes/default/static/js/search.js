/* gongkai search on a static host: answers ?q=… from the index export (or /api/search when a
 * gongkai server answers) with the results of `gongkai search`. See search/static/doc.go. */
((root) => {
	'use strict';
	const MAX_TERMS = 32, SNIPPET = 120, ARTICLE_BOOST = 8, RELAX_BELOW = 3, PARTS = 3, SUGGEST_FROM = 10, MAX_PAGE = 100, REQ = 300, GAP = REQ, PART = 150, MAX_RANGES = 100, DETAIL = 2; // a request costs 300 bytes, a part of a multipart answer about 150
	const FILTERS = ['type', 'issuer', 'year', 'department', 'status', 'level', 'village', 'genre', 'topic'];

	// ---- text (search/analysis: normalize.go, analysis.go) ----
	const re = (s, f = '') => new RegExp(s, 'u' + f), reHan = re('\\p{sc=Han}'), reSig = re('[\\p{L}\\p{Nd}]');
	const reIdeo = re('[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\u3031-\\u3035\\u309b\\u309c\\u30a0\\u30fc\\uff70]');
	const reLetter = re('[\\p{Alphabetic}\\p{Pc}]'), reDigit = re('\\p{Nd}'), reExtend = re('[\\p{M}\\p{Cf}]');
	const SPACE = '\\t\\n\\v\\f\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
	const reSpace = re(`[${SPACE}]`), reInline = /[ \t\xa0\u3000\u2002\u2003\u2009]/;
	const isHan = (c) => reHan.test(c), isSpace = (c) => reSpace.test(c), isInline = (c) => reInline.test(c);
	const foldRune = (c) => { const n = c.codePointAt(0); return n >= 0xff01 && n <= 0xff5e ? String.fromCharCode(n - 0xfee0) : n === 0x3000 ? ' ' : c; };
	const foldWidth = (s) => s.replace(/[\uff01-\uff5e\u3000]/g, foldRune);
	const lower = (c) => { const l = c.toLowerCase(); return [...l].length > 1 ? String.fromCodePoint(l.codePointAt(0)) : l; };
	const lowerAll = (s) => [...s].map(lower).join('');
	const trimSpace = (s) => s.replace(re(`^[${SPACE}]+|[${SPACE}]+$`, 'g'), '');
	// Traditional characters fold to simplified ones (search/analysis/tsfold.go) by the export's table
	// (search/static/fold.go): its keys come with the directory, its values once a text to analyse has
	// a character that folds (Index.fold); until then no text has one.
	let tsKeys = null, tsValues = null;
	const isTrad = (c) => { const i = c.charCodeAt(0) - 0x4e00; return !!tsKeys && c.length === 1 && i >= 0 && i < 20992 && !!((tsKeys[i >> 3] >> (i & 7)) & 1); };
	const hasTrad = (rs) => { if (tsKeys) for (const c of rs) if (isTrad(c)) return true; return false; };
	const foldTS = (c) => { const v = tsValues && isTrad(c) && tsValues[c.charCodeAt(0) - 0x4e00]; return v ? String.fromCharCode(v) : c; };
	const foldTrad = (s) => tsValues ? s.replace(/[\u4e00-\u9fff]/g, foldTS) : s;
	function useFold(keys, values) {
		tsKeys = keys;
		if (!values) return;
		const t = new Uint16Array(20992), r = new Reader(values);
		for (let i = 0, prev = 0x4e00; i < 20992; i++) if ((keys[i >> 3] >> (i & 7)) & 1) { const u = r.u(); t[i] = prev += u % 2 ? -(u + 1) / 2 : u / 2; }
		tsValues = t;
	}
	// normalizeText folds widths and traditional characters and drops inline spaces between Han characters (刘  智).
	const normalizeText = (s) => foldTrad(foldWidth(s)).replace(/(\p{sc=Han})[ \t\xa0\u2002\u2003\u2009]+(?=\p{sc=Han})/gu, '$1');
	const MID = [":\xb7\u0387\u055f\u05f4\u2027\ufe13\ufe55.'\u2018\u2019\u2024\ufe52", ",;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54.'\u2018\u2019\u2024\ufe52"];
	// 4: a mark or format character, which the word rules attach to what precedes it (not U+200B).
	const kind = (c) => c === undefined ? 0 : c.codePointAt(0) >= 0x2e80 && reIdeo.test(c) ? 1 : reDigit.test(c) ? 3 : reLetter.test(c) ? 2 : c !== '\u200b' && reExtend.test(c) ? 4 : 0;
	function tokenize(s) {
		const a = [...s], toks = [];
		for (let i = 0; i < a.length;) {
			const k = kind(a[i]);
			// A Han character and each mark after it are characters of the run, as the server splits them.
			if (k === 1) { do toks.push({ t: a[i], s: i, e: i + 1, h: true }); while (kind(a[++i]) === 4); continue; }
			if (k !== 2 && k !== 3) { i++; continue; }
			let j = i + 1, last = k;
			for (;;) {
				const kj = kind(a[j]);
				if (kj === 4) j++;
				else if (kj === 2 || kj === 3) { last = kj; j++; }
				else if (a[j] && kind(a[j + 1]) === last && MID[last - 2].includes(a[j])) j += 2;
				else break;
			}
			const w = a.slice(i, j).join('');
			toks.push({ t: /\p{Lu}/u.test(w) ? lowerAll(w) : w, s: i, e: j, h: false });
			i = j;
		}
		return toks;
	}
	const baseTokens = (s) => tokenize(normalizeText(s));
	function splitUnits(toks) {
		const units = [];
		toks.forEach((tk, i) => {
			const u = units[units.length - 1];
			if (tk.h && u && u.h && toks[i - 1].e === tk.s) u.to = i + 1; else units.push({ h: tk.h, from: i, to: i + 1 });
		});
		return units;
	}
	function phraseSlots(toks, units) {
		if (units.length === 1 && units[0].h && units[0].to - units[0].from === 1) return { single: toks[units[0].from].t };
		const slots = [];
		let prevHan = false;
		units.forEach((u, i) => {
			if (!u.h) { slots.push([toks[u.from].t]); prevHan = false; return; }
			if (prevHan) slots.push(['']);
			prevHan = true;
			const t = toks.slice(u.from, u.to).map((x) => x.t);
			if (t.length > 1) { for (let j = 0; j + 1 < t.length; j++) slots.push([t[j] + t[j + 1]]); return; }
			const alts = [t[0]];
			if (i === 0) alts.push(t[0] + '|');
			if (i === units.length - 1) alts.push('|' + t[0]);
			slots.push(alts);
		});
		return { slots };
	}
	const hasSearchable = (s) => baseTokens(s).length > 0;
	const canonical = (s) => lowerAll(normalizeText(trimSpace(s)));
	// titleKey: a title or a query's name as compared whole (search/analysis/titlekey.go TitleKey): canonical,
	// no spaces or book-title marks, no trailing brackets holding a digit or a version word, no leading
	// 中华人民共和国; '' when fewer than two characters are left.
	function titleKey(s) {
		let k = canonical(s).replace(/[\s《》〈〉]/g, ''), m;
		while ((m = /\(([^()]*)\)$/.exec(k)) && /[0-9]|修[正订改]|试行|草案/.test(m[1])) k = k.slice(0, m.index);
		k = k.replace(/^中华人民共和国(?=.)/, '');
		return [...k].length < 2 ? '' : k;
	}

	// ---- query (search/query/query.go, search/analysis: synonyms.go, NormalizeDocNumber) ----
	function QueryError(message) { this.message = message; }
	const fail = (m) => { throw new QueryError(m); };
	const isQuote = (c) => '"“”「」『』„‟'.includes(c);
	function scanWords(q) {
		const rs = [...q], words = [];
		for (let i = 0; i < rs.length;) {
			let r = rs[i], ex = false, j;
			if (isSpace(r)) { i++; continue; }
			if (r === '|') { words.push({ or: 1 }); i++; continue; }
			if (r === '-' && i + 1 < rs.length && !isSpace(rs[i + 1])) { ex = true; r = rs[++i]; }
			if (isQuote(r)) {
				for (j = i + 1; j < rs.length && !isQuote(rs[j]);) j++;
				words.push({ text: rs.slice(i + 1, j).join(''), quoted: true, ex });
				i = j + 1;
				continue;
			}
			for (j = i; j < rs.length && !isSpace(rs[j]) && !isQuote(rs[j]) && rs[j] !== '|';) j++;
			if (j === i) { i++; continue; }
			const text = rs.slice(i, j).join('');
			i = j;
			words.push(text === 'OR' && !ex ? { or: 1 } : { text, ex });
		}
		return words;
	}
	function joinPaddedNames(w) {
		const single = (i) => !w[i].or && !w[i].art && !w[i].quoted && !w[i].ex && [...w[i].text].length === 1 && isHan(w[i].text) && !(w[i - 1] || {}).or && !(w[i + 1] || {}).or;
		const out = [];
		w.forEach((x, i) => { if (i > 0 && single(i) && single(i - 1)) out[out.length - 1].text += x.text; else out.push({ ...x }); });
		return out;
	}
	const reDocNo = re('^(\\p{sc=Han}[\\p{sc=Han}A-Za-z0-9]*?)[[(〔【﹝<]?([0-9]{4})[\\])〕】﹞>]?第?([0-9]{1,6})号$');
	function normalizeDocNumber(s) {
		const m = reDocNo.exec(foldTrad(foldWidth(s)).split(re(`[${SPACE}]+`)).join(''));
		return m ? `${m[1]}〔${m[2]}〕${+m[3]}号` : '';
	}
	function expandSynonyms(term, groups) {
		const alts = [term], seen = new Set(alts);
		for (const g of groups || []) {
			const members = g.map(canonical).filter(Boolean);
			for (let i = 0; i < alts.length && alts.length < 8; i++) {
				for (const m of members) {
					if (!alts[i].includes(m)) continue;
					for (const o of members) {
						const next = alts[i].split(m).join(o);
						if (o !== m && !seen.has(next) && alts.length < 8) { seen.add(next); alts.push(next); }
					}
				}
			}
		}
		return alts;
	}
	// Numbering (internal/cnnum): 十三, 一百零三, 两百 or digits, 1 to 9999.
	const CN_DIGIT = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }, CN_UNIT = { 十: 10, 百: 100, 千: 1000 };
	const isDigit = (c) => c >= '0' && c <= '9', isCnNumeral = (c) => c in CN_DIGIT || c in CN_UNIT;
	function parseChinese(rs) {
		let total = 0, digit = -1, lastUnit = 10000, afterZero = false, skipped = false;
		if (!rs.length) return 0;
		for (const r of rs) {
			if (r in CN_DIGIT) {
				const d = CN_DIGIT[r];
				if (d === 0) {
					if (afterZero || digit !== -1 || total === 0) return 0;
					afterZero = skipped = true;
					continue;
				}
				if (digit !== -1) return 0;
				digit = d; afterZero = false;
				continue;
			}
			const u = CN_UNIT[r];
			if (!u || afterZero || u >= lastUnit) return 0;
			if (digit === -1) { if (u !== 10 || total !== 0) return 0; digit = 1; }
			total += digit * u; digit = -1; lastUnit = u;
		}
		if (afterZero) return 0;
		if (digit !== -1) { if (lastUnit !== 10000 && lastUnit !== 10 && !skipped) return 0; total += digit; }
		return total;
	}
	const parseNumeral = (rs) => parseChinese(rs) || (rs.length && rs.length <= 4 && rs.every(isDigit) ? +rs.join('') : 0);
	function formatChinese(n) {
		const D = '零一二三四五六七八九';
		let b = '', zero = false;
		if (n <= 0 || n > 9999) return '';
		for (const [v, name] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']]) {
			const q = Math.floor(n / v) % 10;
			if (q === 0) { if (b && n % v !== 0) zero = true; continue; }
			if (zero) { b += '零'; zero = false; }
			b += D[q] + name;
		}
		return n >= 10 && n < 20 ? b.slice(1) : b; // 十三, not 一十三
	}

	// ---- article references (search/query/article.go) ----
	const ORDINAL_LEVEL = { 编: 0, 章: 1, 节: 2, 条: 3 }, ARTICLE_LEVEL = 3;
	function numeral(rs, i) {
		let end = i;
		while (end < rs.length && (isDigit(rs[end]) || isCnNumeral(rs[end]))) end++;
		const n = parseNumeral(rs.slice(i, end));
		return n > 0 ? { n, end } : null;
	}
	const ordinalLabel = (n, unit) => '第' + formatChinese(n) + unit;
	// article reads what may follow 第N条 at rs[i]: 之M, 第M款 (no anchor of its own), 第K项 or 第(K)项.
	function article(rs, i, anchor) {
		const m = rs[i] === '之' && numeral(rs, i + 1), clause = (unit) => {
			const open = rs[i] === '第' && rs[i + 1] === '(', x = rs[i] === '第' && numeral(rs, i + 1 + open);
			const e = x && x.end + (open && rs[x.end] === ')');
			if (!x || (open && rs[x.end] !== ')') || rs[e] !== unit) return 0;
			i = e + 1;
			return x.n;
		};
		if (m) { anchor += '之' + formatChinese(m.n); i = m.end; }
		clause('款');
		const k = clause('项');
		return { anchor: k ? anchor + '-（' + formatChinese(k) + '）' : anchor, end: i };
	}
	function ordinals(rs, i) {
		let anchor = '', end = i, last = -1;
		while (end < rs.length && rs[end] === '第') {
			const m = numeral(rs, end + 1);
			if (!m || m.end >= rs.length) break;
			const level = ORDINAL_LEVEL[rs[m.end]];
			if (level === undefined || level <= last) break;
			const label = ordinalLabel(m.n, rs[m.end]);
			end = m.end + 1; last = level;
			if (level === ARTICLE_LEVEL) return article(rs, end, label);
			anchor += (anchor ? '-' : '') + label;
		}
		return last >= 0 ? { anchor, end } : null;
	}
	function annex(rs, i) {
		const m = numeral(rs, i + 2);
		if (!m) return null;
		const anchor = '附件' + m.n;
		if (rs[m.end] === '第') { const inner = ordinals(rs, m.end); if (inner) return { anchor: anchor + '-' + inner.anchor, end: inner.end }; }
		if (!isDigit(rs[i + 2]) && m.end < rs.length && isHan(rs[m.end])) return null;
		return { anchor, end: m.end };
	}
	function reference(rs, i) {
		const r = rs[i];
		if (r === '第') return ordinals(rs, i);
		if (r === '附' && rs[i + 1] === '件') return annex(rs, i);
		if (isDigit(r) && !/[0-9a-z]/i.test(rs[i - 1] || '')) {
			const m = numeral(rs, i);
			return m && rs[m.end] === '条' ? article(rs, m.end + 1, ordinalLabel(m.n, '条')) : null;
		}
		return null;
	}
	// Traditional forms of the characters references and question words are made of (keywordTraditional).
	const KEYWORD_TRAD = '條条節节編编項项兩两為为麼么樣样辦办沒没請请問问個个裡里裏里幾几嗎吗';
	const keywordRune = (c) => { const i = KEYWORD_TRAD.indexOf(c); return i % 2 ? c : KEYWORD_TRAD[i + 1]; };
	function splitReferences(s) {
		const orig = [...s], rs = orig.map(keywordRune), out = [];
		let start = 0;
		for (let i = 0; i < rs.length;) {
			const ref = reference(rs, i);
			if (!ref) { i++; continue; }
			if (start < i) out.push({ text: orig.slice(start, i).join('') });
			out.push({ art: { text: orig.slice(i, ref.end).join(''), anchor: ref.anchor } });
			i = start = ref.end;
		}
		if (start < rs.length) out.push({ text: orig.slice(start).join('') });
		return out;
	}
	function orJoined(w, i) {
		const hasWord = (ws) => ws.some((x) => !x.or);
		return (i > 0 && !!w[i - 1].or && hasWord(w.slice(0, i - 1))) || (i + 1 < w.length && !!w[i + 1].or && hasWord(w.slice(i + 2)));
	}
	const splitArticles = (w) => w.flatMap((x, i) => x.or || x.art || x.quoted || x.ex || orJoined(w, i) ? [x] : splitReferences(x.text));
	function newTerm(text, quoted, syn) {
		text = trimSpace(text);
		const norm = canonical(text);
		return hasSearchable(norm) ? { text, quoted: !!quoted, alternatives: expandSynonyms(norm, syn), docKey: normalizeDocNumber(text) } : null;
	}
	// A parsed query: { groups: [[term]], excluded: [term], articles: [{ text, anchor }] }; a term is
	// { text, quoted, alternatives, docKey, bag }.
	function parseQuery(q, syn) {
		const n = [...q].length;
		if (n > 256) fail(`检索词太长（${n} 个字），最多 256 个字，请精简后再试。`);
		const words = splitArticles(joinPaddedNames(splitArticles(scanWords(foldWidth(q)).filter((w) => w.or || hasSearchable(canonical(w.text))))));
		const out = { groups: [], excluded: [], articles: [] };
		Object.defineProperty(out, 'syn', { value: syn });
		let count = 0, group = null, afterOr = false;
		for (const w of words) {
			if (w.or) { afterOr = !!group; continue; }
			if (w.art) {
				count++;
				if (!out.articles.some((a) => a.anchor === w.art.anchor)) out.articles.push(w.art);
				afterOr = false;
				continue;
			}
			const t = newTerm(w.text, w.quoted, syn);
			if (!t) { afterOr = false; continue; }
			count++;
			if (w.ex) out.excluded.push(t); else if (afterOr && group) group.push(t); else out.groups.push(group = [t]);
			afterOr = false;
		}
		if (count > MAX_TERMS) fail(`检索词太多（${count} 个），最多 ${MAX_TERMS} 个，请精简后再试。`);
		if (!count && trimSpace(q)) fail('检索词中没有可检索的文字，请输入汉字、字母或数字。');
		return out;
	}

	// ranked: a query with something to score; one without is browsed by date (search.go).
	const ranked = (pq) => pq.groups.length > 0 || (pq.articles || []).length > 0;

	// ---- the near-miss query (search/query/relaxed.go) ----
	const QUESTION_WORDS = ['为什么', '怎么样', '怎么办', '可不可以', '能不能', '是不是', '有没有', '请问', '怎么', '怎样', '如何', '为何', '什么',
		'多少个', '多少', '哪些', '哪个', '哪里', '几个', '是否', '可以', '吗', '呢', '吧', '啊', '呀', '几',
		'是多少', '是什么', '有哪些', '多久', '多长时间'].map((w) => [...w]).sort((a, b) => b.length - a.length);
	const isHanRun = (s) => { const rs = [...s]; return rs.length >= 3 && rs.every(isHan); };
	function withoutQuestionWords(t, syn) {
		if (t.quoted) return [[t], false];
		const rs = [...t.text], texts = [];
		let start = 0;
		for (let i = 0; i < rs.length;) {
			const w = QUESTION_WORDS.find((w) => w.every((c, k) => i + k < rs.length && keywordRune(rs[i + k]) === c));
			if (!w) { i++; continue; }
			texts.push(rs.slice(start, i).join(''));
			i = start = i + w.length;
		}
		if (!texts.length) return [[t], false];
		texts.push(rs.slice(start).join(''));
		return [texts.map((s) => newTerm(s, false, syn)).filter(Boolean), true];
	}
	// relaxQuery is Query.Relaxed: null where Go's ok is false. syn defaults to the groups pq was
	// parsed with (kept on the object parseQuery returns, not enumerable).
	function relaxQuery(pq, syn = pq.syn) {
		const out = { groups: [], excluded: pq.excluded, articles: pq.articles };
		Object.defineProperty(out, 'syn', { value: syn });
		let changed = false;
		pq.groups.forEach((g) => {
			const terms = [];
			for (const t of g) { const [pieces, dropped] = withoutQuestionWords(t, syn); changed = changed || dropped; terms.push(...pieces); }
			if (g.length === 1 && terms.length > 1) terms.forEach((t) => out.groups.push([t]));
			else if (terms.length) out.groups.push(terms);
		});
		out.groups = out.groups.map((g) => g.map((t) => {
			if (t.quoted) return t;
			const s = t.text.replace(/^[^\p{L}\p{Nd}]+|[^\p{L}\p{Nd}]+$/gu, '');
			if (s !== t.text && isHanRun(s)) t = newTerm(s, false, syn);
			return isHanRun(t.text) ? ((changed = true), { ...t, bag: true }) : t;
		}));
		return changed && out.groups.length ? out : null;
	}

	// ---- snippets (search/collect/snippet.go, search/analysis/fold.go) ----
	function folded(rs) {
		const s = [], orig = [];
		let lastHan = false, hard = false;
		rs.forEach((r, i) => {
			const f = foldTS(lower(foldRune(r)));
			if (!reSig.test(f)) { hard = hard || !isInline(r); return; }
			const han = isHan(f);
			if (han && lastHan && hard) { s.push('\0'); orig.push(-1); }
			s.push(f); orig.push(i);
			lastHan = han; hard = false;
		});
		return { s, orig };
	}
	function spans(rs, terms) {
		const ft = folded(rs), out = [];
		for (const t of terms) {
			for (const alt of t.alternatives) {
				const key = folded([...alt]).s, n = key.length;
				for (let i = 0; n && i + n <= ft.s.length; i++) {
					let k = 0; while (k < n && ft.s[i + k] === key[k]) k++;
					if (k === n && ft.orig[i] >= 0 && ft.orig[i + n - 1] >= 0) out.push([ft.orig[i], ft.orig[i + n - 1] + 1]);
				}
			}
		}
		return out;
	}
	const esc = (s) => String(s).replace(/[&'<>"]/g, (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;' })[c]);
	const collapse = (s) => /[\n\r\t ]/.test(s) ? s.replace(re(`[${SPACE.replace('\\u3000', '')}]+`, 'g'), ' ') : s;
	// A lone Han character (no positions in the index) leads a snippet only when no longer term
	// matches: search/collect/snippet.go matchSpans.
	const lone = (alt) => { const toks = baseTokens(alt); return phraseSlots(toks, splitUnits(toks)).single !== undefined; };
	function snippet(rs, terms, at = 0, total = rs.length, from = 0) {
		if (!total) return { html: '', first: -1 };
		// Blocks before `from` are read only for the text before the first match: they lead with nothing.
		const only = (keep) => spans(rs, [{ alternatives: terms.flatMap((t) => t.alternatives.filter((a) => lone(a) === keep)) }]), after = (x) => x.filter((s) => s[0] >= from);
		const sp = [...only(false), ...only(true)], longer = after(only(false)), lead = longer.length ? longer : after(sp);
		const found = lead.length ? Math.min(...lead.map((s) => s[0])) + at : -1;
		let lo = Math.max(0, Math.max(found, 0) - 30);
		const hi = Math.min(total, lo + 120);
		lo = Math.max(0, Math.min(lo, hi - 120));
		if (lo < at || hi > at + rs.length) return { need: [lo, hi] };
		return { html: cut(rs, sp, at, lo, hi, total), first: found };
	}
	// cut renders runes lo…hi of a text of total runes (rs holds those from at on) with the spans sp
	// (relative to rs) marked: collect/snippet.go render.
	function cut(rs, sp, at, lo, hi, total) {
		const marks = [];
		sp.map((s) => [Math.max(s[0] + at, lo), Math.min(s[1] + at, hi)]).filter((s) => s[0] < s[1]).sort((a, b) => a[0] - b[0])
			.forEach((m) => { const l = marks[marks.length - 1]; if (l && m[0] <= l[1]) l[1] = Math.max(l[1], m[1]); else marks.push(m); });
		let out = lo > 0 ? '…' : '', pos = lo;
		const plain = (a, b) => { out += esc(collapse(rs.slice(a - at, b - at).join(''))); };
		for (const m of marks) { plain(pos, m[0]); out += '<mark>'; plain(m[0], m[1]); out += '</mark>'; pos = m[1]; }
		plain(pos, hi);
		return out + (hi < total ? '…' : '');
	}

	// ---- bytes ----
	const utf8 = new TextDecoder(), utf16 = new TextDecoder('utf-16le');
	class Reader {
		constructor(b) { this.b = b; this.i = 0; }
		u() {
			let v = 0, m = 1, c;
			do { if (this.i >= this.b.length) throw new Error('bad data'); c = this.b[this.i++]; v += (c & 127) * m; m *= 128; } while (c & 128);
			return v;
		}
		s() { const n = this.u(); return utf8.decode(this.b.subarray(this.i, (this.i += n))); }
		ref(gz) { return { p: this.u(), o: this.u(), l: this.u(), gz }; }
		more() { return this.i < this.b.length; }
	}
	const gunzip = (b) => typeof DecompressionStream === 'undefined' ? Promise.reject(new Error('浏览器版本过旧，无法在本站检索，请升级浏览器。'))
		: new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer().then((a) => new Uint8Array(a));
	const fnv = (s) => new TextEncoder().encode(s).reduce((h, c) => Math.imul(h ^ c, 0x01000193) >>> 0, 0x811c9dc5);
	const f64 = new Float64Array(1), u32 = new Uint32Array(f64.buffer);
	// Go's math.Log: idf must equal bleve's to the bit.
	function golog(x) {
		f64[0] = x;
		const hi = u32[1];
		let k = ((hi >>> 20) & 0x7ff) - 0x3fe;
		u32[1] = (hi & 0xfffff) | 0x3fe00000;
		let f1 = f64[0];
		if (f1 < 0.7071067811865476) { k--; f1 *= 2; }
		const f = f1 - 1, s = f / (2 + f), s2 = s * s, s4 = s2 * s2;
		const t1 = s2 * (0.6666666666666735 + s4 * (0.2857142874366239 + s4 * (0.1818357216161805 + s4 * 0.14798198605116586)));
		const t2 = s4 * (0.3999999999940942 + s4 * (0.22222198432149784 + s4 * 0.15313837699209373));
		const R = t1 + t2, hfsq = 0.5 * f * f;
		return k * 0.6931471803691238 - ((hfsq - (s * (hfsq + R) + k * 1.9082149292705877e-10)) - f);
	}
	const normOf = (len) => Math.fround(1 / Math.sqrt(len));
	const cmpStr = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

	// ---- store: whole files, and pack objects read with Range ----
	// A host that serves several ranges in one answer (multipart/byteranges: nginx, Apache, Caddy,
	// Go) is asked for all of a pack's objects in one request, each costing a part header instead
	// of a request; a probe of a tiny file, remembered per site, tells which hosts do.
	class Store {
		constructor(base, get) {
			this.base = base; this.cache = new Map(); this.whole = new Map();
			this.get = get || (async (url, r) => {
				const many = r && r[0].length, c = new AbortController();
				const res = await fetch(url, r ? { signal: c.signal, headers: { Range: 'bytes=' + (many ? r : [r]).map(([a, b]) => `${a}-${b - 1}`) } } : { cache: /json$/.test(url) ? 'no-cache' : 'default' });
				if (!res.ok) throw new Error(`${url}：HTTP ${res.status}`);
				if (many && res.status !== 206) { c.abort(); return { status: res.status }; } // never a whole pack for several ranges
				return { status: res.status, type: res.headers.get('Content-Type'), body: new Uint8Array(await res.arrayBuffer()) };
			});
		}
		memo(key, make) {
			if (!this.cache.has(key)) { const p = make(); p.catch(() => this.cache.delete(key)); this.cache.set(key, p); }
			return this.cache.get(key);
		}
		file(name) { return this.memo(name, async () => gunzip((await this.get(this.base + name)).body)); }
		async probe() {
			const k = 'gongkai-ranges:' + this.base;
			let v = null;
			try { v = localStorage.getItem(k); } catch (e) {}
			if (v === null) {
				const r = await this.get(this.base + this.man.probe, [[0, 1], [2, 3]]).catch(() => ({}));
				v = parts(r).length === 2 ? '1' : '';
				try { localStorage.setItem(k, v); } catch (e) {}
			}
			this.multi = !!v;
		}
		// objects reads pack objects. Reads asked for in the same turn go out together, so the steps
		// of a search that run side by side (every term's bucket, every hit's body) share a request
		// per pack.
		objects(refs) {
			const key = (r) => `${r.p}:${r.o}:${r.l}${r.gz ? 'z' : ''}`;
			for (const r of refs) if (!r.l) this.cache.set(key(r), Promise.resolve(new Uint8Array(0))); else this.memo(key(r), () => new Promise((ok, no) => {
				if (!this.todo) { this.todo = []; queueMicrotask(() => this.flush()); }
				this.todo.push({ ...r, ok, no });
			}).then((b) => (r.gz ? gunzip(b) : b)));
			return Promise.all(refs.map((r) => this.cache.get(key(r))));
		}
		flush() {
			const todo = {}, gap = this.multi ? PART : GAP;
			for (const r of this.todo) (todo[r.p] = todo[r.p] || []).push(r);
			this.todo = null;
			for (const p in todo) {
				const groups = [];
				for (const r of todo[p].sort((a, b) => a.o - b.o)) {
					let g = groups[groups.length - 1];
					if (!g || r.o > g.b + gap) groups.push((g = { a: r.o, b: 0, rs: [] }));
					g.b = Math.max(g.b, r.o + r.l); g.rs.push(r);
				}
				for (let i = 0; i < groups.length; i += MAX_RANGES) {
					const gs = groups.slice(i, i + MAX_RANGES), got = gs.length > 1 && this.multi && !this.whole.has(+p) ? this.ranges(+p, gs) : null;
					gs.forEach((g, j) => {
						const bytes = got ? got.then((bs) => bs[j]) : this.range(+p, g.a, g.b);
						for (const r of g.rs) bytes.then((b) => r.ok(b.subarray(r.o - g.a, r.o - g.a + r.l)), r.no);
					});
				}
			}
		}
		async range(p, a, b) {
			if (this.whole.has(p)) return (await this.whole.get(p)).subarray(a, b);
			const r = await this.get(this.base + this.man.packs[p], [a, b]);
			if (r.status === 206) return r.body;
			this.whole.set(p, r.body);
			return r.body.subarray(a, b);
		}
		// ranges reads several ranges of pack p in one request; what the answer lacks is read singly.
		async ranges(p, gs) {
			const ps = parts(await this.get(this.base + this.man.packs[p], gs.map((g) => [g.a, g.b])));
			if (!ps.length) this.multi = false;
			return Promise.all(gs.map((g) => {
				const x = ps.find(([a, b]) => a <= g.a && g.b <= a + b.length);
				return x ? x[1].subarray(g.a - x[0], g.b - x[0]) : this.range(p, g.a, g.b);
			}));
		}
	}
	// parts splits a multipart/byteranges answer into [offset, bytes] pairs ([] for any other answer).
	function parts(r) {
		const m = r.status === 206 && /^multipart\/byteranges;.*boundary="?([^";]+)/i.exec(r.type || ''), out = [];
		if (!m) return out;
		const s = new TextDecoder('latin1').decode(r.body), d = '--' + m[1];
		for (let i = s.indexOf(d); i >= 0 && s.substr(i + d.length, 2) !== '--';) {
			const h = s.indexOf('\r\n\r\n', i), c = h > 0 && /content-range:\s*bytes (\d+)-(\d+)/i.exec(s.slice(i, h));
			if (!c) break;
			const a = +c[1], e = h + 4 + (c[2] - a + 1);
			out.push([a, r.body.subarray(h + 4, e)]);
			i = s.indexOf(d, e);
		}
		return out;
	}

	// ---- index: the export's files (search/static/*.go) ----
	class Index {
		static async open(base, get) {
			const store = new Store(base, get), man = (store.man = JSON.parse(utf8.decode((await store.get(base + 'manifest.json')).body)));
			if (man.format !== 4) throw new Error('检索索引版本不符，请重新构建网站。');
			const [dir, groups, keys] = await Promise.all([store.file(man.directory), store.file(man.groups), man.fold && store.file(man.fold.keys), store.probe()]);
			useFold(keys);
			const ix = new Index(store, man, dir, groups);
			await ix.fold([].concat(...man.synonyms || []).join(''));
			return ix;
		}
		// fold reads the fold table's values the first time a text to analyse (a query, a synonym, a body
		// shown) has a character that folds; null when there is nothing to read, so that a caller need not
		// wait a turn (which would part reads that should share a request).
		fold(text) { return !tsValues && hasTrad(text) ? this.store.file(this.man.fold.values).then((v) => useFold(tsKeys, v)) : null; }
		constructor(store, man, dir, groups) {
			this.store = store; this.man = man; this.n = man.shards.length; this.N = man.records;
			this.base = [0]; man.shards.forEach((c, i) => this.base.push(this.base[i] + c));
			const r = new Reader(dir), locate = (packs, gz) => {
				const out = []; let p = -1, off = 0;
				for (let i = 0, n = r.u(); i < n; i++) {
					if (p + 1 < packs.length && packs[p + 1][1] === i) { p++; off = 0; }
					const l = r.u(); out.push({ p: packs[p][0], o: off, l, gz }); off += l;
				}
				return out;
			};
			this.buckets = locate(man.dict_packs, false); this.metas = locate(man.meta_packs, false);
			this.fieldNo = Object.fromEntries(man.fields.map((f, i) => [f.name, i]));
			this.groups = decodeGroups(groups, man.group_fields.length, this.N);
			const d = this.groups.docs;
			this.docOf = d.of; this.docRec = d.rec; this.D = d.rec.length;
			// A document's records, and its metadata (facets, date) as its document record has it.
			this.recsOf = Array.from({ length: this.D }, () => []);
			d.of.forEach((x, g) => this.recsOf[x].push(g));
			this.docGid = Int32Array.from(d.rec, (r, x) => (r >= 0 ? r : this.recsOf[x][0]));
		}
		shardOf(g) { let s = 0; while (g >= this.base[s + 1]) s++; return s; }
		group(g) { return this.groups.list[this.groups.of[g]]; }
		docGroup(d) { return this.group(this.docGid[d]); }
		entry(term) {
			return this.store.memo('t' + term, async () => {
				const [b] = await this.store.objects([this.buckets[fnv(term) & (this.man.buckets - 1)]]), r = new Reader(b);
				let found = {};
				for (let n = r.u(); n > 0; n--) { const t = r.s(), e = this.decodeEntry(r); if (t === term) found = e; }
				return found;
			});
		}
		decodeEntry(r) {
			const out = {};
			for (let nf = r.u(); nf > 0; nf--) {
				const fi = r.u(), spec = this.man.fields[fi], df = [];
				for (let s = 0; s < this.n; s++) df.push(r.u());
				const l = out[fi] = new List(this, spec, df), kind = r.u();
				if (kind === 0) l.setAll(decodePostings(r, spec, l.total, -1));
				else if (kind === 1) l.medium = r.ref();
				else {
					l.member = r.ref(true); l.details = r.ref(); l.impact = r.ref(); l.blocks = [];
					for (let n = r.u(); n > 0; n--) l.blocks.push(r.u());
				}
			}
			return out;
		}
	}
	function decodeGroups(b, nf, N) {
		const r = new Reader(b), strs = [], list = [], of = new Int32Array(N);
		for (let n = r.u(); n > 0; n--) strs.push(r.s());
		for (let n = r.u(); n > 0; n--) {
			const v = [];
			for (let f = 0; f < nf; f++) { const vs = []; for (let k = r.u(); k > 0; k--) vs.push(strs[r.u()]); v.push(vs); }
			const d = r.u();
			list.push({ v, date: d ? ((d - 1) % 2 ? -d / 2 : (d - 1) / 2) : null });
		}
		for (let n = r.u(), at = 0; n > 0; n--) { const len = r.u(); of.fill(r.u(), at, at + len); at += len; }
		return { list, of, docs: decodeDocs(r, N) };
	}
	// decodeDocs reads the document table (search/static/groups.go encodeDocs): documents are
	// numbered in the byte order of their URLs, the server's tie order.
	function decodeDocs(r, N) {
		const nd = r.u(), of = new Int32Array(N), first = new Int32Array(nd).fill(-1), rec = new Int32Array(nd);
		for (let n = r.u(), at = 0, d = 0; n > 0; n--) {
			const len = r.u(), z = r.u();
			d += z % 2 ? -(z + 1) / 2 : z / 2;
			if (first[d] < 0) first[d] = at;
			of.fill(d, at, at + len); at += len;
		}
		for (let d = 0; d < nd; d++) { const v = r.u(); rec[d] = v ? first[d] + v - 1 : -1; }
		return { of, rec };
	}
	function decodePostings(r, spec, n, prev, gids) {
		const out = [];
		for (let i = 0; i < n && r.more(); i++) {
			const p = { g: gids ? gids[i] : (prev += 1 + r.u()), tf: r.u(), fb: -1 };
			lengthOf(r, spec, p);
			if (spec.positions) { p.pos = []; for (let k = 0, at = 0; k < p.tf; k++) p.pos.push((at += r.u())); }
			out.push(p);
		}
		return out;
	}
	function lengthOf(r, spec, p) {
		const v = r.u();
		p.len = spec.blocks ? Math.floor(v / 2) : v;
		if (spec.blocks && v % 2) p.fb = r.u();
	}
	class List {
		constructor(ix, spec, df) { this.ix = ix; this.spec = spec; this.df = df; this.total = df.reduce((a, b) => a + b, 0); this.known = new Map(); this.next = this.read = 0; this.thr = Infinity; this.chunks = {}; }
		setAll(ps) { this.all = true; this.thr = 0; this.gids = ps.map((p) => (this.known.set(p.g, p), p.g)); this.set = new Set(this.gids); }
		has(g) { return this.set && this.set.has(g); }
		async members() {
			if (this.gids) return this.gids;
			const [b] = await this.ix.store.objects([this.medium || this.member]), r = new Reader(b), out = [], at = new Map(), offs = [0];
			if (this.medium) this.setAll(decodePostings(r, this.spec, this.total, -1));
			else {
				for (let n = r.u(), g = -1; n > 0; n--) { at.set((g += 1 + r.u()), out.length); out.push(g); }
				for (let i = 0; i < out.length; i += this.ix.man.chunk) offs.push(offs[offs.length - 1] + r.u());
			}
			if (!this.gids) { this.set = new Set(out); this.gids = out; this.at = at; this.offs = offs; }
			return this.gids;
		}
		async detail(gids) {
			await this.members();
			if (this.all) return;
			const size = this.ix.man.chunk, want = [], wait = new Set(), d = this.details, pend = this.chunks;
			for (const g of gids) {
				const i = Math.floor(this.at.get(g) / size);
				if (pend[i]) wait.add(pend[i]); else if (i >= 0) { want.push(i); pend[i] = 1; }
			}
			const got = (async () => {
				(await this.ix.store.objects(want.map((i) => ({ p: d.p, o: d.o + this.offs[i], l: this.offs[i + 1] - this.offs[i] })))).forEach((b, k) => {
					for (const p of decodePostings(new Reader(b), this.spec, size, 0, this.gids.slice(want[k] * size))) { this.known.set(p.g, p); this.read++; }
				});
				// All details read: positions are known too (postings from impact blocks lack them).
				if (this.read === this.total) { this.all = true; this.thr = 0; }
			})();
			for (const i of want) pend[i] = got;
			await Promise.all([got, ...wait]);
		}
		// cost is what reading the detail chunks of gids (members) would transfer: a request, a part per run.
		cost(gids) {
			const size = this.ix.man.chunk, offs = this.offs, multi = this.ix.store.multi;
			const cs = [...new Set(gids.map((g) => Math.floor(this.at.get(g) / size)))].sort((a, b) => a - b);
			let n = multi && cs.length ? REQ : 0, end = -Infinity;
			for (const c of cs) { n += offs[c + 1] - offs[c] + (offs[c] > end + (multi ? PART : GAP) ? (multi ? PART : REQ) : offs[c] - end); end = offs[c + 1]; }
			return n;
		}
		// settle is what this list's impact blocks cost until they likely settle each run in doubt,
		// given as [m, c]: its best m of the c records the list holds. A date's records turn up in
		// impact order at the list's overall rate, the m-th after about total·m/c postings (by
		// relevance c is every hit: the first m). At least the next block; Infinity when the blocks
		// end first, as then the details must be read anyway.
		settle(runs) {
			const want = Math.max(0, ...runs.map(([m, c]) => (c >= m ? this.total * m / c : Infinity)));
			let n = 0, bytes = 0;
			for (let b = 0; b < this.blocks.length; b++) {
				n += this.ix.man.impact_block << b;
				if (b >= this.next) bytes += REQ + this.blocks[b];
				if (n >= want && bytes) return bytes;
			}
			return Infinity;
		}
		async more() {
			const o = this.impact.o + this.blocks.slice(0, this.next).reduce((a, b) => a + b, 0);
			const [b] = await this.ix.store.objects([{ p: this.impact.p, o, l: this.blocks[this.next++] }]);
			for (const r = new Reader(b); r.more();) {
				const p = { g: r.u(), tf: r.u(), fb: -1 };
				lengthOf(r, this.spec, p);
				if (!this.known.has(p.g)) this.known.set(p.g, p);
				this.thr = Math.sqrt(p.tf) * normOf(p.len);
			}
		}
	}

	// ---- plan: search/query/compile.go as bleve builds its searchers ----
	function plan(ix, pq) {
		const text = ix.man.fields.filter((f) => f.positions), leaves = [];
		const leaf = (term, field, boost) => { const n = { term, fi: ix.fieldNo[field], boost }; leaves.push(n); return n; };
		const term = (t) => {
			const kids = [];
			for (const alt of t.alternatives) {
				const toks = baseTokens(alt), units = splitUnits(toks);
				if (!units.length) continue;
				const ps = phraseSlots(toks, units);
				if (ps.single !== undefined) { kids.push(leaf(ps.single, 'chars', 1)); continue; }
				for (const f of text) {
					if (ps.slots.length === 1 && ps.slots[0].length === 1) { kids.push(leaf(ps.slots[0][0], f.name, f.boost)); continue; }
					const slots = [];
					ps.slots.forEach((a, at) => {
						const alts = a.filter(Boolean).map((x) => leaf(x, f.name, f.boost));
						if (alts.length) slots.push({ at, alts, kid: alts.length === 1 ? alts[0] : { alts } });
					});
					kids.push({ phrase: slots, fi: ix.fieldNo[f.name] });
				}
			}
			if (t.docKey) kids.push(leaf(t.docKey, 'doc_key', 6));
			return kids.length === 1 ? kids[0] : { dis: kids };
		};
		// A near-title variant (search/query.TitlePhraseQuery): a phrase in the title field; its leaves
		// are read only when the pass uses it (a bag term found as typed does not).
		const title = ix.fieldNo.title, tboost = ix.man.fields[title].boost;
		const nearPhrase = (slots) => {
			const ls = [], ph = [];
			slots.forEach((a, at) => { if (a) { const l = { term: a, fi: title, boost: tboost }; ls.push(l); ph.push({ at, alts: [l], kid: l }); } });
			return { root: root({ phrase: ph, fi: title }), leaves: ls };
		};
		// Each group, each article and each bigram of a bag term is a query of its own (SPEC14 §3,
		// §4), scored alone with its own query norm, as search/query.Compile of that one group.
		const root = (node) => ({ conj: [node] });
		const groups = pq.groups.map((g) => {
			const x = { root: root(g.length === 1 ? term(g[0]) : { dis: g.map(term) }), terms: g, bags: [] };
			for (const t of g.filter((t) => t.bag)) { // search/plan.go planOf
				const rs = [...t.text], B = [];
				for (let i = 0; i + 1 < rs.length; i++) if (!B.includes(rs[i] + rs[i + 1])) B.push(rs[i] + rs[i + 1]);
				x.bags.push({ text: t.text, alone: root(term({ ...t, bag: false })), need: Math.floor((2 * B.length + 2) / 3),
					bigrams: B.map((b) => ({ b, root: root(term({ text: b, alternatives: [canonical(b)] })) })),
					near: nearSlots(t.text).map(nearPhrase) });
			}
			return x;
		});
		const arts = (pq.articles || []).map((a) => ({ root: root(leaf(a.anchor, 'anchors', ARTICLE_BOOST)), art: a }));
		// The names a whole title may be (search/plan.go titleKeys): not scored, so not among the leaves.
		const keys = [...new Set(pq.groups.flat().flatMap((t) => t.alternatives.map(titleKey)).filter(Boolean))];
		const titles = keys.map((k) => ({ term: k, fi: ix.fieldNo.title_key, boost: 1 }));
		return { groups, arts, not: pq.excluded.map(term), leaves, titles };
	}
	// The roots a query scores: every group's (a bag's bigrams too) and every article's.
	const rootsOf = (p) => [...p.groups, ...p.arts].flatMap((x) => [x.root, ...(x.bags || []).flatMap((bag) => [...bag.bigrams.map((b) => b.root), ...bag.near.map((n) => n.root)])]);
	const kidsOf = (n) => n.phrase ? n.phrase.map((s) => s.kid) : n.alts || n.dis || n.conj;
	function prepare(ix, node, s) {
		if (node.term !== undefined) {
			const df = node.list ? node.list.df[s] : 0, idf = (node.idf = node.idf || [])[s] = 1 + golog(ix.man.shards[s] / (df + 1)), w = node.boost * idf;
			return { c: df, w: w * w };
		}
		const kids = kidsOf(node), info = kids.map((k) => prepare(ix, k, s)), order = kids.map((k, i) => i);
		if (!(node.dis && kids.length > 10)) order.sort((a, b) => info[a].c - info[b].c || a - b);
		let c = 0, w = 0;
		(node.order = node.order || [])[s] = order.map((i) => (c += info[i].c, w += info[i].w, kids[i]));
		return { c, w };
	}
	function setNorm(node, s, qnorm) {
		if (node.term === undefined) return kidsOf(node).forEach((k) => setNorm(k, s, qnorm));
		(node.qw = node.qw || [])[s] = node.boost * node.idf[s] * qnorm;
	}
	function score(node, g, s, bound) {
		if (node.term !== undefined) {
			const l = node.list, p = l && l.has(g) && l.known.get(g);
			if (!l || !l.has(g)) return null;
			if (p) { const sc = Math.sqrt(p.tf) * normOf(p.len) * node.idf[s]; return node.qw[s] !== 1 ? sc * node.qw[s] : sc; }
			return bound ? l.thr * node.idf[s] * node.qw[s] * (1 + 1e-9) : NaN;
		}
		if (node.phrase && !(node.hit && node.hit[g])) return null;
		const kids = node.order[s], or = node.dis || node.alts;
		let total = 0, n = 0;
		for (const k of kids) {
			const v = score(k, g, s, bound);
			if (v === null) { if (!or) return null; continue; }
			total += v; n++;
		}
		return !n ? null : or ? total * (n / kids.length) : total;
	}

	// ---- matching: sets of records as Uint8Array(N) ----
	const setOf = (N, gids) => { const b = new Uint8Array(N); for (const g of gids) b[g] = 1; return b; };
	const or = (bs) => bs.reduce((a, b) => a.map((x, i) => x | b[i]));
	const and = (bs) => bs.reduce((a, b) => a.map((x, i) => x & b[i]));
	const list = (b) => { const out = []; b.forEach((x, i) => { if (x) out.push(i); }); return out; };
	const all = (xs, f) => Promise.all(xs.map(f));
	async function candidates(ix, node) {
		if (node.term !== undefined) return setOf(ix.N, node.list ? await node.list.members() : []);
		if (!node.phrase) return (node.conj ? and : or)(await all(kidsOf(node), (k) => candidates(ix, k)));
		return and(await all(node.phrase, async (sl) => or(await all(sl.alts, (l) => candidates(ix, l)))));
	}
	async function verify(ix, node, cand) {
		if (node.term !== undefined) return;
		if (!node.phrase) return all(kidsOf(node), (k) => verify(ix, k, cand));
		const gids = list(and([await candidates(ix, node), cand])), lists = [].concat(...node.phrase.map((sl) => sl.alts.map((l) => l.list).filter(Boolean)));
		await all(lists, (l) => l.detail(gids));
		node.hit = node.hit || new Uint8Array(ix.N); node.first = node.first || new Map();
		for (const g of gids) {
			const pos = node.phrase.map((sl) => new Set([].concat(...sl.alts.map((l) => { const p = l.list && l.list.known.get(g); return p && p.pos || []; }))));
			let best = 0;
			pos[0].forEach((p) => { const at = p - node.phrase[0].at; if (at > 0 && (!best || at < best) && node.phrase.every((sl, i) => pos[i].has(at + sl.at))) best = at; });
			if (best) { node.hit[g] = 1; node.first.set(g, best); }
		}
	}
	async function matches(ix, node) {
		if (node.term !== undefined) return candidates(ix, node);
		if (node.phrase) return node.hit ? node.hit.slice() : new Uint8Array(ix.N);
		return (node.conj ? and : or)(await all(kidsOf(node), (k) => matches(ix, k)));
	}

	// ---- search (search/search.go, search/httpapi/http.go) ----
	function request(params) {
		const get = (k) => trimSpace(params.get(k) || ''), req = { q: params.get('q') || '', sort: params.get('sort') || '', filters: {} };
		for (const f of FILTERS) for (const v of params.getAll(f).map(trimSpace)) if (v) (req.filters[f] = req.filters[f] || []).push(v);
		if (req.sort === 'relevance') req.sort = '';
		const int = (k, label, s = get(k)) => !s ? 0 : /^\+?[0-9]+$/.test(s) ? +s : fail(`${label}“${s}”不是有效的数字。`);
		const date = (k, label, s = get(k)) => {
			const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s), t = m && Date.UTC(+m[1], m[2] - 1, +m[3]);
			if (!s) return null;
			if (!m || new Date(t).getUTCDate() !== +m[3]) fail(`${label}“${s}”格式有误，请写成 2018-08-22 这样的年-月-日。`);
			return { y: +m[1], t: t / 1000, s };
		};
		return Object.assign(req, { page: int('page', '页码'), size: int('size', '每页条数'), from: date('from', '起始日期'), to: date('to', '截止日期') });
	}
	// ---- documents: SPEC14 §3, search/docs.go ----
	// sx is record g's score for the one-clause query x: a number, null when g does not match, NaN
	// while a posting is unknown (with bound, an upper bound instead). A bag term (§4) that does not
	// match exactly scores its matched bigrams' sum times the share matched.
	function sx(x, g, s, bound) {
		if (!x.M[g]) return null;
		if (x.exact[g]) return score(x.root, g, s, bound);
		let best = 0; // the best bag (search/collect/match.go matchGroup, rules.go bagScore)
		for (const bag of x.bags) {
			let sum = 0, m = 0;
			for (const b of bag.bigrams) if (b.M[g]) { sum += score(b.root, g, s, bound); m++; }
			if (m >= bag.need) { const v = (sum * m) / bag.bigrams.length; if (Number.isNaN(v)) return NaN; if (v > best) best = v; }
			for (const n of bag.near) if (n.M[g]) { const v = score(n.root, g, s, bound); if (Number.isNaN(v)) return NaN; if (v > best) best = v; }
		}
		return best;
	}
	function val(x, g, s) {
		let v = x.val.get(g);
		if (v === undefined) { v = sx(x, g, s, false); if (!Number.isNaN(v)) x.val.set(g, v); }
		return v;
	}
	// docScore is score(D) of document d: { v, sure, doubt }, v exact when sure, else an upper bound;
	// doubt holds the records whose unknown postings keep it unsure. A best record known whose score
	// no unread one can reach settles a clause, so a law of a hundred articles needs only a few.
	function docScore(ps, d) {
		const rel = ps.rel(d), s = ps.ix.shardOf(rel[0]), doubt = new Set();
		let acc = 0, sure = true;
		const best = (one) => {
			let K = -Infinity, U = -Infinity;
			const open = [];
			for (const g of rel) {
				const v = one(g, false);
				if (v === null) continue;
				if (!Number.isNaN(v)) { K = Math.max(K, v); continue; }
				const b = one(g, true);
				open.push([g, b]); U = Math.max(U, b);
			}
			for (const [g, b] of open) if (b > K) doubt.add(g);
			if (U > K) { sure = false; return U; }
			return K === -Infinity ? 0 : K;
		};
		const each = (x) => (g, bound) => (bound ? sx(x, g, s, true) : val(x, g, s));
		for (const x of ps.groups) acc += best(each(x));
		// together: per group the larger of the record's score and the document record's, whose
		// title, 文号 and preamble frame every article (collect/rules.go framedSum).
		const d0 = ps.ix.docRec[d];
		if (ps.groups.length) acc += best((g, bound) => {
			let t = 0;
			for (const x of ps.groups) {
				const rs = [g, d0].filter((r, i) => r >= 0 && x.M[r] && !(i && r === g));
				if (!rs.length) return null;
				let v = -Infinity;
				for (const r of rs) {
					const e = bound ? sx(x, r, s, true) : val(x, r, s);
					if (Number.isNaN(e) && r !== g) doubt.add(r);
					v = Math.max(v, e);
				}
				t += v;
			}
			return t;
		});
		for (const x of ps.arts) acc += best(each(x));
		return { v: acc, sure, doubt };
	}
	// partKey orders a document's records as parts: those matching an article first (article order),
	// then by how many groups they match, then by their groups' scores summed, then by gid.
	function partKey(ps, g) {
		const s = ps.ix.shardOf(g);
		let a = ps.arts.findIndex((x) => x.M[g]), n = 0, v = 0, ub = 0, sure = true;
		for (const x of ps.groups) {
			const e = val(x, g, s);
			if (e === null) continue;
			n++;
			if (Number.isNaN(e)) { sure = false; ub += sx(x, g, s, true); } else { v += e; ub += e; }
		}
		return { g, a: a < 0 ? Infinity : a, n, v: sure ? v : ub, sure };
	}
	const known = (ps, gids, which = () => true) => all((ps.lists || []).filter(which), (l) => (l.all ? null : l.detail(gids.filter((g) => l.has(g) && !l.known.has(g)))));
	const partCmp = (x, y) => x.a - y.a || y.n - x.n || y.v - x.v || x.g - y.g;
	const fragment = (url) => { const i = url.indexOf('#'); return i < 0 ? '' : url.slice(i + 1); };
	const docURL = (url) => url.replace(/#.*$/, '');
	class Engine {
		constructor(ix) { this.ix = ix; }
		async search(params) {
			const ix = this.ix, req = request(params);
			req.q = trimSpace(req.q);
			await ix.fold(req.q);
			const pq = parseQuery(req.q, ix.man.synonyms), nv = [].concat(...Object.values(req.filters)).length;
			if (req.page > MAX_PAGE) fail(`页码 ${req.page} 超出范围：只能查看第 1 到第 ${MAX_PAGE} 页，请增加检索词或筛选条件缩小范围。`);
			req.page = req.page || 1; req.size = Math.min(req.size || 10, 100);
			if (nv > MAX_TERMS) fail(`筛选条件太多（${nv} 个），最多 ${MAX_TERMS} 个。`);
			if (!['', 'date', '-date'].includes(req.sort)) fail(`不支持的排序方式“${req.sort}”：可用相关度（默认）、date（从旧到新）、-date（从新到旧）。`);
			for (const d of [req.from, req.to]) if (d && (d.y < 1700 || d.y > 2200)) fail(`日期 ${d.s} 超出范围：只支持 1700 年到 2200 年。`);
			if (req.from && req.to && req.to.t < req.from.t) fail(`日期范围有误：起始日期 ${req.from.s} 晚于截止日期 ${req.to.s}。`);
			if (!ranked(pq) && !req.sort) req.sort = '-date';
			const allow = this.filter(req), k = req.page * req.size, from = k - req.size;
			const ex = await this.pass(pq, allow), e = ex.docs.length, rq = e < RELAX_BELOW && relaxQuery(pq);
			const out = { query: req.q, page: req.page, exact: e, relaxed: false };
			let order, docs = ex.docs;
			if (!rq) order = (await this.rank(ex, req, k, from)).map((d) => [d, ex]);
			else {
				// The exact documents first, then the relaxed ones not among them (SPEC14 §4).
				const rx = await this.pass(rq, allow), seen = new Set(ex.docs);
				rx.docs = rx.docs.filter((d) => !seen.has(d));
				const found = rx.found || [], guess = found.includes(false);
				const ro = await this.rank(rx, req, Math.max(k - e, guess ? SUGGEST_FROM : 0), guess ? 0 : Math.max(0, from - e));
				order = [...(await this.rank(ex, req, e, 0)).map((d) => [d, ex]), ...ro.map((d) => [d, rx])];
				docs = [...ex.docs, ...rx.docs];
				out.relaxed = true;
				if (guess) out.suggest = await this.suggest(req.q, rx, found, ro.slice(0, SUGGEST_FROM));
			}
			out.total = docs.length;
			out.pages = Math.min(Math.ceil(docs.length / req.size), MAX_PAGE);
			out.facets = this.facets(docs);
			out.hits = await this.hits(order.slice(from, k));
			return out;
		}
		filter(req) {
			const ix = this.ix, names = ix.man.group_fields, ok = ix.groups.list.map((g) =>
				Object.keys(req.filters).every((f) => req.filters[f].some((v) => (g.v[names.indexOf(f)] || []).includes(v))) &&
				(!(req.from || req.to) || (g.date !== null && !(req.from && g.date < req.from.t) && !(req.to && g.date > req.to.t + 86399))));
			return Uint8Array.from(ix.groups.of, (gi) => ok[gi] ? 1 : 0);
		}
		// pass finds the documents a query matches: per clause its records (M), phrases checked only on
		// the records of documents that every required clause may still match.
		async pass(pq, allow) {
			const ix = this.ix, p = plan(ix, pq), xs = [...p.groups, ...p.arts], need = p.groups.length ? p.groups : p.arts;
			const ps = { ix, p, pq, groups: p.groups, arts: p.arts, xs, scored: xs.length > 0 };
			ps.terms = [...pq.groups.flat(), ...p.groups.flatMap((x) => x.bags.flatMap((bag) => bag.bigrams.map((b) => ({ alternatives: [b.b] }))))];
			// A bag term found as typed is no misspelling: its near-title variants are not looked for
			// (search/collect/documents.go FindDocuments).
			const bags = p.groups.flatMap((x) => x.bags);
			if (bags.length) {
				ps.found = await this.bagsFound(ps, allow);
				bags.forEach((bag, i) => { if (ps.found[i]) bag.near = []; else bag.near.forEach((n) => p.leaves.push(...n.leaves)); });
			}
			await all(p.leaves, async (l) => { l.list = (await ix.entry(l.term))[l.fi]; });
			const docsOf = (set) => { const o = new Uint8Array(ix.D); set.forEach((v, g) => { if (v) o[ix.docOf[g]] = 1; }); return o; };
			const inDocs = (ds) => Uint8Array.from(ix.docOf, (d) => ds[d]);
			await all(xs, async (x) => {
				x.cand = and([allow, await candidates(ix, x.root)]);
				if (!(x.bags || []).length) return;
				x.near = new Uint8Array(ix.N);
				for (const bag of x.bags) {
					await all(bag.bigrams, async (b) => { b.M = and([allow, await candidates(ix, b.root)]); }); // terms only: no phrase to check
					const n = new Uint8Array(ix.N);
					for (const b of bag.bigrams) b.M.forEach((v, g) => { n[g] += v; });
					n.forEach((c, g) => { if (c >= bag.need) x.near[g] = 1; });
				}
				x.cand = or([x.cand, x.near]);
				for (const bag of x.bags) for (const n of bag.near) x.cand = or([x.cand, and([allow, await candidates(ix, n.root)])]);
			});
			// Filters only: every document whose document record they pass.
			const browse = () => { const o = new Uint8Array(ix.D); for (let d = 0; d < ix.D; d++) if (ix.docRec[d] >= 0 && allow[ix.docRec[d]]) o[d] = 1; return o; };
			const cd = inDocs(xs.length ? and(need.map((x) => docsOf(x.cand))) : browse());
			const nears = xs.flatMap((x) => (x.bags || []).flatMap((bag) => bag.near));
			await all(xs, (x) => verify(ix, x.root, and([x.cand, cd])));
			await all(nears, (n) => verify(ix, n.root, and([allow, cd])));
			await all(nears, async (n) => { n.M = and([allow, cd, await matches(ix, n.root)]); });
			await all(xs, async (x) => {
				x.exact = and([allow, cd, await matches(ix, x.root)]);
				x.M = x.near ? or([x.exact, and([x.near, cd]), ...x.bags.flatMap((bag) => bag.near.map((n) => n.M))]) : x.exact;
				x.val = new Map();
			});
			const ds = xs.length ? and(need.map((x) => docsOf(x.M))) : browse();
			if (p.not.length) { // a document is out when any of its records matches an excluded term
				const recs = inDocs(ds);
				for (const n of p.not) {
					await verify(ix, n, recs);
					(await matches(ix, n)).forEach((v, g) => { if (v && recs[g]) ds[ix.docOf[g]] = 0; });
				}
			}
			ps.docs = list(ds);
			// Documents whose whole title the query names rank first (search/collect/match.go, rules.go docLess).
			const titled = new Uint8Array(ix.D);
			if (p.groups.length && p.titles.length) {
				await all(p.titles, async (l) => { l.list = (await ix.entry(l.term))[l.fi]; });
				for (const l of p.titles) (await candidates(ix, l)).forEach((v, g) => { if (v) titled[ix.docOf[g]] = 1; });
			}
			ps.titled = (d) => titled[d];
			ps.anyTitled = ps.docs.some((d) => titled[d]);
			for (const r of rootsOf(p)) for (let s = 0; s < ix.n; s++) setNorm(r, s, 1 / Math.sqrt(prepare(ix, r, s).w));
			const any = or([new Uint8Array(ix.N), ...xs.map((x) => x.M)]), rel = new Map();
			any.forEach((v, g) => { if (v && ds[ix.docOf[g]]) { const d = ix.docOf[g]; if (!rel.has(d)) rel.set(d, []); rel.get(d).push(g); } });
			ps.rel = (d) => rel.get(d) || [];
			const narts = new Map(); // how many of the named articles a document holds
			ps.nart = (d) => { if (!narts.has(d)) narts.set(d, p.arts.filter((x) => ps.rel(d).some((g) => x.M[g])).length); return narts.get(d); };
			ps.lists = p.leaves.map((l) => l.list).filter(Boolean);
			return ps;
		}
		// rank orders the documents of a pass that reach position k (and those before from only by
		// count): impact blocks, each list's best postings first, until no document not yet scored can
		// reach the page (its bound: its records' unread postings at the list's last impact).
		async rank(ps, req, k, from) {
			const ix = this.ix, docs = ps.docs, scored = ps.scored, exact = new Map(), dateOf = (d) => ix.docGroup(d).date;
			const byDate = (a, b) => { const x = dateOf(a), y = dateOf(b); return x === y ? 0 : x === null ? 1 : y === null ? -1 : req.sort === 'date' ? x - y : y - x; };
			// By relevance, documents whose whole title the query names, then those holding more of the
			// named articles come first (collect/rules.go docLess).
			// Within a date too (collect/rules.go docLess).
			const byRel = (a, b) => ps.titled(b) - ps.titled(a) || (ps.arts.length && ps.nart(b) - ps.nart(a));
			const byRun = req.sort ? (a, b) => byDate(a, b) || byRel(a, b) : byRel;
			const key = (a, b) => byRun(a, b) || (exact.get(b) || 0) - (exact.get(a) || 0);
			const cmp = (a, b) => key(a, b) || a - b;
			const lists = scored ? ps.lists.filter((l) => !l.all) : [];
			// Runs: the documents of one date (all by relevance), in page order; the server orders a run
			// by score, then URL. Only runs that reach the page need scores, and of each only its best.
			const idx = docs.slice(), runs = [], before = new Set();
			if (req.sort || ps.arts.length || ps.anyTitled) idx.sort((x, y) => byRun(x, y) || x - y);
			for (let i = 0, j; i < k && i < idx.length; i = j) {
				for (j = i + 1; j < idx.length && !byRun(idx[i], idx[j]);) j++;
				if (j <= from) idx.slice(i, j).forEach((d) => before.add(d)); // wholly on earlier pages: only its count matters
				else runs.push({ idx: idx.slice(i, j), m: Math.min(k, j) - i });
			}
			for (;;) {
				const sure = [], maybe = [], doubt = [];
				for (const r of scored ? runs : []) {
					const open = [], top = [];
					for (const d of r.idx) {
						if (!exact.has(d)) { const sc = docScore(ps, d); if (!sc.sure) { open.push(sc); continue; } exact.set(d, sc.v); }
						top.push(exact.get(d));
					}
					// A run wholly within the first k needs every score; of a longer one, the documents
					// that may still beat its m-th best score.
					if (r.m === r.idx.length) { open.forEach((sc) => sure.push(...sc.doubt)); continue; }
					const kth = top.length >= r.m ? top.sort((a, b) => b - a)[r.m - 1] : -Infinity, n = maybe.length;
					for (const sc of open) if (sc.v >= kth) maybe.push(...sc.doubt);
					if (maybe.length > n) doubt.push(r);
				}
				if (!sure.length && !maybe.length) break;
				const unknown = (l, gids) => l.all ? [] : gids.filter((g) => l.has(g) && !l.known.has(g)), details = (gids) => all(lists, (l) => l.detail(unknown(l, gids)));
				const reads = [details(sure)]; // asked for in the same turn as the step below: they share requests
				let best = null, most = 0;
				for (const l of lists) { const n = unknown(l, maybe).length; if (n > most) { most = n; best = l; } }
				if (maybe.length && !best) throw new Error('scoring stalled');
				// The details of every record in doubt settle the page in one round (the m-th score only
				// rises): read them once they cost less than twice the impact blocks likely to settle it.
				const more = best && best.next < best.blocks.length;
				if (more && lists.reduce((n, l) => n + l.cost(unknown(l, maybe)), 0) > DETAIL * best.settle(doubt.map((r) => [r.m, r.idx.filter((d) => ps.rel(d).some((g) => best.has(g))).length]))) reads.push(best.more());
				else if (best) reads.push(more ? details(maybe) : best.detail(unknown(best, maybe)));
				await Promise.all(reads);
			}
			const order = docs.filter((d) => exact.has(d) || !scored || before.has(d)).sort(cmp);
			order.scores = exact;
			ps.scores = exact;
			return order;
		}
		facets(docs) {
			const ix = this.ix, out = {};
			for (const name of ix.man.facets) {
				const f = ix.man.group_fields.indexOf(name), counts = new Map();
				for (const d of docs) for (const v of ix.docGroup(d).v[f]) counts.set(v, (counts.get(v) || 0) + 1);
				out[name] = Array.from(counts).sort((a, b) => b[1] - a[1] || cmpStr(a[0], b[0])).slice(0, 20).map(([value, count]) => ({ value, count }));
				if (name === 'year') out[name].sort((a, b) => cmpStr(b.value, a.value));
			}
			return out;
		}
		async meta(gids) {
			const ix = this.ix, size = ix.man.meta_chunk, chunks = [...new Set(gids.map((g) => Math.floor(g / size)))], meta = {};
			(await ix.store.objects(chunks.map((c) => ix.metas[c]))).forEach((b, k) => {
					for (let r = new Reader(b), g = chunks[k] * size; r.more(); g++) {
						const id = r.s(), url = r.s(), title = r.s(), section = url[0] === '#' ? url.slice(1, 1 + r.u()) + r.s() : r.s(); // a part's section: see static/export.go metaChunk
						const m = meta[g] = { id, url, title, section, doc_number: r.s(), runes: r.u(), blocks: [] };
						m.id = m.id || m.url;
						for (let n = r.u(), rr = 0, pp = 0, at = null; n > 0; n--) { // a block's ref: its pack and offset follow the previous block's unless the last bit says (export.go metaChunk)
							const rune = (rr += r.u()), pos = (pp += r.u()), v = at && r.u();
							at = !at ? r.ref() : v % 2 ? { l: (v - 1) / 2, p: r.u(), o: r.u() } : { p: at.p, o: at.o + at.l, l: v / 2 };
							m.blocks.push({ rune, pos, ref: at });
						}
					}
			});
			return meta;
		}
		// hits shows documents [d, pass]: the document's fields and up to three parts.
		async hits(items) {
			const ix = this.ix, picks = items.map(([d, ps]) => (ps.scored ? ps.rel(d).filter((g) => g !== ix.docRec[d]) : []));
			// Parts in order need exact scores only for the records that may be among the first three.
			for (;;) {
				const want = new Map();
				items.forEach(([, ps], i) => {
					const ks = picks[i].map((g) => partKey(ps, g)).sort(partCmp);
					picks[i] = ks.map((x) => x.g);
					for (const x of ks.slice(0, PARTS)) if (!x.sure) (want.get(ps) || want.set(ps, []).get(ps)).push(x.g);
				});
				if (!want.size) break;
				await all([...want], ([ps, gids]) => known(ps, gids));
			}
			// A snippet starts at the first match: the body postings of the records shown must be known
			// (from impact blocks at least, which tell the block of the first match).
			const heads = items.map(([d]) => ix.docGid[d]), inBody = (l) => l.spec.name === 'body';
			const [meta] = await Promise.all([this.meta([...heads, ...picks.flatMap((p) => p.slice(0, PARTS))]), // in one turn: shared requests
				all(items, ([, ps], i) => known(ps, [heads[i], ...picks[i].slice(0, PARTS)], inBody))]);
			// A part's link is stored as #anchor, its title and 文号 as its document's (static/export.go metaChunk).
			picks.forEach((p, i) => p.slice(0, PARTS).forEach((r) => { if (meta[r].url[0] === '#') meta[r].url = docURL(meta[heads[i]].url) + meta[r].url; }));
			return all(items, async ([d, ps], i) => {
				const g = heads[i], m = meta[g], grp = ix.group(g), roots = rootsOf(ps.p), parts = [], shown = new Set();
				// The document record's snippet when it matches a group (or nothing else is shown); its
				// blocks are asked for in the same turn as the parts', so they share requests.
				const own = (ix.docRec[d] >= 0 && ps.groups.some((x) => x.M[g])) || !picks[i].length;
				const [sn] = await Promise.all([own ? body(ix, m, g, roots, ps.terms) : null,
					all(picks[i].slice(0, PARTS), async (r, j) => { parts[j] = await this.part(ps, r, meta[r], roots); })]);
				const ok = parts.filter((pt) => pt && !shown.has(pt.url) && shown.add(pt.url));
				const hit = { url: docURL(m.url), title: m.title, section: ok.length ? ok[0].section : '', doc_number: m.doc_number, type: grp.v[ix.man.group_fields.indexOf('type')][0] || '', date: grp.date,
					score: ps.scored ? ps.scores.get(d) : 0, snippet: sn ? sn.html : ok[0].snippet, parts: ok.map(({ url, anchor, section, snippet }) => ({ url, anchor, section, snippet })) };
				if (ok.length && ok[0].art) hit.url = ok[0].url;
				return hit;
			});
		}
		// part is record g shown under its document: the unit an article names, or the one its first
		// match falls in (collect.HitOf).
		async part(ps, g, m, roots) {
			const art = ps.arts.find((x) => x.M[g]);
			if (art) return unitPart(this.ix, m, art.art.anchor, ps.terms);
			const sn = await body(this.ix, m, g, roots, ps.terms), pt = { url: m.url, anchor: fragment(m.url), section: m.section, snippet: sn.html };
			if (sn.parts.length && sn.first >= 0) { // the unit of the first match
				let best = sn.parts[0];
				for (const x of sn.parts) if (x.o <= sn.first) best = x;
				pt.url = docURL(m.url) + '#' + best.a; pt.anchor = best.a;
				if (best.s) pt.section = best.s;
			}
			return pt;
		}
		// bagsFound tells, for each bag term of a relaxed pass in group order, whether the term as
		// typed matches any record the filters pass (search/collect/documents.go probeBags). Its
		// candidates are checked a few at a time, most in the documents already checked.
		async bagsFound(ps, allow) {
			const ix = this.ix, out = [];
			for (const bag of ps.groups.flatMap((x) => x.bags)) {
				const r = bag.alone, leaves = [];
				(function walk(n) { if (n.term !== undefined) leaves.push(n); else kidsOf(n).forEach(walk); })(r);
				await all(leaves, async (l) => { l.list = (await ix.entry(l.term))[l.fi]; });
				const cand = list(and([allow, await candidates(ix, r)]));
				let found = false;
				for (let i = 0; i < cand.length && !found; i += 16) {
					const some = new Uint8Array(ix.N);
					cand.slice(i, i + 16).forEach((g) => { some[g] = 1; });
					await verify(ix, r, some);
					found = (await matches(ix, r)).some((v, g) => v && some[g]);
				}
				out.push(found);
			}
			return out;
		}
		// suggest: for each bag term matched nowhere as typed, the first of the first relaxed documents'
		// titles holding a word one character away from it (search/suggest.go suggestion).
		async suggest(q, ps, found, docs) {
			const ix = this.ix, meta = await this.meta(docs.map((d) => ix.docGid[d]));
			const bags = ps.groups.flatMap((x) => x.bags);
			for (let i = 0; i < bags.length; i++) {
				const w = bags[i].text;
				if (found[i] || !q.includes(w)) continue;
				for (const d of docs) {
					const near = oneEditIn([...meta[ix.docGid[d]].title], [...w]);
					if (near) return q.replace(w, () => near);
				}
			}
			return '';
		}
	}
	// nearSlots: search/plan.go nearSlots, the phrase slots of a name with one character unknown.
	function nearSlots(text) {
		const rs = [...text], out = [];
		if (rs.length > 3) rs.forEach((_, i) => {
			const sl = rs.slice(1).map((c, j) => (j === i && j + 2 === rs.length ? canonical(c) + '|' : j === i || j + 1 === i ? '' : canonical(rs[j] + c)));
			while (sl[0] === '') sl.shift();
			while (sl.at(-1) === '') sl.pop();
			if (sl.filter(Boolean).length > 1 && !out.some((o) => o.join() === sl.join())) out.push(sl);
		});
		return out;
	}
	// oneEditIn finds in title t a substring one edit from w: at each start from the left, of one
	// more than w's length, then w's, then one fewer (search/suggest.go).
	function oneEditIn(t, w) {
		const n = w.length;
		for (let i = 0; n && i < t.length; i++) for (const l of [n + 1, n, n - 1]) {
			if (l <= 0 || i + l > t.length) continue;
			const c = t.slice(i, i + l);
			if (oneEdit(c, w)) return c.join('');
		}
		return '';
	}
	function oneEdit(a, b) {
		if (a.length === b.length) return a.filter((c, i) => c !== b[i]).length === 1;
		if (Math.abs(a.length - b.length) !== 1) return false;
		const [long, short] = a.length > b.length ? [a, b] : [b, a];
		let i = 0;
		while (i < short.length && long[i] === short[i]) i++;
		for (let j = i; j < short.length; j++) if (long[j + 1] !== short[j]) return false;
		return true;
	}
	// unitPart is the part an article reference shows (search/collect/dochit.go partOf): the unit with
	// its anchor, its snippet cut from the unit's own text. The record's blocks list its units, so all
	// of them are read: an article query costs the body of the record holding the article.
	async function unitPart(ix, m, anchor, terms) {
		const units = [], seen = new Set(), rs = [...(await ix.store.objects(m.blocks.map((b) => b.ref))).map((b) => {
			const r = new Reader(b);
			blockUnits(r, (u) => { const key = u.a + '\0' + u.o; if (!seen.has(key)) { seen.add(key); units.push(u); } });
			return utf16.decode(b.subarray(r.i));
		}).join('')];
		const folding = ix.fold(rs);
		if (folding) await folding;
		const k = units.findIndex((u) => u.a === anchor), own = fragment(m.url);
		let text = rs, a = anchor, section = m.section;
		if (k >= 0) {
			text = rs.slice(units[k].o, k + 1 < units.length ? Math.max(units[k + 1].o, units[k].o) : rs.length);
			if (text[text.length - 1] === '\n') text.pop(); // without the line break that joins the next unit
			section = units[k].s || section;
		} else if (!units.length && own !== anchor) a = own;
		return { url: docURL(m.url) + '#' + a, anchor: a, section, snippet: snippet(text, terms).html || '', art: true };
	}
	// blockUnits reads the units a body block starts with: anchor and section each as the length of
	// the prefix it shares (with the previous anchor, with its anchor) and the rest (static/units.go).
	function blockUnits(r, each) {
		for (let n = r.u(), prev = ''; n > 0; n--) {
			const a = prev.slice(0, r.u()) + r.s();
			each({ a, s: a.slice(0, r.u()) + r.s(), o: r.u() });
			prev = a;
		}
	}
	async function body(ix, m, g, roots, terms) {
		if (!m.blocks.length) return { html: '', first: -1, parts: [] };
		let first = Infinity, guess = Infinity, scan = false; // guess: a bound below a match known only by its block
		const walk = (n) => {
			if (n.phrase) { if (n.fi === ix.fieldNo.body && n.first && n.first.has(g)) first = Math.min(first, n.first.get(g)); return; }
			if (n.term === undefined) return kidsOf(n).forEach(walk);
			const q = n.list && n.list.has(g) && n.list.known.get(g);
			if (q && n.fi === ix.fieldNo.body && q.fb >= 0) if (q.pos) first = Math.min(first, q.pos[0]); else guess = Math.min(guess, m.blocks[q.fb].pos + 1);
			if (q && n.fi === ix.fieldNo.chars) scan = true;
		};
		roots.forEach(walk);
		const bs = m.blocks, sure = first < guess;
		first = Math.min(first, guess);
		scan = scan && first === Infinity;
		let k = 0, lo, hi;
		while (first < Infinity && k + 1 < bs.length && bs[k + 1].pos < first) k++;
		lo = hi = k;
		// Read the neighbours the snippet (30 runes before the match, 90 after) will need in the same
		// round, placing the match in its block by its position.
		if (first < Infinity) {
			const b = bs[k], n = bs[k + 1], r = b.rune + (first - b.pos - 1) * (n ? (n.rune - b.rune) / Math.max(1, n.pos - b.pos) : 1);
			const from = Math.max(0, Math.min(r - 30, m.runes - 120));
			while (hi + 1 < bs.length && bs[hi + 1].rune < from + 120) hi++;
			while (sure && lo > 0 && bs[lo].rune > from) lo--;
		}
		for (;;) {
			const parts = [], seen = new Set(), rs = [...(await ix.store.objects(m.blocks.slice(lo, hi + 1).map((b) => b.ref))).map((b) => {
				const r = new Reader(b);
				blockUnits(r, (pt) => { const key = pt.a + '\0' + pt.o; if (!seen.has(key)) { seen.add(key); parts.push(pt); } });
				return utf16.decode(b.subarray(r.i));
			}).join('')], at = m.blocks[lo].rune;
			const folding = ix.fold(rs);
			if (folding) await folding;
			if (scan && !spans(rs, terms).length) { k = lo = hi = k + 1 < m.blocks.length ? k + 1 : 0; scan = k > 0; continue; }
			scan = false;
			const sn = snippet(rs, terms, at, m.runes, m.blocks[k].rune - at), l0 = lo, h0 = hi;
			if (!sn.need) return { ...sn, parts };
			if (sn.need[0] < at && lo > 0) lo--;
			if (sn.need[1] > at + rs.length && hi + 1 < m.blocks.length) hi++;
			if (lo === l0 && hi === h0) return { html: '', first: -1, parts: [] };
		}
	}

	// ---- platform: the unified search of a platform's portal (search/multi/multi.go) ----
	// Its engine is generator/platform/assets/platform.js, which the portal's search page loads
	// first (GongkaiPlatform); it merges what this engine answers for each site.
	const SITE = 'site';
	const platform = (url, get) => root.GongkaiPlatform({ request, trimSpace, fail, parseQuery, ranked, relaxQuery, all, cmpStr, utf8, Index, Engine, oneEditIn, MAX_PAGE, MAX_TERMS, RELAX_BELOW, SUGGEST_FROM, SITE }).open(url, get);

	// ---- page: search/httpapi/pagedata.go, partial searchresults ----
	const qesc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()).replace(/%20/g, '+');
	const encode = (v) => '?' + Object.keys(v).sort().map((k) => v[k].map((x) => qesc(k) + '=' + qesc(x)).join('&')).filter(Boolean).join('&');
	function pageData(params, res, man, T) {
		const cur = {}, copy = () => JSON.parse(JSON.stringify(cur)), d = { active: [], sorts: [], facets: [], size: params.get('size') };
		for (const k of ['q', 'from', 'to', 'sort', 'size', ...FILTERS, SITE]) for (const v of params.getAll(k)) if (trimSpace(v)) (cur[k] = cur[k] || []).push(v);
		const link = (name, value, count) => {
			const v = copy(), active = (cur[name] || []).includes(value);
			if (active) { v[name] = v[name].filter((x) => x !== value); if (!v[name].length) delete v[name]; } else (v[name] = v[name] || []).push(value);
			return { label: (name === 'type' && (T['type_' + value] || man.type_labels[value])) || (name === SITE && (man.site_labels || {})[value]) || value, count, href: encode(v), active };
		};
		for (const [value, label] of [['', T.sort_relevance], ['-date', T.sort_newest], ['date', T.sort_oldest]]) {
			const v = copy(); delete v.sort; if (value) v.sort = [value];
			d.sorts.push({ label, href: encode(v), active: (cur.sort || [''])[0] === value });
		}
		for (const n of [SITE, ...FILTERS]) for (const v of cur[n] || []) d.active.push(link(n, v, 0));
		if (!res) return d;
		for (const name of man.facets) {
			const vals = (res.facets[name] || []).map((f) => link(name, f.value, f.count));
			for (const v of cur[name] || []) if (!(res.facets[name] || []).some((f) => f.value === v)) vals.push(link(name, v, 0));
			if (vals.length) d.facets.push({ label: T['facet_' + name] || man.facet_labels[name] || name, values: vals });
		}
		const page = (n) => { const v = copy(); if (n > 1) v.page = [String(n)]; return encode(v); };
		if (res.suggest) { const v = copy(); v.q = [res.suggest]; d.suggest = encode(v); } // the same filters
		if (res.page > 1 && res.pages > 1) d.prev = page(Math.min(res.page - 1, res.pages));
		if (res.page < res.pages) d.next = page(res.page + 1);
		return d;
	}
	const fmtDate = (t, en) => { const d = new Date(t * 1000); return en ? d.toISOString().slice(0, 10) : `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`; };
	const fmt = (s, ...args) => s.replace(/%[sd]/g, () => args.shift());
	function render(q, res, err, d, man, T) {
		const a = (href, text, attr = '') => `<a href="${esc(href)}"${attr}>${text}</a>`;
		let h = err ? `<p class="banner" role="alert">${esc(err)}</p>` : '';
		if (res) h += `<p class="lede" role="status">${esc(fmt(T.search_status, q, res.total))}${res.pages > 1 ? esc(fmt(T.search_page, res.page, res.pages)) : ''}</p>`;
		if (d.active.length) h += `<p>${esc(T.search_selected)}${d.active.map((x) => a(x.href, esc(x.label) + ' ✕') + ' ').join('')}</p>`;
		h += `<p class="facets">${esc(T.search_sort)}${d.sorts.map((s) => (s.active ? `<strong>${esc(s.label)}</strong>` : a(s.href, esc(s.label))) + ' ').join('')}</p>`;
		if (d.facets.length) h += `<details class="toc noprint"><summary>${esc(T.search_filter)}</summary>${d.facets.map((f) => `<h3>${esc(f.label)}</h3><ul class="facets">${f.values.map((v) => {
			const l = a(v.href, esc(v.label) + (v.active ? ' ✕' : ''));
			return `<li>${v.active ? `<strong>${l}</strong>` : l} (${v.count})</li>`;
		}).join('')}</ul>`).join('')}</details>`;
		if (res && res.suggest) h += `<p class="suggest">${esc(T.search_suggest)}${a(d.suggest, esc(res.suggest))}</p>`;
		if (res) { // partials/searchresults.html "searchhit"
			const hit = (x) => { const ps = x.parts || []; return `<li class="hit">${a(encodeURI(x.url), esc(x.title), ' class="t"')}${!ps.length && x.section ? ` <span class="m">${esc(x.section)}</span>` : ''}
<span class="m">${x.site && (man.site_labels || {})[x.site] ? `<span class="site">${esc(man.site_labels[x.site])}</span> · ` : ''}${x.doc_number ? esc(x.doc_number) + ' · ' : ''}${esc(T['type_' + x.type] || man.type_labels[x.type] || x.type)}${x.date != null ? ' · ' + fmtDate(x.date, T.lang === 'en') : ''}</span>
${!ps.length || x.snippet !== ps[0].snippet ? `<p class="s">${x.snippet}</p>` : ''}${ps.length ? `
<ul class="parts">${ps.map((pt) => `<li>${a(encodeURI(pt.url), esc(pt.section || pt.anchor))} <span class="s">${pt.snippet}</span></li>`).join('')}</ul>` : ''}</li>`; };
			// Relaxed hits (SPEC14 §4) follow the exact ones under their own heading.
			const size = Math.min(+d.size || 10, MAX_PAGE), at = res.relaxed ? Math.max(0, res.exact - (res.page - 1) * size) : Infinity;
			const lists = at < res.hits.length ? [res.hits.slice(0, at), res.hits.slice(at)] : [res.hits];
			h += !res.hits.length ? `<p>${esc(T.no_results)}</p>` : lists.map((l, i) => (i ? `<p class="relaxed" role="note">${esc(T.search_relaxed)}</p>` : '') + (l.length ? `<ol class="list">${l.map(hit).join('')}</ol>` : '')).join('');
		}
		if (d.prev || d.next) h += `<nav class="pager" aria-label="pagination">${d.prev ? a(d.prev, '← ' + esc(T.prev), ' rel="prev"') : '<span></span>'}${d.next ? a(d.next, esc(T.next) + ' →', ' rel="next"') : ''}</nav>`;
		return h;
	}

	const script = root.document && root.document.currentScript;
	function start() {
		const doc = root.document, form = doc.querySelector('form.searchform'), main = doc.querySelector('main');
		let box = doc.getElementById('results');
		if (!form || !main || (box && box.hasAttribute('data-server'))) return;
		if (!box) {
			if (main.querySelector('.hit,[role=status],.banner')) return;
			box = doc.createElement('div'); box.id = 'results';
			while (form.nextSibling) box.appendChild(form.nextSibling);
			form.parentNode.appendChild(box);
		}
		// The script is <site>/js/search.js; the export is <site>/_search/static/.
		const site = script && script.src ? new URL('..', script.src).pathname : '/', hint = box.innerHTML, ds = box.dataset;
		performance.setResourceTimingBufferSize(1e4);
		// UI strings come from the page (the theme's i18n, data-t); these zh-CN ones serve a theme without them.
		const T = { search_status: '“%s”：%d 条结果', search_page: '，第 %d 页 / %d', no_results: '没有找到相关结果。', prev: '上一页', next: '下一页', search_selected: '已选：', search_sort: '排序：',
			search_filter: '筛选', search_relaxed: '没有完全匹配的结果，以下是相近结果', search_suggest: '您是不是要找：', sort_relevance: '按相关度', sort_newest: '最新在前', sort_oldest: '最早在前', search_busy: '正在检索…', search_error: '检索出错：' };
		try { Object.assign(T, JSON.parse(script.dataset.t)); } catch (e) {}
		let engine = null, api = ds.api || site + 'api/search';
		// A platform's site lives under its path (/xian/), its index records paths inside the site
		// (/policies/a/): the static engine's links get the path, as the server's do.
		const base = script.dataset.platform ? '' : site.slice(0, -1), under = (u) => (base && u[0] === '/' && u[1] !== '/' ? base + u : u);
		const inSite = (r) => (base ? { ...r, hits: r.hits.map((h) => ({ ...h, url: under(h.url), parts: (h.parts || []).map((p) => ({ ...p, url: under(p.url) })) })) } : r);
		const fallback = { facets: FILTERS.slice(0, 8), type_labels: {}, facet_labels: {} };
		const run = async () => {
			const params = new URLSearchParams(root.location.search), q = params.get('q') || '', t0 = performance.now(), seen = performance.getEntriesByType('resource').length;
			form.q.value = q;
			if (!trimSpace(q) && !['from', 'to', ...FILTERS].some((k) => params.getAll(k).some(trimSpace))) return (box.innerHTML = hint);
			box.innerHTML = `<p class="lede" role="status" aria-busy="true">${esc(T.search_busy)}</p>`;
			const show = (res, err) => {
				let man = engine ? engine.ix.man : fallback;
				if (res && res.labels && res.labels[SITE]) man = { ...man, facets: [SITE, ...man.facets.filter((f) => f !== SITE)], site_labels: res.labels[SITE] }; // a unified search's answer
				box.innerHTML = render(q, res, err, pageData(params, res, man, T), man, T);
				const bytes = performance.getEntriesByType('resource').slice(seen).reduce((n, e) => n + (e.transferSize || 0), 0);
				root.GongkaiSearch.last = { query: q, bytes, ms: performance.now() - t0, total: res ? res.total : -1, exact: res ? res.exact : -1 };
			};
			try {
				let res = null;
				if (api) { // only a gongkai server answers
					const r = await fetch(api + root.location.search).catch(() => null), j = r && /json/.test(r.headers.get('Content-Type')) && (await r.json());
					if (j && j.error) fail(j.error);
					if (j) res = { ...j, hits: j.hits.map((x) => ({ ...x, date: x.date ? Date.parse(x.date) / 1000 : null })) }; else api = '';
				}
				engine = engine || (!res && (script.dataset.platform ? await platform(script.dataset.platform) : new Engine(await Index.open(ds.static || site + '_search/static/'))));
				show(res || inSite(await engine.search(params)), '');
			} catch (e) { show(null, e instanceof QueryError ? e.message : T.search_error + (e && e.message || e)); }
		};
		const go = (search) => { root.history.pushState(null, '', search); run(); };
		form.addEventListener('submit', (ev) => { ev.preventDefault(); go('?q=' + qesc(form.q.value)); });
		box.addEventListener('click', (ev) => {
			const h = ev.target.closest('a') && ev.target.closest('a').getAttribute('href');
			if (h && h[0] === '?' && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey) { ev.preventDefault(); go(h); }
		});
		root.addEventListener('popstate', run);
		root.GongkaiSearch.ready = run();
	}

	root.GongkaiSearch = { parseQuery, relaxQuery, QueryError, baseTokens, splitUnits, canonical, titleKey, nearSlots, normalizeDocNumber, useFold, Index, Engine, platform };
	if (root.document) root.document.readyState === 'loading' ? root.document.addEventListener('DOMContentLoaded', start) : start();
})(typeof window !== 'undefined' ? window : globalThis);
