package analysis

import (
	"bytes"
	gounicode "unicode"
	"unicode/utf8"

	banalysis "github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// The index analyses text the way bleve's cjk analyzer does (width folding,
// lowercase, Han bigrams) with these changes, each needed for exact
// substring search or a smaller index:
//
//   - before tokenizing, full-width ASCII is folded (the unicode tokenizer
//     drops ２０１７ otherwise) and Han characters split by inline spaces are
//     joined ("刘  智" → 刘智); traditional characters are folded to
//     simplified ones (tsfold.go), one character for one;
//   - consecutive Han runs separated by punctuation get a position gap, so
//     the phrase 低保障 does not match "低保。保障";
//   - every run of two or more Han characters also emits its first character
//     as "|c" (at the first bigram's position) and its last as "c|" (at the
//     last bigram's position). A query whose edge is a single Han character
//     next to digits or letters (第1条, 13号文) can then match a character
//     that sits inside a longer run in the text, where plain bigrams alone
//     would miss it;
//   - byte offsets are dropped (see bigrams).
//
// Single-character queries (低) use a separate field without positions
// holding one token per Han character.
const (
	AnalyzerText  = "gongkai_cjk"
	AnalyzerChars = "gongkai_chars"

	runHead = "|" // "|c": a run starts with c
	runTail = "|" // "c|": a run ends with c
)

func init() {
	// bleve finds analyzers by name in a global registry, both when building
	// and when opening an index; registering here is the only way.
	must(registry.RegisterAnalyzer(AnalyzerText,
		func(map[string]interface{}, *registry.Cache) (banalysis.Analyzer, error) {
			return textAnalyzer, nil
		}))
	must(registry.RegisterAnalyzer(AnalyzerChars,
		func(map[string]interface{}, *registry.Cache) (banalysis.Analyzer, error) {
			return hanCharsAnalyzer{}, nil
		}))
}

func must(err error) {
	if err != nil {
		panic("search: registering bleve analyzer: " + err.Error())
	}
}

// textAnalyzer analyses title, section, body and 文号 for the index.
var textAnalyzer textAnalyzerType

type textAnalyzerType struct{}

func (textAnalyzerType) Analyze(input []byte) banalysis.TokenStream {
	return bigrams(nil, baseTokensIn(nil, input))
}

func (textAnalyzerType) AnalyzeIn(a *Arena, input []byte) banalysis.TokenStream {
	return bigrams(a, baseTokensIn(a, input))
}

// The stateless pieces of bleve's cjk analyzer that baseTokens reuses.
var (
	unicodeTokenizer = unicode.NewUnicodeTokenizer()
	widthFilter      = cjk.NewCJKWidthFilter()
)

// baseTokens is the analysis shared by the index and queries, up to (not
// including) bigrams: normalise (NormalizeText), tokenize, fold half-width
// katakana, lowercase, fold traditional characters. Every Ideographic token
// is one character.
func baseTokens(input []byte) banalysis.TokenStream { return baseTokensIn(nil, input) }

// baseTokensIn is baseTokens taking its memory from a (see Arena).
func baseTokensIn(a *Arena, input []byte) banalysis.TokenStream {
	if needsNormalize(input) {
		input = []byte(NormalizeText(string(input)))
	}
	toks := tokenizeIn(a, input)
	if bytes.Contains(input, []byte("\xef\xbd")) || bytes.Contains(input, []byte("\xef\xbe")) {
		toks = widthFilter.Filter(toks) // half-width katakana, rare enough to test for
	}
	split := false
	for _, tok := range toks {
		if tok.Type == banalysis.Ideographic {
			split = split || utf8.RuneCount(tok.Term) > 1
			tok.Term = foldTraditionalTerm(tok.Term) // not in NormalizeText's pass: a token is one lookup, the text a scan
		} else if bytes.ContainsFunc(tok.Term, gounicode.IsUpper) {
			tok.Term = bytes.ToLower(tok.Term)
		}
	}
	if split {
		toks = splitIdeographic(toks)
	}
	return toks
}

// splitIdeographic makes every Ideographic token a single character; bleve's
// tokenizer already does, this guards the bigram logic if it ever does not.
func splitIdeographic(toks banalysis.TokenStream) banalysis.TokenStream {
	var out banalysis.TokenStream
	for _, tok := range toks {
		if tok.Type != banalysis.Ideographic || utf8.RuneCount(tok.Term) == 1 {
			out = append(out, tok)
			continue
		}
		for off := 0; off < len(tok.Term); {
			_, size := utf8.DecodeRune(tok.Term[off:])
			out = append(out, &banalysis.Token{
				Term:  foldTraditionalTerm(tok.Term[off : off+size]),
				Start: tok.Start + off, End: tok.Start + off + size,
				Type: banalysis.Ideographic,
			})
			off += size
		}
	}
	return out
}

// unit is a slice toks[from:to] of a token stream: either one run of
// adjacent Han characters or one other token (a number, a latin word).
type unit struct {
	han      bool
	from, to int
}

// splitUnits groups baseTokens output into units; Han tokens belong to the
// same run only when nothing, not even punctuation, lies between them.
func splitUnits(toks banalysis.TokenStream) []unit {
	units := make([]unit, 0, len(toks)/4+1)
	for i, tok := range toks {
		han := tok.Type == banalysis.Ideographic
		if n := len(units); han && n > 0 && units[n-1].han && toks[i-1].End == tok.Start {
			units[n-1].to = i + 1
			continue
		}
		units = append(units, unit{han: han, from: i, to: i + 1})
	}
	return units
}

// bigrams emits, per unit: a lone Han character as itself; a longer run as
// bigrams at consecutive positions plus its "|first" and "last|" markers;
// other tokens unchanged. Two Han runs in a row are one position apart so no
// phrase can bridge the punctuation between them. New tokens and terms are
// carved from two slabs, as this runs once per indexed character.
func bigrams(a *Arena, toks banalysis.TokenStream) banalysis.TokenStream {
	units := splitUnits(toks)
	newToks, newBytes := 0, 0
	for _, u := range units {
		if n := u.to - u.from; u.han && n > 1 {
			newToks += n + 1
			for i := u.from; i < u.to; i++ {
				newBytes += 2 * len(toks[i].Term)
			}
			newBytes += len(runHead) + len(runTail)
		}
	}
	slab := tokensIn(a, newToks)
	buf := bytesIn(a, newBytes)
	emit := func(pos int, typ banalysis.TokenType, parts ...[]byte) *banalysis.Token {
		start := len(buf)
		for _, p := range parts {
			buf = append(buf, p...)
		}
		slab = append(slab, banalysis.Token{Term: buf[start:len(buf):len(buf)], Position: pos, Type: typ})
		return &slab[len(slab)-1]
	}
	out := streamIn(a, len(toks)-len(units)+newToks+len(units))
	pos := 1
	prevHan := false
	for _, u := range units {
		if !u.han {
			tok := toks[u.from]
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
		t := toks[u.from:u.to]
		if len(t) == 1 {
			t[0].Position = pos
			t[0].Type = banalysis.Single
			out = append(out, t[0])
			pos++
			continue
		}
		out = append(out, emit(pos, banalysis.Single, []byte(runHead), t[0].Term))
		for i := 0; i+1 < len(t); i++ {
			out = append(out, emit(pos+i, banalysis.Double, t[i].Term, t[i+1].Term))
		}
		out = append(out, emit(pos+len(t)-2, banalysis.Single, t[len(t)-1].Term, []byte(runTail)))
		pos += len(t) - 1
	}
	// Byte offsets are stored with every position but only bleve's
	// highlighter reads them; snippets are computed from the stored text
	// instead, and zero offsets shrink the positions by a quarter.
	for _, tok := range out {
		tok.Start, tok.End = 0, 0
	}
	return out
}

func headTerm(c []byte) []byte { return append([]byte(runHead), c...) }

// TailTerm is the run-end marker "c|" of character c: a run of Han
// characters ends with c at the marker's position.
func TailTerm(c []byte) []byte { return append(append([]byte{}, c...), runTail...) }

// hanCharsAnalyzer emits one token per CJK character and nothing else, for
// the field that answers one-character queries. It needs no word
// segmentation, so it reads the runes directly.
type hanCharsAnalyzer struct{}

func (h hanCharsAnalyzer) Analyze(input []byte) banalysis.TokenStream { return h.AnalyzeIn(nil, input) }

func (hanCharsAnalyzer) AnalyzeIn(a *Arena, input []byte) banalysis.TokenStream {
	slab := tokensIn(a, len(input)/3)
	for off := 0; off < len(input); {
		r, size := utf8.DecodeRune(input[off:])
		if IsIdeographic(r) {
			slab = append(slab, banalysis.Token{Term: foldTraditionalTerm(input[off : off+size : off+size]), Position: len(slab) + 1, Type: banalysis.Ideographic})
		}
		off += size
	}
	out := streamIn(a, len(slab))
	for i := range slab {
		out = append(out, &slab[i])
	}
	return out
}

// IsIdeographic matches what bleve's unicode tokenizer types Ideographic.
func IsIdeographic(r rune) bool {
	return r >= 0x2E80 && gounicode.In(r, gounicode.Han, gounicode.Hiragana, gounicode.Katakana)
}
