package static

import (
	"maps"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spf13/afero"
)

// TestExportRoundTrip checks that every posting list and every record of a
// real two-shard index reads back from the export exactly as bleve has it.
func TestExportRoundTrip(t *testing.T) {
	dir := buildIndex(t, corpusRecords(t))
	fs, man := exportTiny(t, dir)
	rd, err := OpenReader(fs, "/static")
	if err != nil {
		t.Fatal(err)
	}
	src, err := openSource(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer src.close()
	if man.Records != src.records || len(man.Shards) != 2 {
		t.Fatalf("manifest: %d records in %d shards, index has %d", man.Records, len(man.Shards), src.records)
	}
	recs, err := src.readRecords()
	if err != nil {
		t.Fatal(err)
	}
	long := map[int]bool{}
	forms := map[string]int{}
	urls := map[string]bool{}
	for _, r := range recs {
		urls[docURL(r.href)] = true
	}
	docs := slices.Sorted(maps.Keys(urls))
	for gid := range recs {
		got, err := rd.Record(gid)
		if err != nil {
			t.Fatalf("record %d: %v", gid, err)
		}
		want := recs[gid]
		if got.ID != want.id || got.Href != want.href || got.Title != want.title || got.Section != want.section || got.DocNumber != want.docNumber || got.Body != want.body {
			t.Fatalf("record %d reads back as %+v", gid, got)
		}
		if len(got.Parts) != len(want.parts) {
			t.Errorf("record %d: %d parts, want %d", gid, len(got.Parts), len(want.parts))
		}
		if got.BodyRunes != len([]rune(want.body)) {
			t.Errorf("record %d: %d body runes, want %d", gid, got.BodyRunes, len([]rune(want.body)))
		}
		if want.hasDate != !got.Date.IsZero() || (want.hasDate && got.Date.Unix() != want.date) {
			t.Errorf("record %d: date %v, want %d", gid, got.Date, want.date)
		}
		for f, name := range groupFields {
			if !slices.Equal(got.Facets[name], want.facets[f]) {
				t.Errorf("record %d: %s = %v, want %v", gid, name, got.Facets[name], want.facets[f])
			}
		}
		// The document table: numbers in URL byte order, the record without
		// anchor as the document record.
		if d := docs[got.Doc]; d != docURL(want.href) {
			t.Errorf("record %d (%s): document %d is %s", gid, want.href, got.Doc, d)
		}
		if isDoc := !strings.Contains(want.href, "#"); isDoc != (got.DocRecord == gid) {
			t.Errorf("record %d (%s): document record %d", gid, want.href, got.DocRecord)
		}
		if len(got.Blocks) > 1 {
			long[gid] = true
		}
	}
	if len(long) == 0 {
		t.Fatal("no record has a long body; the test corpus no longer exercises blocks")
	}
	for fi, spec := range exportFields {
		// Every body in one block: this reader's output is checked for
		// gids, lengths and positions; the export's checks the blocks.
		fe := fieldEncoding{spec: spec, blocks: &blockStarts{at: make([]int32, src.records+1)}, normCache: normTable()}
		pr, err := src.newPostingsReader(fe)
		if err != nil {
			t.Fatal(err)
		}
		terms, err := src.termsOf(spec.Name)
		if err != nil {
			t.Fatal(err)
		}
		if want := bleveTerms(t, src, spec.Name); !slices.Equal(terms, want) {
			t.Fatalf("%s: listed %d terms, bleve's FieldDict %d", spec.Name, len(terms), len(want))
		}
		for _, term := range terms {
			want, df := blevePostings(t, src, term, spec.Name, spec.Positions)
			ps, enc, fastDF, err := pr.postingsOf(term)
			if err != nil {
				t.Fatal(err)
			}
			fast := plainPostings(t, spec, ps, enc)
			if !slices.EqualFunc(fast, want, samePosting) || !slices.Equal(fastDF, df) {
				t.Fatalf("%s %q: read from segments as %v %v, bleve has %v %v", spec.Name, term, fast, fastDF, want, df)
			}
			entry, err := rd.Lookup(term)
			if err != nil {
				t.Fatalf("%s %q: %v", spec.Name, term, err)
			}
			got := entry[spec.Name]
			if got == nil {
				t.Fatalf("%s %q: not in the export", spec.Name, term)
			}
			forms[got.Form]++
			if !slices.Equal(got.DF, df) {
				t.Errorf("%s %q: df %v, want %v", spec.Name, term, got.DF, df)
			}
			checkPostings(t, fi, term, got, want, long)
		}
	}
	for _, form := range []string{"inline", "medium", "large"} {
		if forms[form] == 0 {
			t.Errorf("no list is %s (forms %v); adjust tinyLayout", form, forms)
		}
	}
	if len(man.Packs) < 3 {
		t.Errorf("only %d packs; tinyLayout should make several", len(man.Packs))
	}
}

func checkPostings(t *testing.T, fi int, term string, got *List, want []plainPosting, long map[int]bool) {
	t.Helper()
	spec := exportFields[fi]
	if len(got.Postings) != len(want) {
		t.Fatalf("%s %q: %d postings, want %d", spec.Name, term, len(got.Postings), len(want))
	}
	for i, p := range got.Postings {
		w := want[i]
		if p.GID != w.gid || p.TF != w.tf || p.Len != w.len || (spec.Positions && !slices.Equal(p.Pos, w.pos)) {
			t.Fatalf("%s %q posting %d: %+v, want %+v", spec.Name, term, i, p, w)
		}
		if spec.Blocks && p.Long != long[p.GID] {
			t.Fatalf("%s %q posting %d: long %v, want %v", spec.Name, term, i, p.Long, long[p.GID])
		}
	}
	if got.Form != "large" {
		return
	}
	// Impact blocks: the best postings, best first, agreeing with the details.
	byGID := map[int]Posting{}
	for _, p := range got.Postings {
		byGID[p.GID] = p
	}
	last := math.Inf(1)
	for _, p := range got.Impact {
		d, ok := byGID[p.GID]
		if !ok || d.TF != p.TF || d.Len != p.Len || d.FirstBlock != p.FirstBlock {
			t.Fatalf("%s %q: impact posting %+v disagrees with details %+v", spec.Name, term, p, d)
		}
		v := math.Sqrt(float64(p.TF)) * float64(normOf(p.Len))
		if v > last {
			t.Fatalf("%s %q: impact blocks out of order", spec.Name, term)
		}
		last = v
	}
	n := min(len(got.Postings), tinyLayout.impactCap)
	if len(got.Postings) <= tinyLayout.impactMin {
		n = 0
	}
	if len(got.Impact) != n {
		t.Fatalf("%s %q: %d impact postings, want %d", spec.Name, term, len(got.Impact), n)
	}
}

// TestPositionsMatchTheAnalyzer checks what blocks rest on: the blocks of a
// body, analysed one by one by the index's analyzer and shifted by the
// offsets blockOffsets counted, give exactly the tokens of the whole body.
func TestPositionsMatchTheAnalyzer(t *testing.T) {
	a, err := newTextAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	var bodies []string
	for _, r := range corpusRecords(t) {
		bodies = append(bodies, r.Body)
	}
	tricky := []string{
		strings.Repeat("低保资金按月发放。", 60) + "刘  智、张三\n" + strings.Repeat("第1条规定2018年3月1日起施行、ABC公司。\n", 40),
		strings.Repeat("甲乙丙丁、", 200),
		strings.Repeat("abc def 123、", 100) + strings.Repeat("中发〔2017〕13号。", 60),
		strings.Repeat("\n", 500) + strings.Repeat("字", 900),
		strings.Repeat("1,000.5元、v1.2版、e.g.例如、don't、3·15、12:30、Ⅳ级、x_y、ÉCOLE、カタカナ・ひらがな、ー长音。", 20),
		strings.Repeat("全角ＡＢＣ１２３、刘　智\u00a0王、", 60),
	}
	cut := 0
	for _, body := range append(bodies, tricky...) {
		blocks, runes := cutBlocks(body)
		if runes != utf8.RuneCountInString(body) {
			t.Fatalf("cutBlocks counts %d runes in a body of %d", runes, utf8.RuneCountInString(body))
		}
		if blocks == nil {
			continue
		}
		cut++
		type tok struct {
			term string
			pos  int
		}
		var whole []tok
		for _, tk := range a.Analyze([]byte(body)) {
			whole = append(whole, tok{string(tk.Term), tk.Position})
		}
		blockOffsets(blocks)
		starts := make([]int32, len(blocks))
		for k, b := range blocks {
			starts[k] = int32(b.pos)
		}
		var parts []tok
		text := ""
		for k, b := range blocks {
			text += b.text
			for _, tk := range a.Analyze([]byte(b.text)) {
				p := tok{string(tk.Term), tk.Position + b.pos}
				parts = append(parts, p)
				if blockOf(starts, p.pos) != k {
					t.Fatalf("position %d of block %d maps to block %d", p.pos, k, blockOf(starts, p.pos))
				}
			}
		}
		if text != body {
			t.Fatal("blocks do not join back into the body")
		}
		if !reflect.DeepEqual(parts, whole) {
			for i := range min(len(parts), len(whole)) {
				if parts[i] != whole[i] {
					t.Fatalf("blockwise token %d is %v, the whole body's %v (%d blocks)", i, parts[i], whole[i], len(blocks))
				}
			}
			t.Fatalf("blockwise analysis has %d tokens, the whole body %d", len(parts), len(whole))
		}
	}
	if cut < 20 {
		t.Fatalf("only %d bodies were cut", cut)
	}
}

func TestExportRefusesUsedDirectory(t *testing.T) {
	dir := buildIndex(t, corpusRecords(t)[:3])
	fs := afero.NewMemMapFs()
	if err := afero.WriteFile(fs, "/out/old.txt", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Export(dir, fs, "/out"); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("Export into a used directory: %v", err)
	}
	if _, err := Export(t.TempDir(), fs, "/fresh"); err == nil || !strings.Contains(err.Error(), "manifest.json") {
		t.Fatalf("Export of a folder that is no index: %v", err)
	}
}

func TestLengthOfNorm(t *testing.T) {
	for _, l := range []int{1, 2, 3, 17, 1000, 65535, 1 << 20, 1 << 22} {
		for _, norms := range [][]float32{nil, normTable()} {
			got, err := lengthOfNormIn(float64(normOf(l)), norms)
			if err != nil || got != l {
				t.Errorf("lengthOfNormIn(normOf(%d), %d norms) = %d, %v", l, len(norms), got, err)
			}
		}
	}
	for _, bad := range []float64{0, -1, 2, math.NaN(), float64(normOf(3)) * 1.01} {
		if _, err := lengthOfNormIn(bad, normTable()); err == nil {
			t.Errorf("lengthOfNormIn(%v) accepted", bad)
		}
	}
}
