package query

import (
	"strconv"

	"github.com/gongkai/gongkai/internal/cnnum"
	"github.com/gongkai/gongkai/search/analysis"
)

// Article is a reference to a numbered unit of a document typed in the
// query: 第十三条, 第13条, 13条, 第一章第二节, 第三条第一项, 附件2. It matches the
// records that hold the unit with that anchor (the anchors field), so that
// "村民委员会组织法 第十一条" finds article 11 of that law.
type Article struct {
	Text   string // as typed, widths folded: "第3条", "13条", "第十三条第二款"
	Anchor string // the unit's anchor as the build writes it: "第三条", "第一章-第二节", "第三条-（一）", "附件1"
}

// Ordinal units in the order they nest. Articles are numbered through a
// whole document, so their anchors stand alone; 编, 章 and 节 carry the path
// of the units they sit in (generator/structure's anchorFor).
var ordinalLevel = map[rune]int{'编': 0, '章': 1, '节': 2, '条': 3}

const articleLevel = 3

// piece is a part of a word: text between references, or a reference.
type piece struct {
	text string
	art  *Article
}

// splitReferences cuts the references out of s, a word with widths
// folded, keeping the text around them in order.
func splitReferences(s string) []piece {
	rs := []rune(s)
	keys := keywordRunes(rs)
	var out []piece
	start := 0
	for i := 0; i < len(rs); {
		anchor, end, ok := reference(keys, i)
		if !ok {
			i++
			continue
		}
		if start < i {
			out = append(out, piece{text: string(rs[start:i])})
		}
		out = append(out, piece{art: &Article{Text: string(rs[i:end]), Anchor: anchor}})
		i, start = end, end
	}
	if start < len(rs) {
		out = append(out, piece{text: string(rs[start:])})
	}
	return out
}

// reference reads a reference starting at rs[i]: 第N编/章/节/条 and what
// follows it (第三章第二节, 第三条之一第二款第（一）项), 附件N with or without an
// article of the annex, or N条 in digits.
func reference(rs []rune, i int) (anchor string, end int, ok bool) {
	switch r := rs[i]; {
	case r == '第':
		return ordinals(rs, i)
	case r == '附' && i+1 < len(rs) && rs[i+1] == '件':
		return annex(rs, i)
	case isDigit(r) && (i == 0 || !isDigit(rs[i-1]) && !isASCIILetter(rs[i-1])):
		// 13条, not 第13条 (read above) nor 2013条 or A13条 read from their middle.
		n, e, ok := numeral(rs, i)
		if !ok || e >= len(rs) || rs[e] != '条' {
			return "", 0, false
		}
		anchor, end = article(rs, e+1, ordinalLabel(n, '条'))
		return anchor, end, true
	}
	return "", 0, false
}

// ordinals reads 第N编第M章第K节 … 第N条 with its 之M, 款 and 项: a path
// from outer to inner units. An article ends the path, and its anchor
// drops the units above it.
func ordinals(rs []rune, i int) (anchor string, end int, ok bool) {
	last := -1
	for end = i; end < len(rs) && rs[end] == '第'; {
		n, e, ok := numeral(rs, end+1)
		if !ok || e >= len(rs) {
			break
		}
		level, unit := ordinalLevel[rs[e]]
		if !unit || level <= last {
			break
		}
		label := ordinalLabel(n, rs[e])
		end, last = e+1, level
		if level == articleLevel {
			anchor, end = article(rs, end, label)
			return anchor, end, true
		}
		if anchor != "" {
			anchor += "-"
		}
		anchor += label
	}
	return anchor, end, last >= 0
}

// article reads what may follow 第N条 at rs[i]: 之M of an inserted article
// (第十条之一), 第M款 and 第K项 or 第(K)项. Paragraphs (款) have no anchor, so
// the reference stays the article's; an item (项) is the article's item
// "第三条-（一）". The query is width-folded: brackets are ASCII.
func article(rs []rune, i int, anchor string) (string, int) {
	if i < len(rs) && rs[i] == '之' {
		if m, e, ok := numeral(rs, i+1); ok {
			anchor, i = anchor+"之"+cnnum.Format(m), e
		}
	}
	if _, e, ok := clause(rs, i, '款'); ok {
		i = e
	}
	if k, e, ok := clause(rs, i, '项'); ok {
		anchor, i = anchor+"-（"+cnnum.Format(k)+"）", e
	}
	return anchor, i
}

// clause reads 第N<unit> or 第(N)<unit>.
func clause(rs []rune, i int, unit rune) (int, int, bool) {
	if i >= len(rs) || rs[i] != '第' {
		return 0, 0, false
	}
	i++
	open := i < len(rs) && rs[i] == '('
	if open {
		i++
	}
	n, e, ok := numeral(rs, i)
	if !ok {
		return 0, 0, false
	}
	if open {
		if e >= len(rs) || rs[e] != ')' {
			return 0, 0, false
		}
		e++
	}
	if e >= len(rs) || rs[e] != unit {
		return 0, 0, false
	}
	return n, e + 1, true
}

// annex reads 附件N, and an article or chapter of the annex after it
// (附件1第三条 → 附件1-第三条). A Chinese numeral counts only where the
// reference ends the Han text, as in 附件三 or 附件三第二条, not in 附件一览表.
func annex(rs []rune, i int) (anchor string, end int, ok bool) {
	n, e, ok := numeral(rs, i+2)
	if !ok {
		return "", 0, false
	}
	anchor = "附件" + strconv.Itoa(n)
	if e < len(rs) && rs[e] == '第' {
		if inner, end, ok := ordinals(rs, e); ok {
			return anchor + "-" + inner, end, true
		}
	}
	if !isDigit(rs[i+2]) && e < len(rs) && analysis.IsHan(rs[e]) {
		return "", 0, false
	}
	return anchor, e, true
}

// numeral reads the longest run of numeral characters at rs[i] as one
// number between 1 and 9999, in Chinese numerals or in digits.
func numeral(rs []rune, i int) (n, end int, ok bool) {
	end = i
	for end < len(rs) && (isDigit(rs[end]) || cnnum.IsChinese(rs[end])) {
		end++
	}
	n, ok = cnnum.Parse(string(rs[i:end]))
	return n, end, ok && n > 0
}

// ordinalLabel is the anchor of unit N: 第十三条 (generator/structure's key).
func ordinalLabel(n int, unit rune) string {
	return "第" + cnnum.Format(n) + string(unit)
}

// isDigit: the query is width-folded, so digits are ASCII.
func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// keywordTraditional are the traditional forms of the characters the
// grammar of references and question words looks for (第十一條, 怎麼), so
// that a query in traditional characters reads as one in simplified ones.
// Each folds as search/analysis folds it, one rune to one rune.
var keywordTraditional = map[rune]rune{
	'條': '条', '節': '节', '編': '编', '項': '项', '兩': '两',
	'為': '为', '麼': '么', '樣': '样', '辦': '办', '沒': '没', '請': '请', '問': '问',
	'個': '个', '裡': '里', '裏': '里', '幾': '几', '嗎': '吗',
}

// keywordRune is r with keywordTraditional applied.
func keywordRune(r rune) rune {
	if k, ok := keywordTraditional[r]; ok {
		return k
	}
	return r
}

func keywordRunes(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = keywordRune(r)
	}
	return out
}
