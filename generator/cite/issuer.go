package cite

import (
	"strings"
	"unicode/utf8"
)

// In running text a bare 文号 follows words without a break: "严格落实达市委办发〔2021〕4号",
// "市人民政府京政发〔1985〕167号". The issuer code is what comes after the last of these words:
// verbs and particles that lead into a citation and, before a 文号 but not before a 令 (广东省人民
// 政府令, 国家发展和改革委员会令), full organ names and 和.
var (
	leadIns = []string{
		"按照", "落实", "根据", "依据", "依照", "贯彻", "执行", "参照", "对照", "遵照", "印发", "转发", "下发",
		"制定", "出台", "关于", "以及", "通过", "结合", "详见", "见", "及", "与", "或", "即", "由", "按", "据",
		"依", "是", "在", "将", "的", "了", "等", "同", "从", "把", "被", "向", "为", "并", "以下简称", "简称",
		"以", "我院", "本院", "日", "原",
	}
	organNames = []string{"人民政府", "政府", "委员会", "办公厅", "办公室", "人民法院", "人民检察院", "和"}
)

// issuerBefore returns where the issuer of a 文号 (order false) or of a 令 (order true) starts,
// given that it ends at end and nothing before min may be used. ok is false when no plausible
// issuer is there.
func issuerBefore(text string, end, min int, order bool) (start int, ok bool) {
	end = skipBlanksBack(text, end, min)
	start = end
	for start > min {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if !isHan(r) || utf8.RuneCountInString(text[start-size:end]) > 2*maxIssuerRunes {
			break
		}
		start -= size
	}
	run := text[start:end]
	if i := strings.LastIndex(run, "中华人民共和国"); order && i >= 0 {
		return start + i, true // the key drops the country: 国务院令第711号
	}
	cut := lastBoundary(run, leadIns, 0)
	if !order {
		cut = lastBoundary(run, organNames, cut)
	}
	start += cut
	n := utf8.RuneCountInString(text[start:end])
	if order {
		return start, n >= 2 && n <= maxIssuerRunes+2
	}
	return start, n >= 1 && n <= maxIssuerRunes
}

// lastBoundary is the end of the last boundary word in run, or cut if none ends later.
func lastBoundary(run string, words []string, cut int) int {
	for _, w := range words {
		i := strings.LastIndex(run, w)
		if i < 0 || i+len(w) <= cut {
			continue
		}
		if w == "和" && strings.HasSuffix(run[:i], "共") {
			continue // 共和国
		}
		cut = i + len(w)
	}
	return cut
}

func skipBlanksBack(text string, i, min int) int {
	for i > min {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !isBlank(r) {
			break
		}
		i -= size
	}
	return i
}
