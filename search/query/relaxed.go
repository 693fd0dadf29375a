package query

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/search/analysis"
)

// questionWords are dropped from unquoted terms by Relaxed: people ask
// 村民委员会怎么罢免, documents say 罢免村民委员会成员. Longest first, so 多少个
// goes before 多少 and 几个 before 几. Traditional forms (怎麼) match too
// (keywordTraditional).
var questionWords = sortedLongestFirst([]string{
	"为什么", "怎么样", "怎么办", "可不可以", "能不能", "是不是", "有没有", "请问", "怎么", "怎样", "如何", "为何", "什么",
	"多少个", "多少", "哪些", "哪个", "哪里", "几个", "是否", "可以", "吗", "呢", "吧", "啊", "呀", "几",
	// with the copula or verb that leads into them (试用期工资是多少 → 试用期工资,
	// not 试用期工资是, whose 资是 no text holds), and how long
	"是多少", "是什么", "有哪些", "多久", "多长时间",
})

func sortedLongestFirst(ws []string) [][]rune {
	slices.SortStableFunc(ws, func(a, b string) int { return utf8.RuneCountInString(b) - utf8.RuneCountInString(a) })
	out := make([][]rune, len(ws))
	for i, w := range ws {
		out[i] = []rune(w)
	}
	return out
}

// minBagRunes: shorter Han runs have at most one bigram, so matching most
// of their bigrams is matching them.
const minBagRunes = 3

// Relaxed is the query of the near-miss pass: question words and particles
// are dropped from unquoted terms (a term is split where one is dropped:
// 村民委员会怎么罢免 → 村民委员会 罢免), and every unquoted term that is a Han run of
// three characters or more, punctuation at its ends aside, becomes a Bag,
// matched by most of its bigrams.
// A term split inside an OR group gives alternatives of that group. ok is
// false when nothing changed, or when no group is left. Articles and
// excluded terms are kept.
func (q Query) Relaxed() (Query, bool) {
	out := Query{Excluded: q.Excluded, Articles: q.Articles, syn: q.syn}
	changed := false
	// Articles keep their place among the groups (String).
	placeArticles := func(groupsDone int) {
		for k := len(out.articleAt); k < len(q.articleAt) && q.articleAt[k] <= groupsDone; k++ {
			out.articleAt = append(out.articleAt, len(out.Groups))
		}
	}
	placeArticles(0)
	for i, g := range q.Groups {
		var terms []Term
		for _, t := range g.Terms {
			pieces, dropped := q.withoutQuestionWords(t)
			changed = changed || dropped
			terms = append(terms, pieces...)
		}
		if len(g.Terms) == 1 && len(terms) > 1 {
			for _, t := range terms {
				out.Groups = append(out.Groups, Group{Terms: []Term{t}})
			}
		} else if len(terms) > 0 {
			out.Groups = append(out.Groups, Group{Terms: terms})
		}
		placeArticles(i + 1)
	}
	for _, g := range out.Groups {
		for j := range g.Terms {
			t := &g.Terms[j]
			if t.Quoted {
				continue
			}
			// 《村民委员会组识法》 is the Han run 村民委员会组识法 between its marks.
			if inner := strings.TrimFunc(t.Text, notSearchable); inner != t.Text && isHanRun(inner) {
				*t, _ = newTerm(word{text: inner}, q.syn)
			}
			if isHanRun(t.Text) {
				t.Bag, changed = true, true
			}
		}
	}
	if !changed || len(out.Groups) == 0 {
		return Query{}, false
	}
	return out, true
}

// withoutQuestionWords splits an unquoted term where question words are;
// dropped reports whether there were any.
func (q Query) withoutQuestionWords(t Term) (pieces []Term, dropped bool) {
	if t.Quoted {
		return []Term{t}, false
	}
	rs := []rune(t.Text)
	start := 0
	var texts []string
	for i := 0; i < len(rs); {
		n := questionWordAt(rs, i)
		if n == 0 {
			i++
			continue
		}
		texts = append(texts, string(rs[start:i]))
		i += n
		start = i
	}
	if texts == nil {
		return []Term{t}, false
	}
	texts = append(texts, string(rs[start:]))
	for _, s := range texts {
		if nt, ok := newTerm(word{text: s}, q.syn); ok {
			pieces = append(pieces, nt)
		}
	}
	return pieces, true
}

// questionWordAt is the length in runes of the question word at rs[i], or 0.
func questionWordAt(rs []rune, i int) int {
	for _, w := range questionWords {
		if len(rs)-i >= len(w) && slices.EqualFunc(rs[i:i+len(w)], w, func(r, k rune) bool { return keywordRune(r) == k }) {
			return len(w)
		}
	}
	return 0
}

// notSearchable: punctuation and symbols, neither letter nor digit.
func notSearchable(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// isHanRun: only Han characters, at least minBagRunes of them.
func isHanRun(s string) bool {
	n := 0
	for _, r := range s {
		if !analysis.IsHan(r) {
			return false
		}
		n++
	}
	return n >= minBagRunes
}
