// Package privacy finds personal numbers (身份证号, 手机号, 银行卡号) in page text and
// masks them, so that the build can refuse to publish a list of people unmasked.
package privacy

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Kinds of personal numbers.
const (
	KindID    = "身份证号"
	KindPhone = "手机号"
	KindCard  = "银行卡号"
)

// Finding is one unmasked personal number. Raw is never serialised so that a
// report written to disk does not publish what it warns about.
type Finding struct {
	Line, Col int    // 1-based; Col counts runes
	Kind      string // KindID, KindPhone or KindCard
	Masked    string // the match in masked form, safe to print
	Raw       string `json:"-"`
}

// Scan finds unmasked ID, mobile and bank card numbers in text. allow lists
// numbers the page may show (an office's published mobile, say); they are
// compared by their digits only, and a mobile also matches without its 86.
func Scan(text []byte, allow []string) []Finding {
	allowed := map[string]bool{}
	for _, a := range allow {
		if key := numberKey(a); key != "" {
			allowed[key] = true
		}
	}
	var out []Finding
	var pos position
	for _, m := range scan(text) {
		raw := string(text[m.start:m.end])
		if allowed[numberKey(raw)] {
			continue
		}
		line, col := pos.at(text, m.start)
		out = append(out, Finding{Line: line, Col: col, Kind: m.kind, Masked: maskMatch(m, raw), Raw: raw})
	}
	return out
}

// position turns byte offsets, visited in increasing order, into lines and
// columns without going over the text twice.
type position struct {
	off, line, col int
}

func (p *position) at(text []byte, off int) (line, col int) {
	if p.line == 0 {
		p.line, p.col = 1, 1
	}
	seg := text[p.off:off]
	if n := bytes.Count(seg, []byte{'\n'}); n > 0 {
		p.line += n
		seg = seg[bytes.LastIndexByte(seg, '\n')+1:]
		p.col = 1
	}
	p.col += utf8.RuneCount(seg)
	p.off = off
	return p.line, p.col
}

// numberKey is what allow entries and findings are compared by: the digits
// (and an ID's X), without a mobile's 86 country code.
func numberKey(s string) string {
	key := digitsOf(s)
	if len(key) == 13 && strings.HasPrefix(key, "86") && isMobile(key[2:]) {
		return key[2:]
	}
	return key
}
