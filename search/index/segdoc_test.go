package index

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
	ganalysis "github.com/gongkai/gongkai/search/analysis"
	"github.com/gongkai/gongkai/search/internal/searchtest"
	"github.com/gongkai/gongkai/search/mapping"
	"github.com/gongkai/gongkai/search/zapwrite"
	"github.com/gongkai/gongkai/search/zapwrite/zaptest"
)

// segdocRecords are the fixture plus records that reach every kind of
// field: lists, an empty body, grouped parts, no date, Latin and digits,
// and enough of them that postings lists and doc values span chunks.
func segdocRecords(t *testing.T) []mapping.Record {
	recs := searchtest.Fixture()
	seed, err := os.ReadFile(filepath.Join("..", "..", "content", "policies", "2018-kunming-shequ-zhili.md"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(seed), "\n")
	for i := 0; i < 2100; i++ {
		r := mapping.Record{ID: fmt.Sprintf("gen/%d#p%d", i/9, i%9), URL: fmt.Sprintf("/gen/%d/", i/9), Title: "生成的文件" + fmt.Sprint(i/9),
			Body: lines[i%len(lines)] + lines[(i*7)%len(lines)], Type: []string{"policy", "page", "disclosure"}[i%3]}
		if i%9 != 0 {
			r.Anchor = fmt.Sprintf("p%d", i%9)
			r.Section = "第" + fmt.Sprint(i%9) + "条"
		} else {
			r.ID = fmt.Sprintf("gen/%d", i/9)
			r.DocNumber = fmt.Sprintf("昆民发〔20%02d〕%d号", i%25, i)
			r.DocKey = r.DocNumber
			r.Issuers = []string{"市民政局", "市财政局"}[:1+i%2]
			r.Topics = []string{"低保"}
		}
		if i%4 == 0 {
			r.Date = searchtest.Day(fmt.Sprintf("20%02d-0%d-1%d", 10+i%15, 1+i%9, i%10))
			r.Departments = []string{"区民政局"}
			r.Village = "团结村"
		}
		if i%50 == 7 {
			r.Body = ""
		}
		if i%30 == 5 {
			r.Parts = []mapping.Part{{Anchor: "p1", Offset: 0}, {Anchor: "p2", Section: "二", Offset: 3}}
		}
		recs = append(recs, r)
	}
	return recs
}

// TestSegmentDocMatchesBleve: a segment written by zapwrite from
// segmentDocs is byte for byte the segment zapx writes from the documents
// bleve's mapping makes of the same records. Everything reading the index
// relies on this.
func TestSegmentDocMatchesBleve(t *testing.T) {
	m, err := mapping.New()
	if err != nil {
		t.Fatal(err)
	}
	sd, err := newSegmentDocs(m)
	if err != nil {
		t.Fatal(err)
	}
	recs := segdocRecords(t)
	b := zapwrite.NewBuilder()
	docs := make([]index.Document, len(recs))
	// One arena for every record, as a Writer reuses them: a token that
	// outlived its record would show as a difference from bleve's segment.
	var arena ganalysis.Arena
	for i, r := range recs {
		d, err := sd.doc(r, &arena)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Add(d); err != nil {
			t.Fatal(err)
		}
		arena.Reset()
		bd := document.NewDocument(r.ID)
		if err := m.MapDocument(bd, mapping.Fields(r)); err != nil {
			t.Fatal(err)
		}
		bd.AddIDField()
		bd.VisitFields(func(f index.Field) {
			if f.Options().IsIndexed() {
				f.Analyze()
			}
		})
		docs[i] = bd
	}
	got, err := b.Segment()
	if err != nil {
		t.Fatal(err)
	}
	zaptest.Same(t, zaptest.ZapBytes(t, docs), zaptest.FileBytes(t, got))
}
