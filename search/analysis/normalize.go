package analysis

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NormalizeDocNumber returns the canonical key of a 发文字号 such as
// 中发〔2017〕13号, whatever brackets or widths it was written with
// (中发[2017]13号, 中发（2017）13号, 中发〔２０１７〕第13号 all give 中发〔2017〕13号),
// and in traditional characters (國發〔2017〕13號 gives 国发〔2017〕13号).
// It returns "" when s does not look like a 文号. The index stores this key
// next to Record.DocKey, so a query typed with any bracket finds the document.
func NormalizeDocNumber(s string) string {
	s = strings.Join(strings.Fields(FoldTraditional(FoldWidth(s))), "")
	m := docNumberPattern.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	n, err := strconv.Atoi(m[3])
	if err != nil {
		return ""
	}
	return m[1] + "〔" + m[2] + "〕" + strconv.Itoa(n) + "号"
}

// docNumberPattern: an issuer code with at least one Han character, a
// four-digit year in any bracket (or none), an optional 第, a number and 号.
var docNumberPattern = regexp.MustCompile(
	`^(\p{Han}[\p{Han}A-Za-z0-9]*?)[\[(〔【﹝<]?(\d{4})[\])〕】﹞>]?第?(\d{1,6})号$`)

// FoldWidth maps full-width ASCII (Ａ, １, （, ［) to ASCII and the
// ideographic space to a plain space. bleve's unicode tokenizer drops
// full-width digits entirely (１３号 tokenizes as 号 alone), so this
// has to happen before tokenizing, not as a token filter.
func FoldWidth(s string) string {
	if !needsFold(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(FoldRune(r))
	}
	return b.String()
}

func needsFold(s string) bool {
	for _, r := range s {
		if FoldRune(r) != r {
			return true
		}
	}
	return false
}

// FoldRune is FoldWidth for one character.
func FoldRune(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + '!'
	case r == 0x3000:
		return ' '
	}
	return r
}

// IsHan reports whether r is a Han character (including 〇).
func IsHan(r rune) bool {
	return unicode.Is(unicode.Han, r)
}

// IsInlineSpace is whitespace that may pad a name inside one line
// ("刘  智"); line breaks are not, so paragraphs never run together.
func IsInlineSpace(r rune) bool {
	switch r {
	case ' ', '\t', 0x00A0, 0x3000, 0x2002, 0x2003, 0x2009:
		return true
	}
	return false
}

// needsNormalize is a fast test that NormalizeText would change input:
// full-width forms (UTF-8 ef bc/ef bd), the ideographic space, or any
// inline space.
func needsNormalize(input []byte) bool {
	return bytes.Contains(input, []byte("\xef\xbc")) || bytes.Contains(input, []byte("\xef\xbd")) ||
		bytes.Contains(input, []byte("\u3000")) || bytes.ContainsAny(input, " \t\u00a0\u2002\u2003\u2009")
}

// NormalizeText is the character-level normalisation shared by indexing,
// queries and snippets: fold widths and traditional characters and drop
// inline spaces between two Han characters, so "刘  智" is indexed as 刘智.
func NormalizeText(s string) string {
	s = FoldTraditional(FoldWidth(s))
	if !strings.ContainsAny(s, " \t\u00a0\u2002\u2003\u2009") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if IsInlineSpace(r) && b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			j := i
			for j < len(s) {
				rr, sz := utf8.DecodeRuneInString(s[j:])
				if !IsInlineSpace(rr) {
					break
				}
				j += sz
			}
			next, _ := utf8.DecodeRuneInString(s[j:])
			if IsHan(last) && j < len(s) && IsHan(next) {
				i = j
				continue
			}
		}
		b.WriteRune(r)
		i += size
	}
	return b.String()
}
