// Package abbrev finds the short names a site's texts define for themselves
// (……（以下简称“网安法”）) and turns them into search synonym groups, so that
// the short name finds the long one everywhere on the site.
package abbrev

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pair is one definition: Short stands for Long.
type Pair struct{ Short, Long string }

// Limits of a definition. A long name beyond maxLong runes is a clause, not
// a name; a short name beyond maxShort is not an abbreviation.
const (
	maxShort = 16
	maxLong  = 40
	// maxDigits keeps numbers out of the forms: a name rarely needs more,
	// and the forms are published in the search manifest.
	maxDigits = 4
)

// markers open the parenthesis of a definition, longest first.
var markers = []string{"以下简称", "以下称", "下称", "简称"}

// selfRefs are short names that point back at the text itself or at a
// place or party by role; they mean something different in every text.
var selfRefs = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`本法 本条例 本办法 本规定 本细则 本决定 本规则 本规划 本准则 本标准
		本意见 本通知 本方案 本制度 本解释 本章程 本纲要 本守则 本指引 本目录 本清单 本条 本款 本项
		本章 本节 本编 本协议 本合同 本公约 本条约 本议定书 本市 本省 本区 本县 本镇 本乡 本村 本州
		本自治区 本自治州 本自治县 本行政区域 本单位 本机关 本院 本会 本公司 本企业 本行 本所 本中心
		甲方 乙方 丙方 双方 各方 一方 对方 原告 被告 上诉人 被上诉人 申请人 被申请人 当事人`) {
		selfRefs[s] = true
	}
}

// functionWords end the run of text a long name is taken from: what stands
// before them belongs to the sentence (为了规范…, …应当组织…), not to the name.
// Words that occur inside names (和, 与, 的, 及) are not among them.
var functionWords = []string{
	"为了", "是", "所称", "所指", "包括", "适用于", "根据", "依照", "按照", "依据", "应当", "可以",
	"负责", "结合", "设立", "设置", "成立", "组建", "建立",
}

// clauseWords mark a run of text as a clause, a description rather than a
// name: 申请自然资源主管部门或者乡镇人民政府组织拆除（以下简称申请拆除）.
var clauseWords = []string{"或者", "以外", "规定", "本条例", "本法", "本办法"}

func clause(s string) bool {
	for _, w := range clauseWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Find returns the definitions in text, in order. It never fails: text that
// is not a definition is skipped.
func Find(text string) []Pair {
	var out []Pair
	// Every marker ends in 称: finding it first is what keeps a site's
	// whole text cheap to scan.
	for from := 0; ; {
		k := strings.Index(text[from:], "称")
		if k < 0 {
			return out
		}
		end := from + k + len("称")
		from = end
		for _, m := range markers {
			if !strings.HasSuffix(text[:end], m) {
				continue
			}
			before := strings.TrimRight(text[:end-len(m)], " \u3000")
			for _, paren := range []string{"（", "("} {
				if strings.HasSuffix(before, paren) {
					if p, ok := definition(before[:len(before)-len(paren)], text[end:]); ok {
						out = append(out, p)
					}
				}
			}
			break
		}
	}
}

// definition reads a definition whose parenthesis opens between before and
// the marker, after is what follows the marker.
func definition(before, after string) (Pair, bool) {
	short, ok := shortName(after)
	if !ok {
		return Pair{}, false
	}
	long, ok := longName(before, short)
	if !ok || !accept(short, long) {
		return Pair{}, false
	}
	return Pair{Short: short, Long: long}, true
}

// shortName reads “X”） (or X）, 为X）, with the other quotes and
// parentheses) at the start of s.
func shortName(s string) (string, bool) {
	s = strings.TrimPrefix(s, "为")
	s = strings.TrimLeft(s, " \u3000：:")
	closeQuote := rune(-1)
	if r, size := utf8.DecodeRuneInString(s); strings.ContainsRune(`“「『《"'‘`, r) {
		closeQuote = map[rune]rune{'“': '”', '「': '」', '『': '』', '《': '》', '"': '"', '\'': '\'', '‘': '’'}[r]
		s = s[size:]
	}
	end := 0
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !plain(r) {
			break
		}
		end += size
	}
	name, rest := s[:end], s[end:]
	if closeQuote >= 0 {
		r, size := utf8.DecodeRuneInString(rest)
		if r != closeQuote {
			return "", false
		}
		rest = rest[size:]
	}
	rest = strings.TrimLeft(rest, " \u3000")
	for _, sameBelow := range []string{"，下同", ",下同"} { // （简称海洋行政主管部门，下同）
		rest = strings.TrimPrefix(rest, sameBelow)
	}
	if !strings.HasPrefix(rest, "）") && !strings.HasPrefix(rest, ")") {
		return "", false
	}
	return name, name != ""
}

// longName finds the name that short abbreviates right before the
// parenthesis: the 《title》 it follows, else the run of name characters
// back to a delimiter or a function word, starting at the last place from
// which short's characters still follow in order. The last place, not the
// first: what stands before it is more often the sentence than the name
// (教学活动期间发生的中小学生人身伤害或者死亡事故（以下简称学生伤害事故）).
func longName(before, short string) (string, bool) {
	before = strings.TrimRight(before, " \u3000")
	if strings.HasSuffix(before, "》") {
		open := strings.LastIndex(before, "《")
		if open < 0 {
			return "", false
		}
		title := before[open+len("《") : len(before)-len("》")]
		for _, r := range title {
			if !plain(r) {
				return "", false
			}
		}
		return title, true
	}
	start, n := len(before), 0
	for start > 0 && n < maxLong {
		r, size := utf8.DecodeLastRuneInString(before[:start])
		if !plain(r) {
			break
		}
		start -= size
		n++
	}
	run := before[start:]
	// Cut after the last function word.
	for _, w := range functionWords {
		if k := strings.LastIndex(run, w); k >= 0 {
			run = run[k+len(w):]
		}
	}
	first, _ := utf8.DecodeRuneInString(short)
	for i := len(run); i > 0; {
		r, size := utf8.DecodeLastRuneInString(run[:i])
		i -= size
		if r == first && inOrder(short, run[i:]) {
			return run[i:], !clause(run[i:])
		}
	}
	return "", false
}

// accept keeps the pairs that can stand as synonyms site-wide.
func accept(short, long string) bool {
	ns, nl := utf8.RuneCountInString(short), utf8.RuneCountInString(long)
	switch {
	case ns < 2 || ns > maxShort || nl <= ns || nl > maxLong:
		return false
	case selfRefs[short] || strings.HasPrefix(short, "本"):
		return false
	// 某 marks a name withheld in a published case: each case's 某公司 is
	// another party.
	case strings.Contains(short, "某") || strings.Contains(long, "某"):
		return false
	case !inOrder(short, long):
		return false
	// A short name inside its long one already finds it as a substring;
	// as a synonym it would only make the long name also find every other
	// use of the short one (深圳经济特区 finding every 特区).
	case strings.Contains(long, short):
		return false
	case digits(short) > maxDigits || digits(long) > maxDigits:
		return false
	case !hasHan(short) || !hasHan(long):
		return false
	}
	return true
}

// inOrder reports whether the runes of short occur in s in order.
func inOrder(short, s string) bool {
	for _, r := range short {
		k := strings.IndexRune(s, r)
		if k < 0 {
			return false
		}
		s = s[k+utf8.RuneLen(r):]
	}
	return true
}

// plain is what a name is made of: Han characters, ASCII letters and digits.
func plain(r rune) bool {
	return unicode.Is(unicode.Han, r) || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func digits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
