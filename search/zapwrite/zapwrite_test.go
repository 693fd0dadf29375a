package zapwrite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	index "github.com/blevesearch/bleve_index_api"
	zap "github.com/blevesearch/zapx/v15"
	"github.com/gongkai/gongkai/search/zapwrite/zaptest"
)

// testAnalyzer splits on spaces and, like gongkai's analyzer, drops byte
// offsets (term vectors keep positions only).
const testAnalyzer = "zapwrite_test"

func init() {
	_ = registry.RegisterAnalyzer(testAnalyzer, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return analyzerFunc(func(in []byte) analysis.TokenStream {
			toks := unicode.NewUnicodeTokenizer().Tokenize(in)
			for _, t := range toks {
				t.Start, t.End = 0, 0
			}
			return toks
		}), nil
	})
}

type analyzerFunc func([]byte) analysis.TokenStream

func (f analyzerFunc) Analyze(in []byte) analysis.TokenStream { return f(in) }

func testMapping(t testing.TB) *mapping.IndexMappingImpl {
	im := bleve.NewIndexMapping()
	im.IndexDynamic, im.StoreDynamic, im.DocValuesDynamic = false, false, false
	doc := bleve.NewDocumentStaticMapping()
	text := func(store, tv bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer, f.Store, f.IncludeTermVectors, f.IncludeInAll, f.DocValues = testAnalyzer, store, tv, false, false
		return f
	}
	kw := func(store, dv bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer, f.Store, f.IncludeTermVectors, f.IncludeInAll, f.DocValues = keyword.Name, store, false, false, dv
		return f
	}
	doc.AddFieldMappingsAt("body", text(true, true))
	doc.AddFieldMappingsAt("title", text(true, true))
	doc.AddFieldMappingsAt("chars", text(false, false))
	doc.AddFieldMappingsAt("tag", kw(false, true))
	doc.AddFieldMappingsAt("kind", kw(true, true))
	doc.AddFieldMappingsAt("key", kw(false, false))
	stored := bleve.NewKeywordFieldMapping()
	stored.Index, stored.Store, stored.IncludeInAll, stored.DocValues = false, true, false, false
	doc.AddFieldMappingsAt("href", stored)
	date := bleve.NewDateTimeFieldMapping()
	date.IncludeInAll = false
	doc.AddFieldMappingsAt("date", date)
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	im.DefaultMapping = doc
	if err := im.Validate(); err != nil {
		t.Fatal(err)
	}
	return im
}

// testRecords makes n documents whose terms follow a skewed distribution,
// so some postings lists span several chunks and others hold one document.
func testRecords(n int, seed uint64) []map[string]interface{} {
	r := rand.New(rand.NewPCG(seed, 1))
	word := func() string {
		k := int(r.ExpFloat64() * 40)
		return fmt.Sprintf("w%d", k)
	}
	recs := make([]map[string]interface{}, n)
	for i := range recs {
		var body []string
		for j := 0; j < 1+r.IntN(60); j++ {
			body = append(body, word())
		}
		rec := map[string]interface{}{
			"body": strings.Join(body, " "),
			"href": fmt.Sprintf("/p/%d/#s%d", i/7, i%7),
		}
		if i%7 == 0 {
			rec["title"] = word() + " " + word()
			rec["key"] = []string{fmt.Sprintf("K%d", i), "shared"}
		}
		if r.IntN(3) > 0 {
			rec["chars"] = strings.Join(body[:len(body)/2], " ")
		}
		if r.IntN(4) > 0 {
			rec["tag"] = []string{word(), word()}
			rec["kind"] = []string{"通知", "意见", "办法"}[r.IntN(3)]
		}
		if r.IntN(5) > 0 {
			rec["date"] = time.Date(2000+r.IntN(25), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		}
		if i%500 == 3 {
			rec["body"] = "" // an empty indexed value still defines the field
		}
		recs[i] = rec
	}
	return recs
}

// bleveDocs maps and analyses records as bleve's builder does.
func bleveDocs(t testing.TB, im *mapping.IndexMappingImpl, recs []map[string]interface{}) []index.Document {
	docs := make([]index.Document, len(recs))
	for i, rec := range recs {
		d := document.NewDocument(fmt.Sprintf("doc-%05d", i))
		if err := im.MapDocument(d, rec); err != nil {
			t.Fatal(err)
		}
		d.AddIDField()
		d.VisitFields(func(f index.Field) {
			if f.Options().IsIndexed() {
				f.Analyze()
			}
		})
		docs[i] = d
	}
	return docs
}

// fromBleve rebuilds a Doc from an analysed bleve document: each term
// once per occurrence, with its positions in order.
func fromBleve(d index.Document) Doc {
	out := Doc{ID: d.ID()}
	d.VisitFields(func(f index.Field) {
		if f.Name() == "_id" {
			return
		}
		o := f.Options()
		zf := Field{Name: f.Name(), Index: o.IsIndexed(), Store: o.IsStored(), TermVectors: o.IncludeTermVectors(),
			DocValues: o.IncludeDocValues(), Value: f.Value(), Type: f.EncodedFieldType(), ArrayPositions: f.ArrayPositions()}
		for term, tf := range f.AnalyzedTokenFrequencies() {
			if len(tf.Locations) > 0 {
				for _, l := range tf.Locations {
					zf.Tokens = append(zf.Tokens, &analysis.Token{Term: []byte(term), Position: l.Position})
				}
				continue
			}
			for range tf.Frequency() {
				zf.Tokens = append(zf.Tokens, &analysis.Token{Term: []byte(term)})
			}
		}
		out.Fields = append(out.Fields, zf)
	})
	return out
}

func TestSegmentMatchesZap(t *testing.T) {
	im := testMapping(t)
	defer func(n int) { writerBlock = n }(writerBlock)
	writerBlock = 1000 // many blocks, and values larger than one
	for _, n := range []int{1, 2, 1023, 1024, 1025, 3000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			docs := bleveDocs(t, im, testRecords(n, uint64(n)))
			// Before zapx runs: it merges a list's term frequencies into
			// its first value's, in place.
			b, b2 := NewBuilder(), NewBuilder()
			for _, d := range docs {
				if err := b.Add(fromBleve(d)); err != nil {
					t.Fatal(err)
				}
				if err := b2.Add(fromBleve(d)); err != nil {
					t.Fatal(err)
				}
			}
			want := zaptest.ZapBytes(t, docs)
			got, err := b.Segment()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "seg.zap")
			if err := b2.WriteFile(path); err != nil {
				t.Fatal(err)
			}
			file, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(want, file) {
				t.Fatalf("WriteFile wrote %d bytes, not zapx's %d", len(file), len(want))
			}
			zaptest.Same(t, want, zaptest.FileBytes(t, got))
		})
	}
}

func TestWriteIndexOpensInBleve(t *testing.T) {
	im := testMapping(t)
	recs := testRecords(200, 7)
	docs := bleveDocs(t, im, recs)
	b := NewBuilder()
	for _, d := range docs {
		if err := b.Add(fromBleve(d)); err != nil {
			t.Fatal(err)
		}
	}
	mj, err := json.Marshal(im)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "ix")
	if err := b.WriteIndex(dir, mj); err != nil {
		t.Fatal(err)
	}
	ix, err := bleve.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	n, err := ix.DocCount()
	if err != nil || n != 200 {
		t.Fatalf("DocCount = %d, %v; want 200", n, err)
	}
	words := strings.Fields(recs[1]["body"].(string))
	phrase := bleve.NewMatchPhraseQuery(strings.Join(words[:min(3, len(words))], " "))
	phrase.SetField("body")
	res, err := ix.Search(bleve.NewSearchRequest(phrase))
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 {
		t.Fatal("phrase query found nothing")
	}
	// A later update goes through the same plugin and merges with the
	// written segment.
	batch := ix.NewBatch()
	_ = batch.Index("new", map[string]interface{}{"body": "zzz w1"})
	if err := ix.Batch(batch); err != nil {
		t.Fatal(err)
	}
	term := bleve.NewTermQuery("zzz")
	term.SetField("body")
	res, err = ix.Search(bleve.NewSearchRequest(term))
	if err != nil || res.Total != 1 {
		t.Fatalf("after update: %v hits, %v", res.Total, err)
	}
}

func TestAddRefuses(t *testing.T) {
	cases := map[string]Doc{
		"reserved name": {ID: "a", Fields: []Field{{Name: IDField}}},
		"offsets":       {ID: "a", Fields: []Field{{Name: "x", Index: true, TermVectors: true, Tokens: analysis.TokenStream{{Term: []byte("t"), End: 1}}}}},
		"list with tv":  {ID: "a", Fields: []Field{{Name: "x", Index: true, TermVectors: true, ArrayPositions: []uint64{0}}}},
		"mixed tv":      {ID: "a", Fields: []Field{{Name: "x", Index: true, TermVectors: true}, {Name: "x", Index: true}}},
	}
	for name, d := range cases {
		if err := NewBuilder().Add(d); err == nil {
			t.Errorf("%s: Add accepted %+v", name, d)
		}
	}
	if _, err := NewBuilder().Segment(); err == nil {
		t.Error("Segment of no documents succeeded")
	}
}

// FuzzSegmentMatchesZap compares the two writers on generated documents,
// and the postings a Builder keeps with those its segment holds.
func FuzzSegmentMatchesZap(f *testing.F) {
	im := testMapping(f)
	f.Add(uint16(5), uint64(1))
	f.Add(uint16(1100), uint64(2))
	f.Fuzz(func(t *testing.T, n uint16, seed uint64) {
		docs := bleveDocs(t, im, testRecords(1+int(n)%1500, seed))
		b := NewBuilder()
		b.KeepPostings()
		for _, d := range docs {
			if err := b.Add(fromBleve(d)); err != nil {
				t.Fatal(err)
			}
		}
		want := zaptest.ZapBytes(t, docs)
		got, err := b.Segment()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want, zaptest.FileBytes(t, got)) {
			t.Fatalf("%d docs, seed %d: segments differ", len(docs), seed)
		}
		for _, name := range got.Fields() {
			checkKeptField(t, got, b.Postings(), name)
		}
	})
}

// BenchmarkBuilder inverts and writes 2,000 generated documents.
func BenchmarkBuilder(b *testing.B) {
	docs := bleveDocs(b, testMapping(b), testRecords(2000, 3))
	zdocs := make([]Doc, len(docs))
	for i, d := range docs {
		zdocs[i] = fromBleve(d)
	}
	b.ResetTimer()
	for range b.N {
		bl := NewBuilder()
		for _, d := range zdocs {
			if err := bl.Add(d); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := bl.Segment(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkZapNew is zapx's own writer on the same documents, for comparison.
func BenchmarkZapNew(b *testing.B) {
	im := testMapping(b)
	recs := testRecords(2000, 3)
	for range b.N {
		b.StopTimer()
		docs := bleveDocs(b, im, recs)
		b.StartTimer()
		if _, _, err := (&zap.ZapPlugin{}).New(docs); err != nil {
			b.Fatal(err)
		}
	}
}

// TestKeptPostingsMatchSegment reads every field's terms and postings back
// from a written segment and holds the kept postings to them.
func TestKeptPostingsMatchSegment(t *testing.T) {
	im := testMapping(t)
	for _, n := range []int{1, 1025} {
		b := NewBuilder()
		b.KeepPostings()
		for _, d := range bleveDocs(t, im, testRecords(n, uint64(n))) {
			if err := b.Add(fromBleve(d)); err != nil {
				t.Fatal(err)
			}
		}
		seg, err := b.Segment()
		if err != nil {
			t.Fatal(err)
		}
		kept := b.Postings()
		if kept == nil || kept.Docs() != n || kept.ID(n-1) != fmt.Sprintf("doc-%05d", n-1) {
			t.Fatalf("%d docs: kept %+v", n, kept)
		}
		for _, name := range seg.Fields() {
			checkKeptField(t, seg, kept, name)
		}
		if kept.Field("no such field") != nil {
			t.Error("kept postings for a field no document has")
		}
	}
	if NewBuilder().Postings() != nil {
		t.Error("a Builder keeps postings without KeepPostings")
	}
}

func checkKeptField(t *testing.T, seg *zap.SegmentBase, kept *Postings, name string) {
	t.Helper()
	dict, err := seg.Dictionary(name)
	if err != nil {
		t.Fatal(err)
	}
	var terms []string
	it := dict.AutomatonIterator(nil, nil, nil)
	for e, err := it.Next(); e != nil || err != nil; e, err = it.Next() {
		if err != nil {
			t.Fatal(err)
		}
		terms = append(terms, e.Term)
	}
	fp := kept.Field(name)
	if fp == nil {
		if len(terms) > 0 {
			t.Fatalf("%s: %d terms in the segment, none kept", name, len(terms))
		}
		return
	}
	if !slices.Equal(fp.Terms(), terms) {
		t.Fatalf("%s: kept terms %q, segment has %q", name, fp.Terms(), terms)
	}
	for i, term := range terms {
		pl, err := dict.PostingsList([]byte(term), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := pl.Iterator(true, true, true, nil)
		got := fp.List(i)
		for {
			wp, err := want.Next()
			if err != nil {
				t.Fatal(err)
			}
			gp, ok := got.Next()
			if (wp == nil) != !ok {
				t.Fatalf("%s %q: segment posting %v, kept %+v", name, term, wp, gp)
			}
			if wp == nil {
				break
			}
			var pos []uint32
			for _, l := range wp.Locations() {
				pos = append(pos, uint32(l.Pos()))
			}
			norm := wp.(*zap.Posting).NormUint64()
			if uint64(gp.Doc) != wp.Number() || uint64(gp.Freq) != wp.Frequency() || uint64(gp.Norm) != norm || !slices.Equal(gp.Positions, pos) {
				t.Fatalf("%s %q: segment has doc %d freq %d norm %d positions %v, kept %+v",
					name, term, wp.Number(), wp.Frequency(), norm, pos, gp)
			}
		}
	}
}
