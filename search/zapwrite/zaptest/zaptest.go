// Package zaptest holds zapwrite's output to zapx's: the tests of
// zapwrite and of search compare whole segment files byte for byte.
package zaptest

import (
	"bytes"
	"testing"

	index "github.com/blevesearch/bleve_index_api"
	zap "github.com/blevesearch/zapx/v15"
)

// ZapBytes is the zap file zapx v15's own writer makes of docs, which
// must be analysed. zapx merges a list's term frequencies into its first
// value's in place, so read docs for anything else before calling it.
func ZapBytes(t testing.TB, docs []index.Document) []byte {
	t.Helper()
	seg, _, err := (&zap.ZapPlugin{}).New(docs)
	if err != nil {
		t.Fatal(err)
	}
	return FileBytes(t, seg.(*zap.SegmentBase))
}

// FileBytes is seg as a zap file, as Persist would write it.
func FileBytes(t testing.TB, seg *zap.SegmentBase) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := seg.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Same fails t unless got equals want, showing the first differing byte
// and what surrounds it.
func Same(t testing.TB, want, got []byte) {
	t.Helper()
	if bytes.Equal(want, got) {
		return
	}
	at := 0
	for at < len(want) && at < len(got) && want[at] == got[at] {
		at++
	}
	t.Fatalf("segment differs from zapx's at byte %d of %d (ours %d bytes)\nwant %x\ngot  %x",
		at, len(want), len(got), want[max(0, at-16):min(len(want), at+24)], got[max(0, at-16):min(len(got), at+24)])
}
