package cite

import (
	"strings"
	"unicode"
)

// TitleKey normalises a title for matching: full-width letters, digits and brackets folded to
// half-width, ASCII lowercased, spaces, quotation marks and inner title marks dropped, and the
// separators between joint issuers removed, so that 《中共中央、国务院关于…》,
// 《中共中央 国务院关于…》 and 《中共中央国务院关于…》 match.
func TitleKey(title string) string {
	var b strings.Builder
	for _, r := range title {
		r = foldWidth(r)
		if isBlank(r) || strings.ContainsRune(titleMarks, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	key := b.String()
	if i := strings.Index(key, "关于"); i > 0 {
		key = issuerSeparators.Replace(key[:i]) + key[i:]
	}
	return key
}

const titleMarks = "“”‘’\"'「」『』《》〈〉"

var issuerSeparators = strings.NewReplacer("、", "", ",", "", "，", "", "；", "", ";", "")

// foldWidth maps full-width ASCII (Ａ, １, （) to half-width; the full-width space becomes a space.
func foldWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == '\u3000':
		return ' '
	}
	return r
}
