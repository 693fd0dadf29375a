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
// It returns nil when the body is short, and the runes in the body.
func cutBlocks(body string) ([]textBlock, int) {
	if len(body) <= longRunes { // a rune takes a byte at least
		return nil, utf8.RuneCountInString(body)
	}
	var blocks []textBlock
	start, startRune, runes := 0, 0, 0
	for i := 0; i < len(body); {
		r, size := rune(body[i]), 1
		if h, ok := han3(body, i); ok {
			r, size = h, 3
		} else if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(body[i:])
		}
		i += size
		runes++
		if runes-startRune < blockRunes || (r != '\n' && r != '。' && r != '、') {
			continue
		}
		end := i
		if end == len(body) {
			break // the last rune: it was counted
		}
		blocks = append(blocks, textBlock{rune: startRune, text: body[start:end]})
		start, startRune = end, runes
	}
	if runes <= longRunes || len(blocks) == 0 {
		return nil, runes
	}
	return append(blocks, textBlock{rune: startRune, text: body[start:]}), runes
}

// positionsPerBlock is about how many token positions a block holds: Han
// text has about one per character.
const positionsPerBlock = blockRunes

// blockOf is the block holding token position p, given where each block's
// positions start (textBlock.pos): the last block starting before p, or the
// first. It walks from a guess (positionsPerBlock) to the answer, in
// Chinese text a step or none away.
func blockOf(starts []int32, p int) int {
	if len(starts) == 0 {
		return 0
	}
	k := min(max(p/positionsPerBlock, 0), len(starts)-1)
	for k > 0 && int(starts[k]) >= p {
		k--
	}
	for k+1 < len(starts) && int(starts[k+1]) < p {
		k++
	}
	return k
}

// blockStarts holds where the positions of each body block start
// (textBlock.pos) for every record, in one array in gid order: posting lists
// are read in gid order, so their lookups stream through the cache.
type blockStarts struct {
	at     []int32 // record gid's starts are starts[at[gid]:at[gid+1]]
	starts []int32
}

// add sets the starts of record gid, none for a body in one block. Records
// are added in gid order, every one.
func (bs *blockStarts) add(gid int, starts []int32) {
	bs.starts = append(bs.starts, starts...)
	bs.at[gid+1] = int32(len(bs.starts))
}

// of is where record gid's blocks start; empty for a body in one block.
func (bs *blockStarts) of(gid int) []int32 { return bs.starts[bs.at[gid]:bs.at[gid+1]] }
