package analysis

import (
	"unsafe"

	banalysis "github.com/blevesearch/bleve/v2/analysis"
)

// Arena holds the buffers of one document's analyses, for an index build
// that analyses one document after another: the tokens of a record are
// garbage once its segment builder has inverted them, and made afresh for
// each record they were most of what the build allocated in large blocks
// (laws ×4: 5.5 GB), which near the build's memory limit the runtime paid
// for in collections and in returning pages to the system and faulting
// them back. An Arena hands out slices of blocks it keeps from one Reset to
// the next. The zero Arena is ready; it is not safe for concurrent use.
type Arena struct {
	tokens block[banalysis.Token]
	ptrs   block[*banalysis.Token]
	bytes  block[byte]
}

// Reset lets the Arena hand out its blocks again: every token stream it
// made since the last Reset must be dead.
func (a *Arena) Reset() {
	a.tokens.reset()
	a.ptrs.reset()
	a.bytes.reset()
}

// ArenaAnalyzer is an analyzer that can take the memory of its token
// stream from an Arena; the stream is the one Analyze returns.
type ArenaAnalyzer interface {
	banalysis.Analyzer
	AnalyzeIn(a *Arena, input []byte) banalysis.TokenStream
}

// block is a run of memory handed out in slices; a request that does not
// fit starts a block twice as large (what was handed out keeps the old one
// alive), so that after a few documents one block holds a whole document.
type block[T any] struct {
	buf []T
}

const minBlock = 1024

// take returns an empty slice of capacity n. Appending past n moves the
// slice out of the block, as append does with any full slice.
func (b *block[T]) take(n int) []T {
	if cap(b.buf)-len(b.buf) < n {
		b.buf = make([]T, 0, max(n, 2*cap(b.buf), minBlock))
	}
	at := len(b.buf)
	b.buf = b.buf[:at+n]
	return b.buf[at : at : at+n]
}

// maxKeep bounds the block an Arena keeps, in bytes: a record of a few
// thousand characters fits, while the block of a rare long one is let go,
// so that the arenas of the records queued for the shards (a few hundred)
// do not each keep the largest record's size.
const maxKeep = 512 << 10

// reset clears what was handed out, so that the block holds no pointer
// into a document that is gone, and hands it out again from the start.
func (b *block[T]) reset() {
	var t T
	if cap(b.buf)*int(unsafe.Sizeof(t)) > maxKeep {
		b.buf = nil
		return
	}
	clear(b.buf)
	b.buf = b.buf[:0]
}

// The functions the analyzers share take their memory through an arena
// that may be nil (queries, and any caller of Analyze): then from make.

func tokensIn(a *Arena, n int) []banalysis.Token {
	if a == nil {
		return make([]banalysis.Token, 0, n)
	}
	return a.tokens.take(n)
}

func streamIn(a *Arena, n int) banalysis.TokenStream {
	if a == nil {
		return make(banalysis.TokenStream, 0, n)
	}
	return a.ptrs.take(n)
}

func bytesIn(a *Arena, n int) []byte {
	if a == nil {
		return make([]byte, 0, n)
	}
	return a.bytes.take(n)
}
