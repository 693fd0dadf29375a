package static

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"
)

// TestReadsSegmentsAndDeletions holds the export's own reading (terms,
// postings, stored fields straight from the segments) to bleve's on a shard
// the build never makes: several segments, some records deleted, one added.
func TestReadsSegmentsAndDeletions(t *testing.T) {
	dir := buildIndex(t, corpusRecords(t)[:60])
	shardDir := filepath.Join(dir, "shard-1")
	bi, err := bleve.Open(shardDir)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := shardIDs(bi)
	if err != nil || len(ids) < 10 {
		t.Fatalf("shard-1 has %d records: %v", len(ids), err)
	}
	b := bi.NewBatch()
	for _, id := range []string{ids[0], ids[3], ids[len(ids)-1]} {
		b.Delete(id)
	}
	if err := b.Index("/added/", map[string]any{
		"href": "/added/", "title": "新增记录", "body": "低保资金按月发放。刘  智同志", "chars": "低保资金", "type": "policies",
	}); err != nil {
		t.Fatal(err)
	}
	if err := bi.Batch(b); err != nil {
		t.Fatal(err)
	}
	if err := bi.Close(); err != nil {
		t.Fatal(err)
	}

	src, err := openSource(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer src.close()
	if n := len(src.shards[1].segs); n < 2 {
		t.Logf("shard-1 was merged into %d segment; deletions are still checked", n)
	}
	recs, err := src.readRecords()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for gid, r := range recs {
		found = found || r.id == "/added/"
		sh := src.shards[0]
		if gid >= src.shards[1].base {
			sh = src.shards[1]
		}
		checkStored(t, sh, r)
	}
	if !found {
		t.Fatal("the added record was not read")
	}
	for _, spec := range exportFields {
		terms, err := src.termsOf(spec.Name)
		if err != nil {
			t.Fatal(err)
		}
		if want := bleveTerms(t, src, spec.Name); !slices.Equal(terms, want) {
			t.Fatalf("%s: listed %d terms, bleve's FieldDict %d", spec.Name, len(terms), len(want))
		}
		fe := fieldEncoding{spec: spec, blocks: &blockStarts{at: make([]int32, src.records+1)}, normCache: normTable()}
		pr, err := src.newPostingsReader(fe)
		if err != nil {
			t.Fatal(err)
		}
		for _, term := range terms {
			want, df := blevePostings(t, src, term, spec.Name, spec.Positions)
			ps, enc, gotDF, err := pr.postingsOf(term)
			if err != nil {
				t.Fatal(err)
			}
			if got := plainPostings(t, spec, ps, enc); !slices.EqualFunc(got, want, samePosting) || !slices.Equal(gotDF, df) {
				t.Fatalf("%s %q: read from segments as %v %v, bleve has %v %v", spec.Name, term, got, gotDF, want, df)
			}
		}
	}
}

func shardIDs(bi bleve.Index) ([]string, error) {
	adv, err := bi.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	it, err := r.DocIDReaderAll()
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var ids []string
	for {
		id, err := it.Next()
		if id == nil || err != nil {
			return ids, err
		}
		ext, err := r.ExternalID(id)
		if err != nil {
			return nil, err
		}
		ids = append(ids, ext)
	}
}

// checkStored compares a record read from the segments with bleve's
// Document for its ID.
func checkStored(t *testing.T, sh *shard, r record) {
	t.Helper()
	doc, err := sh.reader.Document(r.id)
	if err != nil || doc == nil {
		t.Fatalf("record %q: bleve finds %v, %v", r.id, doc, err)
	}
	want := map[string]string{}
	doc.VisitFields(func(f index.Field) { want[f.Name()] = string(f.Value()) })
	got := map[string]string{fieldHref: r.href, fieldType: r.typ, fieldBody: r.body, fieldSection: r.section}
	for name, v := range got {
		if v != want[name] {
			t.Errorf("record %q: %s is %q, bleve has %q", r.id, name, v, want[name])
		}
	}
	if want[fieldTitle] != "" && r.title != want[fieldTitle] || want[fieldTitle] == "" && r.title != want[fieldShown] {
		t.Errorf("record %q: title %q, bleve has %q / %q", r.id, r.title, want[fieldTitle], want[fieldShown])
	}
}
