// Package csvsafe keeps the CSV files the site publishes from running code in a spreadsheet. A
// cell that starts with = + - @ (or their full-width forms, which Chinese input methods type), a
// tab or a carriage return is read by Excel and WPS as a formula: =HYPERLINK(…) in a department
// name becomes a link to anywhere, and DDE formulas can start programs. Such a cell gets a
// leading apostrophe, which spreadsheets hide and treat as "this is text", as /search.csv does.
package csvsafe

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// triggers are the first characters that make a spreadsheet evaluate a cell.
const triggers = "=+-@\t\r＝＋－＠"

// plainNumber is a number a spreadsheet reads as a number, not as a formula: -12 or +3.5 are left alone.
var plainNumber = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?%?$`)

// Cell returns s defused. Leading spaces are looked past: some spreadsheets trim them first.
func Cell(s string) string {
	t := strings.TrimLeftFunc(s, func(r rune) bool { return r == ' ' || r == '\u3000' || r == '\u00a0' })
	if t == "" {
		return s
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !strings.ContainsRune(triggers, r) && r != '\n' && !unicode.Is(unicode.Cc, r) {
		return s
	}
	if plainNumber.MatchString(t) {
		return s
	}
	return "'" + s
}

// Row returns the cells defused, in a new slice.
func Row(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = Cell(c)
	}
	return out
}
