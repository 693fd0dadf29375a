package static

import (
	"context"
	"fmt"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/cnnum"
	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/zapwrite"
	"github.com/spf13/afero"
)

// textAnalyzer is the analyzer package search registered for its text
// fields; the export analyses block boundaries with the very same one.
const textAnalyzer = "gongkai_cjk"

func newTextAnalyzer() (analysis.Analyzer, error) {
	a, err := registry.NewCache().AnalyzerNamed(textAnalyzer)
	if err != nil {
		return nil, fmt.Errorf("static: analyzer %s is not registered (is package search linked in?): %w", textAnalyzer, err)
	}
	return a, nil
}

// tinyLayout makes a few dozen records use every form: inline, medium and
// large lists, impact blocks beyond the cap, several packs, long bodies.
var tinyLayout = layout{
	metaChunk:   3,
	chunkSize:   3,
	impactBlock: 2,
	impactCap:   6,
	impactMin:   4,
	inlineMax:   24,
	mediumMax:   120,
	packSize:    8192,
	bucketBytes: 256,
}

// corpusRecords turns the example site's Markdown (../../content) into
// records the way the build does: one record per page with the whole text,
// one per paragraph. It is real text: 文号, numbers, Latin, padded names.
func corpusRecords(t testing.TB) []search.Record {
	t.Helper()
	fs := afero.NewOsFs()
	var paths []string
	err := afero.Walk(fs, "../../content", func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	var out []search.Record
	for i, p := range paths {
		data, err := afero.ReadFile(fs, p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if j := strings.Index(text[3:], "\n---"); strings.HasPrefix(text, "---") && j > 0 {
			text = text[j+7:]
		}
		slug := strings.TrimSuffix(filepath.Base(p), ".md")
		url := "/" + filepath.Base(filepath.Dir(p)) + "/" + slug + "/"
		base := search.Record{
			URL: url, Title: titleOf(text, slug), Type: filepath.Base(filepath.Dir(p)),
			Issuers: []string{fmt.Sprintf("机关%d", i%3)}, Date: time.Date(2018+i%5, time.Month(1+i%12), 1+i, 0, 0, 0, 0, time.UTC),
		}
		if i%4 == 0 {
			base.DocNumber, base.Departments = fmt.Sprintf("昆民发〔20%d〕%d号", 10+i, i+1), []string{"市民政局", "市财政局"}
		}
		doc := base
		doc.ID, doc.Body = url, text
		out = append(out, doc)
		var paras []string
		for _, para := range strings.Split(text, "\n\n") {
			if strings.TrimSpace(para) != "" {
				paras = append(paras, para)
			}
		}
		for k := 0; k < len(paras); k++ {
			r := base
			// Anchors as the build writes a law's, so that article references (第二条) find them.
			r.Anchor = "第" + cnnum.Format(k+1) + "条"
			r.ID = url + "#" + r.Anchor
			r.Section = fmt.Sprintf("第%d段", k+1)
			r.Body = paras[k]
			// Every third page groups its paragraphs in threes, as the build groups short units.
			if i%3 == 1 && k+1 < len(paras) {
				r.Parts = []search.Part{{Anchor: r.Anchor, Section: r.Section}}
				for j := k + 1; j < min(k+3, len(paras)); j++ {
					r.Parts = append(r.Parts, search.Part{Anchor: "第" + cnnum.Format(j+1) + "条", Section: fmt.Sprintf("第%d段", j+1), Offset: len(r.Body) + 1})
					r.Body += "\n" + paras[j]
				}
				k += len(r.Parts) - 1
			}
			out = append(out, r)
		}
	}
	if len(out) < 50 {
		t.Fatalf("only %d records from ../../content", len(out))
	}
	return out
}

func titleOf(text, slug string) string {
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(strings.TrimLeft(line, "# ")); line != "" {
			return line
		}
	}
	return slug
}

// buildIndex writes records into a fresh two-shard index.
func buildIndex(t testing.TB, records []search.Record) string {
	t.Helper()
	dir, _ := buildIndexKeeping(t, records)
	return dir
}

// buildIndexKeeping is buildIndex, also returning the postings the writer
// kept (ExportOptions.Postings).
func buildIndexKeeping(t testing.TB, records []search.Record) (string, map[string][]*zapwrite.Postings) {
	t.Helper()
	return buildIndexWith(t, records, search.Options{Shards: 2})
}

// buildIndexWith is buildIndexKeeping with opts; the postings kept in
// files are removed when the test ends.
func buildIndexWith(t testing.TB, records []search.Record, opts search.Options) (string, map[string][]*zapwrite.Postings) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	w, err := search.NewWriter(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.KeepPostings(); err != nil {
		t.Fatal(err)
	}
	for _, r := range records {
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Close("test"); err != nil {
		t.Fatal(err)
	}
	kept := w.TakePostings()
	t.Cleanup(func() {
		for _, ps := range kept {
			for _, p := range ps {
				if err := p.Close(); err != nil {
					t.Error(err)
				}
			}
		}
	})
	return dir, kept
}

// exportTiny exports the index at dir with tinyLayout into a memory fs.
func exportTiny(t testing.TB, dir string) (afero.Fs, *Manifest) {
	t.Helper()
	src, err := openSource(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer src.close()
	fs := afero.NewMemMapFs()
	man, err := exportWith(tinyLayout, src, fs, "/static")
	if err != nil {
		t.Fatal(err)
	}
	return fs, man
}

// blevePostings reads a term's postings through bleve's TermFieldReader, the
// reference the export's own segment reader is held to: in gid order, with
// the document frequency per shard.
func blevePostings(t *testing.T, src *source, term, field string, vectors bool) ([]plainPosting, []int) {
	t.Helper()
	var ps []plainPosting
	var df []int
	for _, sh := range src.shards {
		tfr, err := sh.reader.TermFieldReader(context.Background(), []byte(term), field, true, true, vectors)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for {
			m, err := tfr.Next(nil)
			if err != nil {
				t.Fatal(err)
			}
			if m == nil {
				break
			}
			gid := sh.gid(m.ID)
			l, err := lengthOfNormIn(m.Norm, nil)
			if gid < 0 || err != nil {
				t.Fatalf("%s %q: document %x, norm %v: %v", field, term, m.ID, m.Norm, err)
			}
			pos := []int{}
			for _, v := range m.Vectors {
				pos = append(pos, int(v.Pos))
			}
			sort.Ints(pos)
			ps = append(ps, plainPosting{gid: gid, tf: int(m.Freq), len: l, pos: pos})
			n++
		}
		_ = tfr.Close()
		df = append(df, n)
	}
	sort.Slice(ps, func(a, b int) bool { return ps[a].gid < ps[b].gid })
	return ps, df
}

// plainPosting is a posting as bleve has it.
type plainPosting struct {
	gid, tf, len int
	pos          []int
}

func samePosting(a, b plainPosting) bool {
	return a.gid == b.gid && a.tf == b.tf && a.len == b.len && slices.Equal(a.pos, b.pos)
}

// plainPostings turns a postingsReader's output, bodies in one block, back
// into plain postings, checking that the bytes agree with the fields.
func plainPostings(t *testing.T, spec FieldSpec, ps []posting, enc []byte) []plainPosting {
	t.Helper()
	var out []plainPosting
	for _, p := range ps {
		rd := reader{p: enc[p.at:p.head]}
		tf, length := rd.int(), rd.int()
		if spec.Blocks {
			length >>= 1
		}
		if tf != int(p.tf) || length != int(p.len) || !rd.done() || rd.err != nil {
			t.Fatalf("%s: posting %+v encodes tf %d, length %d", spec.Name, p, tf, length)
		}
		pp := plainPosting{gid: int(p.gid), tf: int(p.tf), len: int(p.len), pos: []int{}}
		rd = reader{p: enc[p.head:p.end]}
		for last := 0; !rd.done(); {
			last += rd.int()
			pp.pos = append(pp.pos, last)
		}
		if rd.err != nil {
			t.Fatalf("%s: posting %+v: positions: %v", spec.Name, p, rd.err)
		}
		out = append(out, pp)
	}
	return out
}

// bleveTerms lists the terms of field through bleve's FieldDict, in byte
// order, each once.
func bleveTerms(t *testing.T, src *source, field string) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	for _, sh := range src.shards {
		d, err := sh.reader.FieldDict(field)
		if err != nil {
			t.Fatal(err)
		}
		for {
			e, err := d.Next()
			if err != nil {
				t.Fatal(err)
			}
			if e == nil {
				break
			}
			if !seen[e.Term] {
				seen[e.Term] = true
				out = append(out, e.Term)
			}
		}
		_ = d.Close()
	}
	sort.Strings(out)
	return out
}
