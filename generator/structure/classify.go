// Package structure reads the numbering Chinese documents write in plain paragraphs (第一章, 第三条,
// 一、, （二）, 3., （4）, 附件1, 专栏) and turns it into an outline with anchors that stay the same
// when text around them changes, so deep links and citations to 第三条 keep working.
package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the kind of a numbered unit.
type Kind int

// Kinds from the outermost to the innermost; Annex, Box and Heading stand beside them.
const (
	Part    Kind = iota + 1 // 第X编
	Chapter                 // 第X章
	Section                 // 第X节
	Article                 // 第X条
	Item1                   // 一、
	Item2                   // （一）
	Item3                   // 1.
	Item4                   // （1）
	Annex                   // 附件N
	Box                     // 专栏N
	Heading                 // a Markdown heading without numbering
)

var kindNames = map[Kind]string{
	Part: "编", Chapter: "章", Section: "节", Article: "条", Item1: "一、", Item2: "（一）",
	Item3: "1.", Item4: "（1）", Annex: "附件", Box: "专栏", Heading: "标题",
}

// String names the kind the way a reader knows it.
func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return "未知"
}

// Numbering is the number that starts a paragraph.
type Numbering struct {
	Kind  Kind
	N     int    // the number; 0 for an unnumbered 附件 or 专栏
	Sub   int    // 之N of an inserted article (第十七条之一), else 0
	Label string // as written: "第三条", "一、", "（一）", "附件2"
	Rest  string // the text after the label, leading separators removed
}

// Classify reports the numbering a paragraph starts with. Sentences that merely start with a
// number (2020年…, 3.5亿元…, 18周岁…) or with a word containing a numeral (一是…, 一律…, 一、二级…)
// are not numbering.
func Classify(paragraph string) (Numbering, bool) {
	s := trimLeading(paragraph)
	if s == "" {
		return Numbering{}, false
	}
	for _, classify := range classifiers {
		if n, ok := classify(s); ok {
			n.Rest = strings.TrimRightFunc(n.Rest, isBlank)
			return n, true
		}
	}
	return Numbering{}, false
}

var classifiers = []func(string) (Numbering, bool){
	classifyOrdinal, classifyChineseItem, classifyParenItem, classifyArabicItem, classifyAnnex, classifyBox,
}

// Words that, right after "第三条" with no space, show a sentence about the article rather than
// the article itself: "第三条规定的…", "第七节相应改为…", "第一条件…".
var ordinalProse = []string{
	"的", "规定", "相应", "至", "到", "和", "及", "与", "或", "中", "所", "第", "款", "项", "件",
	"修改", "改为", "删去", "删除", "增加", "以", "之后", "之前", "后", "前", "内", "外", "是",
}

var ordinalKinds = map[rune]Kind{'编': Part, '章': Chapter, '节': Section, '条': Article}

func classifyOrdinal(s string) (Numbering, bool) {
	rest, ok := strings.CutPrefix(s, "第")
	if !ok {
		return Numbering{}, false
	}
	numeral, rest := takeWhile(rest, func(r rune) bool { _, d := arabicDigit(r); return d || isChineseNumeral(r) })
	n, ok := ParseNumeral(numeral)
	if !ok {
		return Numbering{}, false
	}
	r, size := utf8.DecodeRuneInString(rest)
	kind, ok := ordinalKinds[r]
	if !ok {
		return Numbering{}, false
	}
	rest = rest[size:]
	sub := 0
	if kind == Article {
		if after, ok := strings.CutPrefix(rest, "之"); ok {
			subNumeral, after := takeWhile(after, isChineseNumeral)
			if v, ok := parseChinese(subNumeral); ok {
				sub, rest = v, after
			}
		}
	}
	label := s[:len(s)-len(rest)]
	first, _ := utf8.DecodeRuneInString(rest)
	switch {
	case rest == "", isBlank(first), first == '：', first == ':', strings.ContainsRune("【〔[（(", first):
		// "第一条【立法目的】…" titles an article in brackets.
	case unicode.IsPunct(first) || hasAnyPrefix(rest, ordinalProse):
		return Numbering{}, false
	}
	return Numbering{Kind: kind, N: n, Sub: sub, Label: label, Rest: trimSeparators(rest)}, true
}

// Measure words after "一、二" that show a list of numerals (一、二级医院), not an item.
const numeralListMeasures = "、级等类档线星批期次产轮季号"

func classifyChineseItem(s string) (Numbering, bool) {
	numeral, rest := takeWhile(s, isChineseNumeral)
	n, ok := parseChinese(numeral)
	if !ok || n > 99 {
		return Numbering{}, false
	}
	rest, ok = strings.CutPrefix(rest, "、")
	if !ok {
		return Numbering{}, false
	}
	if next, after := takeWhile(rest, isChineseNumeral); next != "" {
		if r, _ := utf8.DecodeRuneInString(after); after != "" && strings.ContainsRune(numeralListMeasures, r) {
			return Numbering{}, false
		}
	}
	return Numbering{Kind: Item1, N: n, Label: s[:len(s)-len(rest)], Rest: trimSeparators(rest)}, true
}

func classifyParenItem(s string) (Numbering, bool) {
	r, size := utf8.DecodeRuneInString(s)
	if r != '（' && r != '(' {
		return Numbering{}, false
	}
	inner, rest := takeWhile(s[size:], func(r rune) bool { _, d := arabicDigit(r); return d || isChineseNumeral(r) })
	r, size = utf8.DecodeRuneInString(rest)
	if r != '）' && r != ')' {
		return Numbering{}, false
	}
	rest = rest[size:]
	label := s[:len(s)-len(rest)]
	if n, ok := parseChinese(inner); ok && n <= 99 {
		return Numbering{Kind: Item2, N: n, Label: label, Rest: trimSeparators(rest)}, true
	}
	if n, ok := parseArabic(inner, 3); ok && n > 0 {
		return Numbering{Kind: Item4, N: n, Label: label, Rest: trimSeparators(rest)}, true
	}
	return Numbering{}, false
}

func classifyArabicItem(s string) (Numbering, bool) {
	digits, rest := takeWhile(s, func(r rune) bool { _, ok := arabicDigit(r); return ok })
	n, ok := parseArabic(digits, 3)
	if !ok || n == 0 {
		return Numbering{}, false
	}
	r, size := utf8.DecodeRuneInString(rest)
	if r != '.' && r != '．' && r != '、' {
		return Numbering{}, false
	}
	rest = rest[size:]
	if next, after := takeWhile(rest, func(r rune) bool { _, ok := arabicDigit(r); return ok }); next != "" {
		// "3.5亿元" is a decimal and "1、2号楼" a list, but "1.2021年，探索…" is item 1 about a year.
		if utf8.RuneCountInString(next) != 4 || !strings.HasPrefix(after, "年") {
			return Numbering{}, false
		}
	}
	return Numbering{Kind: Item3, N: n, Label: s[:len(s)-len(rest)], Rest: trimSeparators(rest)}, true
}

func classifyAnnex(s string) (Numbering, bool) {
	n, ok := classifyNamed(s, "附件", Annex)
	if !ok {
		return Numbering{}, false
	}
	// "附件1：《…》" and "附件：1.…" list the annexes in the body; the annex itself starts later.
	if strings.HasPrefix(n.Rest, "《") {
		return Numbering{}, false
	}
	if _, ok := classifyArabicItem(n.Rest); ok {
		return Numbering{}, false
	}
	return n, true
}

func classifyBox(s string) (Numbering, bool) {
	return classifyNamed(s, "专栏", Box)
}

// classifyNamed reads "附件", "附件2：title", "专栏3 title": the name, an optional number, then a
// separator or the end. A title that reads like a sentence is prose ("附件材料要齐全。").
func classifyNamed(s, name string, kind Kind) (Numbering, bool) {
	rest, ok := strings.CutPrefix(s, name)
	if !ok {
		return Numbering{}, false
	}
	numeral, rest := takeWhile(rest, func(r rune) bool { _, d := arabicDigit(r); return d || isChineseNumeral(r) })
	n := 0
	if numeral != "" {
		if n, ok = ParseNumeral(numeral); !ok {
			return Numbering{}, false
		}
	}
	label := s[:len(s)-len(rest)]
	first, _ := utf8.DecodeRuneInString(rest)
	if rest != "" && !isBlank(first) && first != '：' && first != ':' {
		return Numbering{}, false
	}
	rest = trimSeparators(rest)
	if strings.Contains(rest, "。") || utf8.RuneCountInString(rest) > 50 {
		return Numbering{}, false
	}
	return Numbering{Kind: kind, N: n, Label: label, Rest: rest}, true
}

func takeWhile(s string, keep func(rune) bool) (taken, rest string) {
	for i, r := range s {
		if !keep(r) {
			return s[:i], s[i:]
		}
	}
	return s, ""
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// isBlank covers the full-width space U+3000 and the no-break and zero-width spaces that
// converted documents carry.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\ufeff' || r == '\u200b'
}

func trimLeading(s string) string { return strings.TrimLeftFunc(s, isBlank) }

func trimSeparators(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool { return isBlank(r) || r == '：' || r == ':' })
}
