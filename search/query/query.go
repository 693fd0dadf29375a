package query

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/search/analysis"
)

// Limits on what one query may ask for; beyond them ParseQuery returns an
// *Error rather than spending seconds on it.
const (
	MaxRunes = 256 // characters
	MaxTerms = 32  // words, phrases and article references, excluded ones included
)

// Query is a parsed query: every group must match, no excluded term may.
// Articles are the references to numbered units (第三条) found in it, in
// order and without repeats: they are required when the query has no
// groups, else they only rank the documents that hold them first.
type Query struct {
	Groups   []Group
	Excluded []Term
	Articles []Article

	articleAt []int      // for String: how many groups came before each article
	syn       [][]string // the synonym groups the terms were expanded with, for Relaxed
}

// Group is a disjunction: any of its terms may match ("低保 OR 特困").
type Group struct {
	Terms []Term
}

// Term is one word or quoted phrase. It matches as an exact substring
// (punctuation aside) in the title, section, body or 文号 of a record.
type Term struct {
	Text         string   // as typed, widths folded
	Quoted       bool     // written in quotes
	Alternatives []string // normalised forms that may match: Text first, then synonym expansions
	DocKey       string   // NormalizeDocNumber(Text), when the term is a 文号
	Bag          bool     // relaxed queries only: a Han run matched by most of its bigrams (Relaxed)
}

// ParseQuery parses a user query. Words separated by spaces must all match;
// "quotes" keep spaces inside one phrase; a leading - excludes a word;
// OR or | between words makes them alternatives. Full-width characters are
// folded, Chinese quotes “”「」 work as quotes, single Han characters
// separated by spaces are joined (a name padded as "刘  智"), and each term
// is expanded with the synonym groups syn. References to numbered units
// (第十三条, 第13条, 13条, 第一章第二节, 附件1) typed outside quotes become
// Articles, also inside a word: 组织法第3条 is the word 组织法 and the article
// 第三条. A reference written in quotes, excluded, or joined by OR stays
// plain text.
func ParseQuery(q string, syn [][]string) (Query, error) {
	if n := utf8.RuneCountInString(q); n > MaxRunes {
		return Query{}, Errorf(q, "检索词太长（%d 个字），最多 %d 个字，请精简后再试。", n, MaxRunes)
	}
	if !utf8.ValidString(q) {
		q = strings.ToValidUTF8(q, " ")
	}
	// References are cut out before padded names are joined, so that
	// "甲 乙第3条" joins 甲乙 as String writes it back, and again after, for
	// "第 三 条".
	words := splitArticles(joinPaddedNames(splitArticles(searchable(scanWords(analysis.FoldWidth(q))))))
	out := Query{syn: syn}
	count := 0
	var group *Group
	afterOr := false
	for _, w := range words {
		if w.or {
			afterOr = group != nil
			continue
		}
		if w.art != nil {
			count++
			out.addArticle(*w.art)
			afterOr = false
			continue
		}
		t, ok := newTerm(w, syn)
		if !ok {
			afterOr = false
			continue
		}
		count++
		if w.excluded {
			out.Excluded = append(out.Excluded, t)
			afterOr = false
			continue
		}
		if afterOr && group != nil {
			group.Terms = append(group.Terms, t)
		} else {
			out.Groups = append(out.Groups, Group{Terms: []Term{t}})
		}
		group = &out.Groups[len(out.Groups)-1]
		afterOr = false
	}
	if count > MaxTerms {
		return Query{}, Errorf(q, "检索词太多（%d 个），最多 %d 个，请精简后再试。", count, MaxTerms)
	}
	if count == 0 && strings.TrimSpace(q) != "" {
		return Query{}, Errorf(q, "检索词中没有可检索的文字，请输入汉字、字母或数字。")
	}
	return out, nil
}

func (q *Query) addArticle(a Article) {
	for _, have := range q.Articles {
		if have.Anchor == a.Anchor {
			return
		}
	}
	q.Articles = append(q.Articles, a)
	q.articleAt = append(q.articleAt, len(q.Groups))
}

// Empty reports whether the query has no terms at all (browse everything).
func (q Query) Empty() bool {
	return len(q.Groups) == 0 && len(q.Excluded) == 0 && len(q.Articles) == 0
}

// Positive returns the terms that must or may match, for highlighting.
func (q Query) Positive() []Term {
	var ts []Term
	for _, g := range q.Groups {
		ts = append(ts, g.Terms...)
	}
	return ts
}

// Forms returns the alternatives of the positive terms, in order: the
// forms a snippet marks.
func (q Query) Forms() []string {
	var forms []string
	for _, t := range q.Positive() {
		forms = append(forms, t.Alternatives...)
	}
	return forms
}

// String writes the query back in canonical syntax, so that it parses to
// the same query. Articles keep their place among the groups (moved, the
// single characters of 法第3条之 would read back as the name 法之), and a
// term that would read back otherwise where the user had kept it apart (刘
// -x 智 is not the name 刘智; 第4条 after an OR that joined nothing is not a
// reference) is written in quotes.
func (q Query) String() string {
	var parts []string
	next, lastSingle := 0, false
	articlesTo := func(n int) {
		for ; next < len(q.Articles); next++ {
			at := len(q.Groups) // a Query built by hand: after the groups
			if next < len(q.articleAt) {
				at = q.articleAt[next]
			}
			if at > n {
				return
			}
			parts, lastSingle = append(parts, q.Articles[next].Text), false
		}
	}
	for i, g := range q.Groups {
		articlesTo(i)
		if len(g.Terms) == 1 {
			t := g.Terms[0]
			single := !t.Quoted && isSingleHan(t.Text)
			if !t.Quoted && (single && lastSingle || holdsReference(t.Text)) {
				t.Quoted = true
			}
			parts, lastSingle = append(parts, t.syntax()), single
			continue
		}
		var alts []string
		for _, t := range g.Terms {
			alts = append(alts, t.syntax())
		}
		parts, lastSingle = append(parts, strings.Join(alts, " OR ")), false
	}
	articlesTo(len(q.Groups))
	for _, t := range q.Excluded {
		parts = append(parts, "-"+t.syntax())
	}
	return strings.Join(parts, " ")
}

func isSingleHan(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && analysis.IsHan(r)
}

func holdsReference(s string) bool {
	for _, p := range splitReferences(s) {
		if p.art != nil {
			return true
		}
	}
	return false
}

func (t Term) syntax() string {
	if t.Quoted || strings.ContainsAny(t.Text, " \t") {
		return `"` + t.Text + `"`
	}
	return t.Text
}

// word is one lexical item of the query before terms are built.
type word struct {
	text     string
	quoted   bool
	excluded bool
	or       bool
	art      *Article // a reference cut out of a word (splitArticles)
}

func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '「', '」', '『', '』', '„', '‟':
		return true
	}
	return false
}

// scanWords splits the query into words, quoted phrases and OR operators.
// An unclosed quote runs to the end rather than failing: users forget them.
func scanWords(q string) []word {
	var words []word
	rs := []rune(q)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
			continue
		case r == '|':
			words = append(words, word{or: true})
			i++
			continue
		}
		excluded := false
		if r == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			excluded = true
			i++
			r = rs[i]
		}
		if isQuote(r) {
			j := i + 1
			for j < len(rs) && !isQuote(rs[j]) {
				j++
			}
			words = append(words, word{text: string(rs[i+1 : min(j, len(rs))]), quoted: true, excluded: excluded})
			i = j + 1
			continue
		}
		j := i
		for j < len(rs) && !unicode.IsSpace(rs[j]) && !isQuote(rs[j]) && rs[j] != '|' {
			j++
		}
		if j == i { // a lone - before | or a quote mark
			i++
			continue
		}
		text := string(rs[i:j])
		i = j
		if text == "OR" && !excluded {
			words = append(words, word{or: true})
			continue
		}
		words = append(words, word{text: text, excluded: excluded})
	}
	return words
}

// searchable drops words with nothing to search (punctuation only), so they
// neither count as terms nor keep padded names apart.
func searchable(words []word) []word {
	out := words[:0]
	for _, w := range words {
		if w.or || analysis.HasSearchable(analysis.Canonical(w.text)) {
			out = append(out, w)
		}
	}
	return out
}

// joinPaddedNames joins runs of single Han characters typed with spaces
// between them ("刘 智") into one word, as names are padded in documents;
// words next to an OR keep their meaning.
func joinPaddedNames(words []word) []word {
	single := func(i int) bool {
		w := words[i]
		if w.or || w.quoted || w.excluded || utf8.RuneCountInString(w.text) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w.text)
		return analysis.IsHan(r) && (i == 0 || !words[i-1].or) && (i+1 == len(words) || !words[i+1].or)
	}
	var out []word
	for i := 0; i < len(words); i++ {
		if single(i) && i > 0 && single(i-1) {
			out[len(out)-1].text += words[i].text
			continue
		}
		out = append(out, words[i])
	}
	return out
}

// splitArticles cuts article references out of the words that may hold
// them: not quoted, not excluded, not joined to another word by OR (in
// "第三条 OR 第四条" both stay text, as the user asked for either). The
// text around a reference becomes words of its own.
func splitArticles(words []word) []word {
	var out []word
	for i, w := range words {
		if w.or || w.art != nil || w.quoted || w.excluded || orJoined(words, i) {
			out = append(out, w)
			continue
		}
		for _, p := range splitReferences(w.text) {
			if p.art != nil {
				out = append(out, word{art: p.art})
			} else {
				out = append(out, word{text: p.text})
			}
		}
	}
	return out
}

// orJoined reports whether an OR joins word i to a word before or after it
// (a dangling OR joins nothing).
func orJoined(words []word, i int) bool {
	hasWord := func(ws []word) bool {
		for _, w := range ws {
			if !w.or {
				return true
			}
		}
		return false
	}
	return i > 0 && words[i-1].or && hasWord(words[:i-1]) || i+1 < len(words) && words[i+1].or && hasWord(words[i+2:])
}

// newTerm normalises a word and expands it; ok is false when nothing in it
// can be searched (punctuation only).
func newTerm(w word, syn [][]string) (Term, bool) {
	text := strings.TrimSpace(w.text)
	norm := analysis.Canonical(text)
	if !analysis.HasSearchable(norm) {
		return Term{}, false
	}
	return Term{
		Text:         text,
		Quoted:       w.quoted,
		Alternatives: analysis.ExpandSynonyms(norm, syn),
		DocKey:       analysis.NormalizeDocNumber(text),
	}, true
}
