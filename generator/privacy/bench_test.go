package privacy

import (
	"strings"
	"testing"
)

// BenchmarkScan measures a megabyte of policy-like text with a few numbers
// per line; the build scans every page, so this should stay far below
// the time it takes to render the page.
func BenchmarkScan(b *testing.B) {
	line := "根据《关于加强村务公开的通知》（昆发〔2018〕14号），2024-05-10 公示：张三 500230199003071233，电话 138-1234-5678，金额 1,234.50 元。\n"
	text := []byte(strings.Repeat(line, 1<<20/len(line)))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Scan(text, nil)
	}
}
