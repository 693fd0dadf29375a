package static

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// blockOffsets sets each block's pos: the offset that turns positions of the
// block analysed alone into positions of the whole body, so that a position
// from the postings tells which block holds it.
//
// It counts positions the way search's analysis (analysis.go) assigns them:
// a token per word or number; a run of n ≥ 2 Han characters takes n-1
// positions, a lone one 1; a Han run right after another starts one position
// later. Counting is a tenth of the cost of running the analyzer again over
// the corpus; TestPositionsMatchTheAnalyzer holds it to the analyzer. A
// miscount would only send a snippet to a neighbouring block, which the
// client then also reads.
func blockOffsets(blocks []textBlock) {
	pos := 1         // the next position to assign, counted over the whole body
	prevHan := false // the previous unit was a Han run
	for i := range blocks {
		first := true
		blocks[i].pos = pos - 1
		forEachUnit(blocks[i].text, func(han bool, n int) {
			if first && han && prevHan {
				blocks[i].pos = pos // the block opens with the gap after a run
			}
			first = false
			switch {
			case !han:
				pos++
			case n == 1:
				pos += b2i(prevHan) + 1
			default:
				pos += b2i(prevHan) + n - 1
			}
			prevHan = han
		})
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// forEachUnit calls fn for each unit of normalizeText(text) as search's
// splitUnits makes them: a run of adjacent ideographs (han, its length) or
// one other token. It normalizes as it reads, sparing a copy of the text:
// runes are folded, and inline spaces between two Han characters, which
// normalizeText drops, continue the run.
func forEachUnit(text string, fn func(han bool, n int)) {
	classes := bmpClasses()
	for i := 0; i < len(text); {
		r, size := decodeFolded(text, i)
		switch {
		case classes.ideo(r):
			n, last := 0, rune(-1)
			for i < len(text) {
				r, size := decodeFolded(text, i)
				if !classes.ideo(r) {
					if j := i + size; isInlineSpace(r) && isHan(last) {
						j = afterInlineSpaces(text, j)
						if next, _ := decodeFolded(text, j); j < len(text) && isHan(next) {
							i = j // dropped
							continue
						}
					}
					break
				}
				n++
				last = r
				i += size
			}
			fn(true, n)
		case wordKind(r) >= kindLetter:
			i = wordEnd(text, i)
			fn(false, 1)
		default:
			i += size
		}
	}
}

// decodeFolded decodes the rune at text[i:] as normalizeText leaves it.
func decodeFolded(text string, i int) (rune, int) {
	r, size := decodeRune(text, i)
	return foldRune(r), size
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) (i ≤ len(s)), with the
// three-byte sequences of Chinese text decoded without the standard
// library's call.
func decodeRune(s string, i int) (rune, int) {
	if r, ok := han3(s, i); ok {
		return r, 3
	}
	if i < len(s) && s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// han3 decodes the valid three-byte UTF-8 sequence at s[i], if one starts
// there outside U+D000…U+DFFF, where the surrogates lie: those of U+E000
// and above and U+0800…U+CFFF, all of CJK. Small enough to be inlined.
func han3(s string, i int) (rune, bool) {
	if i+2 < len(s) && s[i]&0xf0 == 0xe0 && s[i] != 0xed && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 && (s[i] != 0xe0 || s[i+1] >= 0xa0) {
		return rune(s[i]&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f), true
	}
	return 0, false
}

// afterInlineSpaces is the offset of the first rune at or after i that is
// not an inline space.
func afterInlineSpaces(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isInlineSpace(r) {
			break
		}
		i += size
	}
	return i
}

// Word characters as Unicode's word-boundary rules (UAX #29, bleve's unicode
// tokenizer) class them; mid characters join letters or digits on both
// sides.
const (
	kindOther = iota
	kindExtend
	kindLetter
	kindDigit
)

const (
	midLetter = ":\u00b7\u0387\u055f\u05f4\u2027\ufe13\ufe55.'\u2018\u2019\u2024\ufe52"
	midNum    = ",;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54.'\u2018\u2019\u2024\ufe52"
)

// wordKind is the word character class of r.
func wordKind(r rune) int {
	if r >= 0 && r < 1<<16 {
		return int(bmpClasses()[r] & classKind)
	}
	return wordKindOf(r)
}

func wordKindOf(r rune) int {
	switch {
	case unicode.IsDigit(r):
		return kindDigit
	case unicode.IsLetter(r) || unicode.In(r, unicode.Nl, unicode.Other_Alphabetic, unicode.Pc):
		return kindLetter
	case unicode.In(r, unicode.M, unicode.Cf):
		return kindExtend
	}
	return kindOther
}

// wordEnd is where the word starting at i ends, runes folded as
// normalizeText folds them.
func wordEnd(text string, i int) int {
	r, size := decodeFolded(text, i)
	last := wordKind(r)
	i += size
	for i < len(text) {
		r, size := decodeFolded(text, i)
		k := wordKind(r)
		if isIdeo(r) {
			return i
		}
		switch {
		case k == kindExtend:
			i += size
		case k >= kindLetter:
			last = k
			i += size
		default:
			next, nsize := decodeFolded(text, i+size)
			mids := midLetter
			if last == kindDigit {
				mids = midNum
			}
			if i+size >= len(text) || isIdeo(next) || wordKind(next) != last || !strings.ContainsRune(mids, r) {
				return i
			}
			i += size + nsize
		}
	}
	return i
}

// isIdeo is what bleve's tokenizer emits ideographs for: Han, Hiragana and
// Katakana, and the Katakana word-break marks.
func isIdeo(r rune) bool { return bmpClasses().ideo(r) }

func isIdeoOf(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3031 && r <= 0x3035) || r == 0x309b || r == 0x309c || r == 0x30a0 || r == 0x30fc || r == 0xff70
}

// classIdeo marks an ideograph in bmpClasses, classHan a Han character;
// the low bits are its wordKind.
const (
	classIdeo = 1 << 7
	classHan  = 1 << 6
	classKind = 3
)

// bmpClasses is wordKind and isIdeo of every rune below U+10000: counting
// positions looks up every rune of every body, and Unicode's tables take a
// binary search or several. forEachUnit, the hot loop, takes it once per
// text: sync.OnceValue's call for every rune was a fifth of counting.
var bmpClasses = sync.OnceValue(func() *runeTable {
	var t runeTable
	for r := range rune(len(t)) {
		t[r] = uint8(wordKindOf(r))
		if r >= 0x2e80 && isIdeoOf(r) {
			t[r] |= classIdeo
		}
		if unicode.Is(unicode.Han, r) {
			t[r] |= classHan
		}
	}
	return &t
})

// runeTable holds a class byte for every rune below U+10000.
type runeTable [1 << 16]uint8

// ideo is isIdeo(r).
func (t *runeTable) ideo(r rune) bool {
	if uint32(r) < 1<<16 {
		return t[r]&classIdeo != 0
	}
	return isIdeoOf(r)
}

// normalizeText is search's: fold full-width ASCII, and drop inline spaces
// between two Han characters, which the index joins (刘  智 → 刘智). Text
// between the runes it changes is copied whole.
func normalizeText(s string) string {
	i := nextToNormalize(s, 0)
	if i == len(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if last, _ := utf8.DecodeLastRune(b); isInlineSpace(r) && isHan(last) {
			j := i + size
			for j < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[j:])
				if !isInlineSpace(r2) {
					break
				}
				j += size2
			}
			if next, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && isHan(foldRune(next)) {
				size = j - i
				r = -1 // dropped
			}
		}
		if r >= 0 {
			b = utf8.AppendRune(b, foldRune(r))
		}
		i += size
		j := nextToNormalize(s, i)
		b = append(b, s[i:j]...)
		i = j
	}
	return string(b)
}

// nextToNormalize is the offset of the first rune at or after i that
// normalizeText may change (an inline space or a full-width character), or
// len(s). It looks at the bytes: every such rune starts with one of a few.
func nextToNormalize(s string, i int) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t':
			return i
		case 0xc2: // U+00A0
			if i+1 < len(s) && s[i+1] == 0xa0 {
				return i
			}
		case 0xe2: // U+2002, U+2003, U+2009
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x82 || s[i+2] == 0x83 || s[i+2] == 0x89) {
				return i
			}
		case 0xe3: // U+3000
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
				return i
			}
		case 0xef: // U+FF01…U+FF5E
			if i+2 < len(s) && ((s[i+1] == 0xbc && s[i+2] >= 0x81) || (s[i+1] == 0xbd && s[i+2] <= 0x9e)) {
				return i
			}
		}
	}
	return len(s)
}

// isHan is unicode.Is(unicode.Han, r).
func isHan(r rune) bool {
	if r >= 0 && r < 1<<16 {
		return bmpClasses()[r]&classHan != 0
	}
	return unicode.Is(unicode.Han, r)
}

func isWide(r rune) bool { return r >= 0xff01 && r <= 0xff5e }

func foldRune(r rune) rune {
	switch {
	case isWide(r):
		return r - 0xff01 + '!'
	case r == 0x3000:
		return ' '
	}
	return r
}

func isInlineSpace(r rune) bool {
	switch r {
	case ' ', '\t', 0x00a0, 0x3000, 0x2002, 0x2003, 0x2009:
		return true
	}
	return false
}
