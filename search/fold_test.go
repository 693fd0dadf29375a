package search

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/search/analysis"
	"github.com/gongkai/gongkai/search/mapping"
)

// TestTraditionalSimplified: a page in traditional characters is found by a
// query in simplified ones and the other way round, with the matching text
// marked; characters that are simplified in their own right stay apart.
func TestTraditionalSimplified(t *testing.T) {
	ix := buildIndex(t, Options{},
		mapping.Record{ID: "trad", URL: "/trad/", Title: "中華人民共和國網絡安全法", Type: "law", DocNumber: "國發〔2016〕53號",
			Body: "第一條\u3000為了保障網絡安全，維護網絡空間主權和國家安全，制定本法。各級幹部應當帶頭。"},
		mapping.Record{ID: "simp", URL: "/simp/", Title: "网络安全等级保护条例", Type: "law",
			Body: "为了保障网络安全，制定本条例。乾坤已定，干部带头。"},
	)
	tests := []struct {
		q       string
		want    []string
		snippet string // of the first hit
	}{
		{"网络安全", []string{"/simp/", "/trad/"}, ""},
		{"網絡安全", []string{"/simp/", "/trad/"}, ""},
		{"网络空间", []string{"/trad/"}, "維護<mark>網絡空間</mark>主權"},
		{"網絡空間", []string{"/trad/"}, "維護<mark>網絡空間</mark>主權"},
		{"中华人民共和国网络安全法", []string{"/trad/"}, ""},
		{"国发〔2016〕53号", []string{"/trad/"}, ""},
		{"國發[2016]53號", []string{"/trad/"}, ""},
		{`"维护网络空间主权"`, []string{"/trad/"}, "<mark>維護網絡空間主權</mark>"},
		{"干部", []string{"/simp/", "/trad/"}, ""},      // 幹 folds to 干
		{"乾坤", []string{"/simp/"}, "<mark>乾坤</mark>"}, // 乾 is simplified too: never 干坤
		{"干坤", nil, ""},
		{"國", []string{"/trad/"}, ""},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), Request{Query: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.URL)
		}
		sort.Strings(got)
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q = %v, want %v", tt.q, got, tt.want)
			continue
		}
		if tt.snippet != "" && !strings.Contains(string(res.Hits[0].Snippet), tt.snippet) {
			t.Errorf("%q: snippet %s, want %s", tt.q, res.Hits[0].Snippet, tt.snippet)
		}
	}
}

// TestPhraseTotalsEqualSubstringCounts: on simplified text, which the fold
// leaves as it is, the total of an exact phrase equals a plain substring
// count over the indexed text (bench/staticsearch makes the same check on a
// built site). Phrases are random Han substrings of the example site's
// documents, half of them holding a character that is a simplified form in
// the fold table (发, 后, 里 …).
func TestPhraseTotalsEqualSubstringCounts(t *testing.T) {
	var bodies []string
	err := filepath.WalkDir("../content", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			bodies = append(bodies, string(data))
		}
		return err
	})
	if err != nil || len(bodies) < 10 {
		t.Fatalf("example content: %d files, %v", len(bodies), err)
	}
	var recs []mapping.Record
	for i, b := range bodies {
		url := fmt.Sprintf("/d%03d/", i)
		recs = append(recs, mapping.Record{ID: url, URL: url, Type: "page", Body: b})
	}
	ix := buildIndex(t, Options{Synonyms: [][]string{}}, recs...)
	// What a phrase is a plain substring of: the text as written, with only
	// the inline spaces between two Han characters dropped ("刘  智").
	padded := regexp.MustCompile(`(\p{Han})[ \t\x{a0}\x{3000}\x{2002}\x{2003}\x{2009}]+(\p{Han})`)
	texts := make([]string, len(bodies))
	for i, b := range bodies {
		for texts[i] = b; padded.MatchString(texts[i]); {
			texts[i] = padded.ReplaceAllString(texts[i], "$1$2")
		}
		if analysis.FoldTraditional(b) != b {
			t.Errorf("%s has characters the fold changes: the example site is in simplified characters", recs[i].URL)
		}
	}
	simplifiedForms := map[rune]bool{}
	for _, p := range analysis.TraditionalPairs() {
		simplifiedForms[p[1]] = true
	}
	rng := rand.New(rand.NewSource(14))
	checked, withForms := 0, 0
	for tries := 0; checked < 300 && tries < 100000; tries++ {
		rs := []rune(texts[rng.Intn(len(texts))])
		n := 2 + rng.Intn(5)
		if len(rs) <= n {
			continue
		}
		at := rng.Intn(len(rs) - n)
		phrase := rs[at : at+n]
		forms := false
		for _, r := range phrase {
			forms = forms || simplifiedForms[r]
			if !analysis.IsHan(r) {
				phrase = nil
				break
			}
		}
		if phrase == nil || (!forms && checked%2 == 1) { // half the phrases hold a simplified form of the table
			continue
		}
		q := string(phrase)
		want := 0
		for _, text := range texts {
			if strings.Contains(text, q) {
				want++
			}
		}
		res, err := ix.Search(context.Background(), Request{Query: `"` + q + `"`})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != want {
			t.Errorf("%q: total %d, substring count %d", q, res.Total, want)
		}
		checked++
		if forms {
			withForms++
		}
	}
	if checked < 300 || withForms < 150 {
		t.Fatalf("checked %d phrases, %d with simplified forms of the table", checked, withForms)
	}
}
