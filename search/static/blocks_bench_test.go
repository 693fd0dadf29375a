package static

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkBodyBlocks cuts the seed documents' text into blocks, counts
// their positions and encodes them in UTF-16, as writeBodies does for every
// body.
func BenchmarkBodyBlocks(b *testing.B) {
	files, _ := filepath.Glob("../../content/policies/*.md")
	var text strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text.Write(data)
	}
	body := text.String()
	if len(body) < 100_000 {
		b.Fatalf("only %d bytes of seed text", len(body))
	}
	b.SetBytes(int64(len(body)))
	var out []byte
	for b.Loop() {
		blocks, _ := cutBlocks(body)
		blockOffsets(blocks)
		out = out[:0]
		for _, blk := range blocks {
			out = appendUTF16LE(out, blk.text)
		}
	}
}
