package static

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"io"
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/analysis"
	"github.com/spf13/afero"
)

// foldRecords join the client's fixture (TestClientAgainstServer): a law in
// traditional characters and a page in simplified ones, which queries in
// either must both find, with the same snippets on both sides.
func foldRecords() []search.Record {
	trad := search.Record{ID: "/laws/wangan/", URL: "/laws/wangan/", Type: "laws", Title: "中華人民共和國網絡安全法",
		Body: "第一條\u3000為了保障網絡安全，維護網絡空間主權和國家安全、社會公共利益，保護公民、法人和其他組織的合法權益，促進經濟社會信息化健康發展，制定本法。\n\n" +
			"第二條\u3000在中華人民共和國境內建設、運營、維護和使用網絡，以及網絡安全的監督管理，適用本法。乾坤已定，後來居上。"}
	simp := search.Record{ID: "/laws/dengbao/", URL: "/laws/dengbao/", Type: "laws", Title: "网络安全等级保护条例",
		Body: "为了保障网络安全，维护国家安全和社会公共利益，制定本条例。干部应当发挥带头作用。社\u0301区服务另行规定。"}
	return []search.Record{trad, simp}
}

// foldEngineCases: a simplified query first, so the client reads the fold
// table for a body it shows; js_test/analysis.test.mjs asks 網絡空間 of a
// fresh client, which reads it for the query.
var foldEngineCases = []string{
	"q=网络安全", "q=網絡空間", "q=網絡安全法", "q=国家安全 社會公共利益", "q=\"組織的合法權益\"", "q=國",
	"q=乾坤", "q=干部", "q=后来", "q=後來",
}

// foldAnalysisStrings hold every character the fold table maps, a hundred
// to a string, for the client's analysis to fold as the index's does.
func foldAnalysisStrings() []string {
	var out []string
	var s []rune
	for _, p := range analysis.TraditionalPairs() {
		if s = append(s, p[0]); len(s) == 100 {
			out, s = append(out, string(s)), nil
		}
	}
	return append(out, string(s), "國發〔2017〕13號", "ａｂｃ網絡 網絡。網")
}

// TestFoldExport reads the fold table back from the export's two files.
func TestFoldExport(t *testing.T) {
	fs := afero.NewMemMapFs()
	man, err := Export(buildIndex(t, foldRecords()), fs, "/out")
	if err != nil {
		t.Fatal(err)
	}
	var keys, values []byte
	for name, dst := range map[string]*[]byte{man.Fold.Keys: &keys, man.Fold.Values: &values} {
		if filepath.Dir(name) != "f" {
			t.Fatalf("fold file %q", name)
		}
		data, err := afero.ReadFile(fs, "/out/"+name)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if *dst, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d bytes, %d gzipped", name, len(*dst), len(data))
	}
	var got [][2]rune
	prev := int64(foldFirst)
	for i := range len(keys) * 8 {
		if keys[i>>3]&(1<<(i&7)) == 0 {
			continue
		}
		d, n := binary.Varint(values)
		if n <= 0 {
			t.Fatalf("values end after %d pairs", len(got))
		}
		values, prev = values[n:], prev+d
		got = append(got, [2]rune{rune(foldFirst + i), rune(prev)})
	}
	want := analysis.TraditionalPairs()
	if len(values) != 0 || len(got) != len(want) {
		t.Fatalf("decoded %d pairs (%d bytes left), want %d", len(got), len(values), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("pair %d = %c%c, want %c%c", i, got[i][0], got[i][1], want[i][0], want[i][1])
		}
	}
}
