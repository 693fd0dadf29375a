package analysis

import (
	"strings"
	"unicode"
)

// TitleKey is the form in which a document's title and a query's name are
// compared whole (the title_key field, SPEC14-notes 2026-12-08): Canonical,
// without spaces, without trailing brackets that date or qualify a version
// (（2018年修正）, (2018-12-29), （试行）), without book-title marks, without a
// leading 中华人民共和国. 中华人民共和国食品安全法（2021年修正） and 《食品安全法》
// both give 食品安全法; 北京市食品安全条例 and 最高人民法院关于适用《行政诉讼法》的解释
// keep their own keys, so 食品安全法 and 行政诉讼法 name only the laws. "" when
// fewer than two characters are left. search.js titleKey is its twin.
func TitleKey(s string) string {
	rs := make([]rune, 0, len(s))
	for _, r := range Canonical(s) {
		// the spaces of JavaScript's \s, which search.js drops
		if unicode.IsSpace(r) && r != '\u0085' || r == '\ufeff' || r == '《' || r == '》' || r == '〈' || r == '〉' {
			continue
		}
		rs = append(rs, r)
	}
	for {
		open := versionBracket(rs)
		if open < 0 {
			break
		}
		rs = rs[:open]
	}
	k := strings.TrimPrefix(string(rs), titleKeyPrefix)
	if k == "" {
		k = string(rs)
	}
	if len([]rune(k)) < 2 {
		return ""
	}
	return k
}

const titleKeyPrefix = "中华人民共和国"

// versionWords mark a trailing bracket as a version's, not a part of the
// name: 解释（一） keeps its （一）.
var versionWords = []string{"修正", "修订", "修改", "试行", "草案"}

// versionBracket is where the bracket that ends rs opens, when it holds a
// digit or a version word; -1 otherwise.
func versionBracket(rs []rune) int {
	n := len(rs)
	if n == 0 || rs[n-1] != ')' && rs[n-1] != '）' {
		return -1
	}
	for i := n - 2; i >= 0; i-- {
		if rs[i] == '(' || rs[i] == '（' {
			inner := string(rs[i+1 : n-1])
			if strings.IndexFunc(inner, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 {
				return i
			}
			for _, w := range versionWords {
				if strings.Contains(inner, w) {
					return i
				}
			}
			return -1
		}
		if rs[i] == ')' || rs[i] == '）' {
			return -1
		}
	}
	return -1
}
