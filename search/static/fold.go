package static

import (
	"encoding/binary"

	"github.com/gongkai/gongkai/search/analysis"
)

// FoldFiles name the two files of the traditional→simplified table
// (analysis.TraditionalPairs) the client folds queries and snippets with,
// as the index folded the text.
//
// keys is a bitmap over U+4E00–U+9FFF, bit i&7 of byte i>>3 set when
// U+4E00+i folds: 1.6 KB gzipped, read with the directory by every first
// search, so the client can tell whether a text needs the table at all.
// values holds, for every key in code point order, the zigzag varint of
// its simplified form minus the previous one (starting from U+4E00): the
// client reads it only when a query, a synonym or a body it shows has a
// traditional character.
type FoldFiles struct {
	Keys   string `json:"keys"`
	Values string `json:"values"`
}

// foldFirst is the first code point of the table's block.
const foldFirst = 0x4E00

func encodeFold() (keys, values []byte) {
	keys = make([]byte, (0x9FFF-foldFirst+1+7)/8)
	prev := int64(foldFirst)
	for _, p := range analysis.TraditionalPairs() {
		i := p[0] - foldFirst
		keys[i>>3] |= 1 << (i & 7)
		values = binary.AppendVarint(values, int64(p[1])-prev)
		prev = int64(p[1])
	}
	return keys, values
}

func (x *exporter) writeFold() (FoldFiles, error) {
	keys, values := encodeFold()
	var out FoldFiles
	var err error
	if out.Keys, err = x.files.put("f", keys); err != nil {
		return out, err
	}
	out.Values, err = x.files.put("f", values)
	return out, err
}
