package analysis

import (
	"unicode/utf8"

	banalysis "github.com/blevesearch/bleve/v2/analysis"
)

// tokenize is bleve's unicode tokenizer (UAX #29 words), faster on
// Chinese text. A common Han character (U+4E00–U+9FFF) is a word of its
// own unless a combining mark or joiner follows it (the only thing UAX #29
// attaches to it), so runs of such characters followed by plain ASCII,
// Han or common CJK punctuation are cut into one-character tokens here,
// and only the text between them goes through the segmenter. The result is
// the segmenter's, token for token (TestTokenizeMatchesUnicode,
// FuzzTokenize); on the laws corpus this saves most of the segmenter's
// time, which was a tenth of the index build.
func tokenize(input []byte) banalysis.TokenStream { return tokenizeIn(nil, input) }

// tokenizeIn is tokenize taking its memory from a (see Arena).
func tokenizeIn(a *Arena, input []byte) banalysis.TokenStream {
	if !utf8.Valid(input) {
		return unicodeTokenizer.Tokenize(input) // invalid bytes change how the segmenter cuts around them
	}
	slab := tokensIn(a, len(input)/3+1)
	pos := 1
	other := 0 // start of the text not yet tokenized
	for i := 0; i < len(input); {
		if !commonHan(input, i) || !plainAfterHan(input, i+3) {
			_, size := utf8.DecodeRune(input[i:])
			i += size
			continue
		}
		if other < i && !onlyPunctuation(input[other:i]) {
			for _, t := range unicodeTokenizer.Tokenize(input[other:i]) {
				slab = append(slab, banalysis.Token{Term: t.Term, Start: other + t.Start, End: other + t.End, Position: pos, Type: t.Type})
				pos++
			}
		}
		slab = append(slab, banalysis.Token{Term: input[i : i+3 : i+3], Start: i, End: i + 3, Position: pos, Type: banalysis.Ideographic})
		pos++
		i += 3
		other = i
	}
	if other < len(input) && !onlyPunctuation(input[other:]) {
		for _, t := range unicodeTokenizer.Tokenize(input[other:]) {
			slab = append(slab, banalysis.Token{Term: t.Term, Start: other + t.Start, End: other + t.End, Position: pos, Type: t.Type})
			pos++
		}
	}
	out := streamIn(a, len(slab))
	for i := range slab {
		out = append(out, &slab[i])
	}
	return out
}

// commonHan reports whether input[i:] starts with a character of CJK
// Unified Ideographs (U+4E00–U+9FFF, three bytes in UTF-8).
func commonHan(input []byte, i int) bool {
	if i+3 > len(input) {
		return false
	}
	b0, b1 := input[i], input[i+1]
	// U+4E00 is E4 B8 80, U+9FFF is E9 BF BF.
	if b0 < 0xE4 || b0 > 0xE9 || (b0 == 0xE4 && b1 < 0xB8) {
		return false
	}
	return b1&0xC0 == 0x80 && input[i+2]&0xC0 == 0x80
}

// plainAfterHan reports whether what starts at input[i] cannot attach to a
// preceding Han character: the end, ASCII, another common Han character,
// or cjkPunctuation.
func plainAfterHan(input []byte, i int) bool {
	if i >= len(input) || input[i] < utf8.RuneSelf || commonHan(input, i) {
		return true
	}
	r, _ := utf8.DecodeRune(input[i:])
	return cjkPunctuation(r)
}

// cjkPunctuation matches the punctuation common in Chinese text that
// neither attaches to a neighbour nor makes a token.
func cjkPunctuation(r rune) bool {
	switch {
	case r >= 0x3001 && r <= 0x3003, r >= 0x3008 && r <= 0x3011, r >= 0x3014 && r <= 0x301B: // 、。〃〈〉《》「」『』【】〔〕〖〗〘〙〚〛
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205E: // ‐–—‘’“”…‰′ and the like; not the joiners and marks at U+200B–200F, U+2028–202F
		return true
	}
	return false
}

// onlyPunctuation reports whether text between Han characters holds no
// word: ASCII punctuation, spaces and controls, and cjkPunctuation. The
// segmenter would return nothing for it; calling it for every comma of a
// Chinese text costs more than the rest of tokenizing.
func onlyPunctuation(text []byte) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if !cjkPunctuation(r) {
			return false
		}
		i += size
	}
	return true
}
