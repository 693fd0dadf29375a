package docx

import (
	"strings"

	"github.com/gongkai/gongkai/generator/structure"
)

// header is what the header block yields: the lines it used and the metadata they carry.
type header struct {
	end       int   // index of the first block after the header block
	used      []int // blocks to drop from the body: 红头, 文号, ★, issuer line, title, date
	docNumber string
	title     string
	issuers   []string
	date      string
}

type lineKind int

const (
	lineOther lineKind = iota
	lineUsed
	lineIssuers
	lineTitle
)

// readHeader reads the paragraphs before the body starts (at most headerLimit): the 红头
// "中共昆明市委文件", the 文号, decorations such as ★, the issuer line, the title (joined when
// split over two paragraphs) and a date line "（2018年8月22日）".
func readHeader(blocks []block) header {
	var h header
	for h.end < len(blocks) && h.end < headerLimit {
		b := blocks[h.end]
		if b.table != nil || isBodyParagraph(b.text) {
			break
		}
		h.end++
	}
	lines := make([]string, h.end)
	kinds := make([]lineKind, h.end)
	var redHead []string
	for i := range lines {
		s := blocks[i].text
		lines[i] = s
		if issuers, ok := redHeadIssuers(s); ok {
			kinds[i], redHead = lineUsed, issuers
		} else if dn, ok := docNumberLine(s); ok {
			kinds[i] = lineUsed
			if h.docNumber == "" {
				h.docNumber = dn
			}
		} else if isDecoration(s) {
			kinds[i] = lineUsed
		} else if d, ok := parseDateLine(s); ok {
			kinds[i] = lineUsed
			if h.date == "" {
				h.date = d
			}
		} else if _, ok := splitIssuers(s); ok {
			kinds[i] = lineIssuers
		} else if isTitleLike(s) {
			kinds[i] = lineTitle
		}
	}

	first, last := findTitle(lines, kinds)
	if first >= 0 {
		h.title = joinParts(lines[first : last+1])
		for i := first; i <= last; i++ {
			kinds[i] = lineUsed
		}
		if first > 0 && kinds[first-1] == lineIssuers {
			h.title = lines[first-1] + h.title // GB/T 9704: 发文机关 + 关于 + 事由 + 文种
		}
		for i, s := range lines {
			if kinds[i] != lineUsed && (s == h.title || s == joinParts(lines[first:last+1])) {
				kinds[i] = lineUsed // a repeated title, as web pages print it twice
			}
		}
	}
	for i := range lines {
		if kinds[i] == lineIssuers && (first < 0 || i < first) && len(h.issuers) == 0 {
			h.issuers, _ = splitIssuers(lines[i])
			kinds[i] = lineUsed
		}
	}
	if len(h.issuers) == 0 && h.title != "" {
		if before, _, ok := strings.Cut(h.title, "关于"); ok && before != "" {
			h.issuers, _ = splitIssuers(before)
		}
	}
	if len(h.issuers) == 0 {
		h.issuers = redHead
	}
	for i, k := range kinds {
		if k == lineUsed {
			h.used = append(h.used, i)
		}
	}
	return h
}

// findTitle picks the longest title-like line and extends it over the neighbours it was split
// from: "关于印发《三建乡加强和完善城乡社区治理" + "实施方案》的通知".
func findTitle(lines []string, kinds []lineKind) (first, last int) {
	best := -1
	for i, k := range kinds {
		if k == lineTitle && (best < 0 || runeLen(lines[i]) > runeLen(lines[best])) {
			best = i
		}
	}
	if best < 0 {
		return -1, -1
	}
	joinable := func(i int) bool {
		return i >= 0 && i < len(lines) && (kinds[i] == lineOther || kinds[i] == lineTitle) && runeLen(lines[i]) <= 60
	}
	first, last = best, best
	for n := 1; n < 3 && joinable(first-1); n++ {
		prev := lines[first-1]
		if !(strings.HasPrefix(prev, "关于") || unbalanced(prev)) || genreOf(prev) != "" {
			break
		}
		first--
	}
	for last-first < 2 && joinable(last+1) {
		joined := joinParts(lines[first : last+1])
		next := lines[last+1]
		complete := genreOf(joined) != "" && !unbalanced(joined)
		if complete || !(unbalanced(joined) || genreOf(next) != "") {
			break
		}
		last++
	}
	return first, last
}

func joinParts(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		if b.Len() > 0 && needsSpace(b.String(), p) {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

// unbalanced reports an opened 《 or （ without its closer: the title goes on in the next line.
func unbalanced(s string) bool {
	return strings.Count(s, "《") > strings.Count(s, "》") || strings.Count(s, "（") > strings.Count(s, "）")
}

// isBodyParagraph reports where the header block ends: a sentence, the 主送机关 line ending in
// "：", numbered structure (一、), or a long line that is not a title.
func isBodyParagraph(s string) bool {
	if _, ok := parseDateLine(s); ok {
		return false
	}
	if _, ok := docNumberLine(s); ok {
		return false
	}
	n := runeLen(s)
	if isTitleLike(s) && n <= 100 {
		return false
	}
	if n > 60 || endsWithAny(s, "。；：:;！？!?") {
		return true
	}
	_, numbered := structure.Classify(s)
	return numbered
}

var titleWords = []string{
	"的通知", "的意见", "的决定", "的通报", "的报告", "的请示", "的批复", "的函", "的公告", "的通告",
	"意见", "方案", "规划", "办法", "细则", "规定", "条例", "说明", "纲要", "要点", "计划",
}

func isTitleLike(s string) bool {
	if runeLen(s) > 100 || endsWithAny(s, "。；;：:") {
		return false
	}
	if strings.HasPrefix(s, "关于") {
		return true
	}
	for _, w := range titleWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// isDecoration reports lines of symbols only: the ★ under the 文号, rules drawn with dashes.
func isDecoration(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isBlank(r) && !strings.ContainsRune("★☆*＊-—─━=＝_·•◆◇■□●○", r) {
			return false
		}
	}
	return true
}

// redHeadIssuers reads the 发文机关标志 "中共昆明市委文件".
func redHeadIssuers(s string) ([]string, bool) {
	name, ok := strings.CutSuffix(strings.TrimRightFunc(s, isBlank), "文件")
	if !ok || runeLen(s) > 40 {
		return nil, false
	}
	return splitIssuers(name)
}
