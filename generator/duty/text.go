package duty

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// nameKey is the form two department names are compared in: no spaces of any width and
// full-width letters, digits and brackets folded to their half-width forms.
func nameKey(s string) string {
	s = width.Fold.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// headerKey is the form a table header cell is matched in: nameKey without Markdown emphasis,
// and without a parenthetical note such as "（列第一位的为牵头单位）".
func headerKey(s string) string {
	k := nameKey(cleanCell(s))
	k = strings.Trim(k, "*_`:")
	if i := strings.IndexAny(k, "(["); i > 0 {
		k = k[:i]
	}
	return k
}

// cleanCell turns the line breaks a Markdown table cell can hold (<br>) into newlines and trims it.
func cleanCell(s string) string {
	for _, br := range []string{"<br />", "<br/>", "<br>", "<BR>", "<BR/>"} {
		s = strings.ReplaceAll(s, br, "\n")
	}
	return strings.TrimSpace(s)
}

func isOpenBracket(r rune) bool {
	switch r {
	case '(', '（', '[', '【', '〔', '［':
		return true
	}
	return false
}

func isCloseBracket(r rune) bool {
	switch r {
	case ')', '）', ']', '】', '〕', '］':
		return true
	}
	return false
}

// splitTopLevel cuts s at every rune for which isSep is true, except inside brackets, so that
// "各县（市、区）政府" stays whole. When the brackets never close, it cuts everywhere instead:
// one stray "（" must not glue a whole list into one name.
func splitTopLevel(s string, isSep func(rune) bool) []string {
	if parts, ok := splitOutsideBrackets(s, isSep); ok {
		return parts
	}
	return strings.FieldsFunc(s, isSep)
}

func splitOutsideBrackets(s string, isSep func(rune) bool) ([]string, bool) {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case isOpenBracket(r):
			depth++
		case isCloseBracket(r):
			if depth > 0 {
				depth--
			}
		case depth == 0 && isSep(r):
			parts = append(parts, s[start:i])
			start = i + len(string(r))
		}
	}
	parts = append(parts, s[start:])
	return parts, depth == 0
}
