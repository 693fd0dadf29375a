package static

import (
	"testing"

	"github.com/spf13/afero"
)

// BenchmarkExport exports the example site's index (292 records, two
// shards) with the real layout into memory. The laws corpus, a hundred
// times larger, is measured by hand: GONGKAI_EXPORT_TRACE=1 gongkai build.
func BenchmarkExport(b *testing.B) {
	src, err := openSource(buildIndex(b, corpusRecords(b)))
	if err != nil {
		b.Fatal(err)
	}
	defer src.close()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := exportWith(defaultLayout, src, afero.NewMemMapFs(), "/static"); err != nil {
			b.Fatal(err)
		}
	}
}
