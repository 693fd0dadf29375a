package history

import (
	"os"
	"strings"
	"testing"
)

const lawsDir = "/work/shared/corpora/laws/司法解释/"

func readLaw(b *testing.B, name string) string {
	src, err := os.ReadFile(lawsDir + name)
	if err != nil {
		b.Skipf("scale corpus not available: %v", err)
	}
	return string(src)
}

// BenchmarkDiffLawRevision compares two real versions of a 300 KB regulation that was
// rewritten between 2012 and 2019: the worst case a reader's comparison page will meet.
func BenchmarkDiffLawRevision(b *testing.B) {
	old := readLaw(b, "人民检察院刑事诉讼规则（试行）(2012-11-22).md")
	new := readLaw(b, "人民检察院刑事诉讼规则(2019-12-02).md")
	b.SetBytes(int64(len(old) + len(new)))
	for b.Loop() {
		Diff(old, new)
	}
}

// BenchmarkDiffSmallEdit is the common case: one clause changed in a long document.
func BenchmarkDiffSmallEdit(b *testing.B) {
	old := readLaw(b, "人民检察院刑事诉讼规则(2019-12-02).md")
	new := strings.Replace(old, "人民检察院", "人民检查院", 1)
	b.SetBytes(int64(len(old)))
	for b.Loop() {
		Diff(old, new)
	}
}
