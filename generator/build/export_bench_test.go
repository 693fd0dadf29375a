package build

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/internal/cputime"
	"github.com/gongkai/gongkai/search/static"
	"github.com/spf13/afero"
)

// BenchmarkStaticExport indexes a site once and then measures the static
// export alone, as the build runs it: postings from the index writer's
// memory, files into memory. The site is the example site, or the folder
// GONGKAI_BENCH_SITE names (site.yaml and content/): for the laws corpus,
//
//	mkdir -p /tmp/laws && cp -r ../shared/corpora/laws /tmp/laws/content
//	printf 'title: 法律法规\n' > /tmp/laws/site.yaml
//	GONGKAI_BENCH_SITE=/tmp/laws go test -run '^$' -bench StaticExport -count 6 ./generator/build
//
// The build keeps both cores busy from start to end, so what the export adds
// to a build is its CPU time over the cores: the benchmark reports cpu-s/op
// beside the wall time.
func BenchmarkStaticExport(b *testing.B) {
	source := os.Getenv("GONGKAI_BENCH_SITE")
	if source == "" {
		source = "../.."
	}
	opts := withDefaults(Options{Source: source, Dest: b.TempDir()})
	cfg, err := config.Load(opts.SrcFs, filepath.Join(source, config.FileName))
	if err != nil {
		b.Fatal(err)
	}
	s, _, err := Assemble(opts, cfg)
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(b.TempDir(), "index")
	_, postings, err := indexPages(context.Background(), dir, s, nil, 1, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Process()
	for b.Loop() {
		if _, err := static.ExportUsing(dir, afero.NewMemMapFs(), "/static", static.ExportOptions{Postings: postings}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cputime.Process()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}
