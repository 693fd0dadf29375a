package static

import (
	"unicode/utf8"
)

// A body is stored in blocks so that a snippet needs one or two small
// blocks, not the whole text: a record of a law groups articles up to about
// 1,200 characters, a snippet shows 120. Blocks of 320 characters cost the
// laws bench queries 5–8 KB of body each; 120 saves a third of that, now
// that a host answering several ranges at once makes one more block cost a
// part header (about 150 bytes), not a request.
const (
	blockRunes = 120 // a block ends at the first safe cut after this many runes
	longRunes  = 160 // bodies longer than this are cut
)

// textBlock is one block of a body.
type textBlock struct {
	rune int // index of its first rune in the body
	pos  int // token positions inside the block are > pos (see blockOffsets)
	text string
}

// cutBlocks cuts a long body after a line break, 。 or 、 past every
// blockRunes runes. Those characters end every token and every run of Han
// characters, so analysing the blocks one by one gives the same tokens as
// analysing the whole body; only positions need an offset (positions.go).
// It returns nil when the body is short.
func cutBlocks(body string) []textBlock {
	if utf8.RuneCountInString(body) <= longRunes {
		return nil
	}
	var blocks []textBlock
	start, startRune, runes := 0, 0, 0
	for i, r := range body {
		runes++
		if runes-startRune < blockRunes || (r != '\n' && r != '。' && r != '、') {
			continue
		}
		end := i + utf8.RuneLen(r)
		if end == len(body) {
			break
		}
		blocks = append(blocks, textBlock{rune: startRune, text: body[start:end]})
		start, startRune = end, runes
	}
	blocks = append(blocks, textBlock{rune: startRune, text: body[start:]})
	if len(blocks) == 1 {
		return nil
	}
	return blocks
}

// blockOf is the block holding token position p, given where each block's
// positions start (textBlock.pos).
func blockOf(starts []int32, p int) int {
	lo, hi := 0, len(starts) // the first block starting at or after p is in [lo, hi]
	for lo < hi {
		mid := (lo + hi) / 2
		if int(starts[mid]) >= p {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return max(0, lo-1)
}
