package search

import (
	gounicode "unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// The index analyses text the way bleve's cjk analyzer does (width folding,
// lowercase, Han bigrams) with three changes, each needed for exact
// substring search:
//
//   - a char filter folds full-width ASCII before tokenizing (the unicode
//     tokenizer drops ２０１７ otherwise) and joins Han characters split by
//     inline spaces ("刘  智" → 刘智);
//   - consecutive Han runs separated by punctuation get a position gap, so
//     the phrase 低保障 does not match "低保。保障";
//   - every run of two or more Han characters also emits its first character
//     as "|c" (at the first bigram's position) and its last as "c|" (at the
//     last bigram's position). A query whose edge is a single Han character
//     next to digits or letters (第1条, 13号文) can then match a character
//     that sits inside a longer run in the text, where plain bigrams alone
//     would miss it.
//
// Single-character queries (低) use a separate position-less field holding
// every Han character once per record.
const (
	analyzerText  = "gongkai_cjk"
	analyzerChars = "gongkai_chars"

	runHead = "|" // "|c": a run starts with c
	runTail = "|" // "c|": a run ends with c
)

func init() {
	// bleve finds analyzers by name in a global registry, both when building
	// and when opening an index; registering here is the only way.
	must(registry.RegisterAnalyzer(analyzerText,
		func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
			return newPreparedAnalyzer(textAnalyzer), nil
		}))
	must(registry.RegisterAnalyzer(analyzerChars,
		func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
			return newPreparedAnalyzer(hanCharsAnalyzer{}), nil
		}))
}

func must(err error) {
	if err != nil {
		panic("search: registering bleve analyzer: " + err.Error())
	}
}

// textAnalyzer analyses title, section, body and 文号.
var textAnalyzer = &analysis.DefaultAnalyzer{
	CharFilters:  []analysis.CharFilter{normalizeCharFilter{}},
	Tokenizer:    unicode.NewUnicodeTokenizer(),
	TokenFilters: []analysis.TokenFilter{cjk.NewCJKWidthFilter(), lowercase.NewLowerCaseFilter(), bigramFilter{}},
}

type normalizeCharFilter struct{}

func (normalizeCharFilter) Filter(input []byte) []byte {
	return []byte(normalizeText(string(input)))
}

// queryAnalyzer is the index analysis up to, not including, the bigram step;
// queries are turned into bigram phrases by phraseSlots from its units.
var queryAnalyzer = &analysis.DefaultAnalyzer{
	CharFilters:  []analysis.CharFilter{normalizeCharFilter{}},
	Tokenizer:    unicode.NewUnicodeTokenizer(),
	TokenFilters: []analysis.TokenFilter{cjk.NewCJKWidthFilter(), lowercase.NewLowerCaseFilter()},
}

// unit is either one run of adjacent Han characters (one token per
// character) or one other token (a number, a latin word).
type unit struct {
	han  bool
	toks []*analysis.Token
}

// splitUnits groups a token stream into units; Han tokens belong to the same
// run only when nothing, not even punctuation, lies between them.
func splitUnits(input analysis.TokenStream) []unit {
	var units []unit
	for _, tok := range input {
		if tok.Type != analysis.Ideographic {
			units = append(units, unit{toks: []*analysis.Token{tok}})
			continue
		}
		for _, ch := range splitRunes(tok) {
			n := len(units)
			if n > 0 && units[n-1].han && units[n-1].toks[len(units[n-1].toks)-1].End == ch.Start {
				units[n-1].toks = append(units[n-1].toks, ch)
				continue
			}
			units = append(units, unit{han: true, toks: []*analysis.Token{ch}})
		}
	}
	return units
}

func splitRunes(tok *analysis.Token) []*analysis.Token {
	if utf8.RuneCount(tok.Term) == 1 {
		return []*analysis.Token{tok}
	}
	var out []*analysis.Token
	for off := 0; off < len(tok.Term); {
		_, size := utf8.DecodeRune(tok.Term[off:])
		out = append(out, &analysis.Token{
			Term:  tok.Term[off : off+size],
			Start: tok.Start + off, End: tok.Start + off + size,
			Type: analysis.Ideographic,
		})
		off += size
	}
	return out
}

// bigramFilter emits, per unit: a lone Han character as itself; a longer
// run as bigrams at consecutive positions plus its "|first" and "last|"
// markers; other tokens unchanged. Two Han runs in a row are one position
// apart so no phrase can bridge the punctuation between them.
type bigramFilter struct{}

func (bigramFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(input)+len(input)/4)
	pos := 1
	prevHan := false
	for _, u := range splitUnits(input) {
		if !u.han {
			tok := u.toks[0]
			tok.Position = pos
			out = append(out, tok)
			pos++
			prevHan = false
			continue
		}
		if prevHan {
			pos++
		}
		prevHan = true
		t := u.toks
		if len(t) == 1 {
			t[0].Position = pos
			t[0].Type = analysis.Single
			out = append(out, t[0])
			pos++
			continue
		}
		out = append(out, &analysis.Token{Term: headTerm(t[0].Term), Position: pos, Type: analysis.Single})
		for i := 0; i+1 < len(t); i++ {
			term := make([]byte, 0, len(t[i].Term)+len(t[i+1].Term))
			term = append(append(term, t[i].Term...), t[i+1].Term...)
			out = append(out, &analysis.Token{Term: term, Position: pos + i, Type: analysis.Double})
		}
		last := t[len(t)-1]
		out = append(out, &analysis.Token{Term: tailTerm(last.Term), Position: pos + len(t) - 2, Type: analysis.Single})
		pos += len(t) - 1
	}
	// Byte offsets are stored with every position but only bleve's
	// highlighter reads them; snippets are computed from the stored text
	// instead, and zero offsets halve the size of the positions.
	for _, tok := range out {
		tok.Start, tok.End = 0, 0
	}
	return out
}

func headTerm(c []byte) []byte { return append([]byte(runHead), c...) }
func tailTerm(c []byte) []byte { return append(append([]byte{}, c...), runTail...) }

// hanCharsAnalyzer emits one token per CJK character and nothing else, for
// the field that answers one-character queries. It needs no word
// segmentation, so it reads the runes directly.
type hanCharsAnalyzer struct{}

func (hanCharsAnalyzer) Analyze(input []byte) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(input)/3)
	pos := 1
	for off := 0; off < len(input); {
		r, size := utf8.DecodeRune(input[off:])
		if isIdeographic(r) {
			out = append(out, &analysis.Token{Term: input[off : off+size], Position: pos, Type: analysis.Ideographic})
			pos++
		}
		off += size
	}
	return out
}

// isIdeographic matches what bleve's unicode tokenizer types Ideographic.
func isIdeographic(r rune) bool {
	return r >= 0x2E80 && gounicode.In(r, gounicode.Han, gounicode.Hiragana, gounicode.Katakana)
}
