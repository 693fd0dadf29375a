package static

import (
	"testing"

	"github.com/spf13/afero"
)

// BenchmarkExport exports the example site's index (292 records, two
// shards) with the real layout into memory, postings read from the
// segments and from the writer's memory. The laws corpus, a hundred times
// larger, is measured by hand: GONGKAI_EXPORT_TRACE=1 gongkai build.
func BenchmarkExport(b *testing.B) {
	dir, kept := buildIndexKeeping(b, corpusRecords(b))
	for _, bc := range []struct {
		name string
		mem  bool
	}{{"segments", false}, {"memory", true}} {
		b.Run(bc.name, func(b *testing.B) {
			mem := kept
			if !bc.mem {
				mem = nil
			}
			src, err := openSource(dir, mem)
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
		})
	}
}
