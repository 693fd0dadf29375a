package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// IDs generates heading ids that keep Chinese (and every other script) readable: "第一章 总则"
// becomes "第一章-总则". Ids are unique per page: a repeat gets "-2", "-3".
type IDs struct {
	used map[string]bool
}

// NewIDs returns an empty id set for one page.
func NewIDs() *IDs { return &IDs{used: map[string]bool{}} }

// Generate implements parser.IDs.
func (s *IDs) Generate(value []byte, kind ast.NodeKind) []byte {
	id := Slugify(string(value))
	if id == "" {
		if kind == ast.KindHeading {
			id = "heading"
		} else {
			id = "id"
		}
	}
	return []byte(s.unique(id))
}

// Put implements parser.IDs.
func (s *IDs) Put(value []byte) { s.used[string(value)] = true }

func (s *IDs) unique(id string) string {
	if !s.used[id] {
		s.used[id] = true
		return id
	}
	for n := 2; ; n++ {
		c := id + "-" + strconv.Itoa(n)
		if !s.used[c] {
			s.used[c] = true
			return c
		}
	}
}

// Slugify keeps letters and digits of any script, lowercases ASCII, and turns runs of spaces and
// punctuation into a single "-".
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Han, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '_' || r == '-' || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			dash = true
		}
	}
	return b.String()
}
