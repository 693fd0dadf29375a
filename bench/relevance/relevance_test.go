package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseCases(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Case
		err        string
	}{
		{"dev format", "# comment\n\n村民委员会组织法 第十一条\t村民委员会组织法(2018-12-29)\t第十一条\n网安法\t网络安全法(2016-11-07)\n",
			[]Case{{3, "村民委员会组织法 第十一条", "村民委员会组织法(2018-12-29)", "第十一条"}, {4, "网安法", "网络安全法(2016-11-07)", ""}}, ""},
		{"CRLF, empty anchor column, # and encoded anchor", "a b\tx\t\r\nc\ty\t#%E7%AC%AC%E4%B8%89%E6%9D%A1\r\n",
			[]Case{{1, "a b", "x", ""}, {2, "c", "y", "第三条"}}, ""},
		{"space instead of tab", "网安法 网络安全法\n", nil, "q.tsv:1:"},
		{"missing query", "\tx\n", nil, "q.tsv:1:"},
		{"four columns", "a\tb\tc\td\n", nil, "q.tsv:1:"},
		{"nothing", "# only\n", nil, "没有查询"},
	}
	for _, tt := range tests {
		got, err := ParseCases("q.tsv", tt.text)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, %v; want %+v", tt.name, got, err, tt.want)
		}
	}
}

func TestJudge(t *testing.T) {
	docs := Docs{byURL: map[string]string{
		"/宪法相关法/村民委员会组织法(2018-12-29)/":              "宪法相关法/村民委员会组织法(2018-12-29).md",
		"/DLC/北京/北京市实施《村民委员会组织法》的若干规定(2012-09-28)/": "DLC/北京/北京市实施《村民委员会组织法》的若干规定(2012-09-28).md",
		"/行政法/网络安全法(2016-11-07)/":                   "行政法/网络安全法(2016-11-07).md",
		"/policies/kunming/": "policies/2018-kunming-shequ-zhili.md", // a slug in front matter
	}}
	law := Case{Query: "村民委员会组织法 第十一条", Expect: "村民委员会组织法(2018-12-29)", Anchor: "第十一条"}
	beijing := "/DLC/北京/北京市实施《村民委员会组织法》的若干规定(2012-09-28)/"
	tests := []struct {
		name string
		c    Case
		hits []Hit
		want Score
	}{
		{"first, anchor right", law, []Hit{{URL: "/宪法相关法/村民委员会组织法(2018-12-29)/#第十一条"}},
			Score{1, "ok", "宪法相关法/村民委员会组织法(2018-12-29).md#第十一条"}},
		{"percent-encoded URL and fragment", law, []Hit{{URL: "http://127.0.0.1:1/%E5%AE%AA%E6%B3%95%E7%9B%B8%E5%85%B3%E6%B3%95/%E6%9D%91%E6%B0%91%E5%A7%94%E5%91%98%E4%BC%9A%E7%BB%84%E7%BB%87%E6%B3%95(2018-12-29)/#%E7%AC%AC%E5%8D%81%E4%B8%80%E6%9D%A1"}},
			Score{1, "ok", "宪法相关法/村民委员会组织法(2018-12-29).md#第十一条"}},
		{"wrong article", law, []Hit{{URL: "/宪法相关法/村民委员会组织法(2018-12-29)/#第十二条"}},
			Score{1, "wrong", "宪法相关法/村民委员会组织法(2018-12-29).md#第十二条"}},
		{"right fragment on another document", law, []Hit{{URL: beijing + "#第十一条"}, {URL: "/宪法相关法/村民委员会组织法(2018-12-29)/#第二条"}},
			Score{2, "wrong", "DLC/北京/北京市实施《村民委员会组织法》的若干规定(2012-09-28).md#第十一条"}},
		{"records of one document count once", law, []Hit{{URL: beijing + "#第一条"}, {URL: beijing + "#第二条"}, {URL: beijing}, {URL: "/a/"}, {URL: "/宪法相关法/村民委员会组织法(2018-12-29)/"}},
			Score{3, "wrong", "DLC/北京/北京市实施《村民委员会组织法》的若干规定(2012-09-28).md#第一条"}},
		{"fourth document is not in the top 3", law, []Hit{{URL: "/a/"}, {URL: "/b/"}, {URL: "/c/"}, {URL: "/宪法相关法/村民委员会组织法(2018-12-29)/#第十一条"}},
			Score{4, "wrong", "/a/"}},
		{"document hit with parts beneath", law, []Hit{{URL: "/宪法相关法/村民委员会组织法(2018-12-29)/", Parts: []string{"/宪法相关法/村民委员会组织法(2018-12-29)/#第十一条", "/宪法相关法/村民委员会组织法(2018-12-29)/#第二条"}}},
			Score{1, "ok", "宪法相关法/村民委员会组织法(2018-12-29).md#第十一条"}},
		{"no hits", law, nil, Score{0, "wrong", ""}},
		{"no anchor asked", Case{Query: "网安法", Expect: "网络安全法(2016-11-07)"}, []Hit{{URL: "/x/"}, {URL: "/行政法/网络安全法(2016-11-07)/#第一条"}},
			Score{2, "-", "/x/"}},
		{"URL unknown to the content folder: its path stands in", Case{Query: "q", Expect: "其他/某 法"}, []Hit{{URL: "/其他/某-法/"}},
			Score{1, "-", "/其他/某-法/"}},
		{"slug from front matter", Case{Query: "昆明", Expect: "2018-kunming-shequ-zhili"}, []Hit{{URL: "/policies/kunming/#一"}},
			Score{1, "-", "policies/2018-kunming-shequ-zhili.md#一"}},
		{"site under a base path", Case{Query: "网安法", Expect: "网络安全法(2016-11-07)"}, []Hit{{URL: "/laws/行政法/网络安全法(2016-11-07)/"}},
			Score{1, "-", "行政法/网络安全法(2016-11-07).md"}},
	}
	for _, tt := range tests {
		if got := docs.Judge(tt.c, tt.hits); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
	// Hugo drops the brackets from file names in its URLs.
	hugo := Docs{loose: true}
	if got := hugo.Judge(law, []Hit{{URL: "/%E5%AE%AA%E6%B3%95%E7%9B%B8%E5%85%B3%E6%B3%95/%E6%9D%91%E6%B0%91%E5%A7%94%E5%91%98%E4%BC%9A%E7%BB%84%E7%BB%87%E6%B3%952018-12-29/"}}); got.Rank != 1 {
		t.Errorf("loose: got %+v, want rank 1", got)
	}
	if got := hugo.Judge(Case{Query: "q", Expect: "policies/2024-changsheng-guanxia.md"}, []Hit{{URL: "/consultations/2024-changsheng-guanxia-tiaozheng/"}, {URL: "/policies/2024-changsheng-guanxia/"}}); got.Rank != 2 {
		t.Errorf("loose, with .md: got %+v, want rank 2", got)
	}
}

func TestHitsFromJSON(t *testing.T) {
	body := `{"total":2,"hits":[{"url":"/a/#第一条","title":"A","snippet":"x"},
		{"url":"/b/","parts":[{"url":"/b/#第三条","snippet":"y"},{"url":"/b/#第四条"}],"facets":{"type":[]}}],"page":1,"pages":1}`
	got, err := hitsFromJSON([]byte(body))
	want := []Hit{{URL: "/a/#第一条"}, {URL: "/b/", Parts: []string{"/b/#第三条", "/b/#第四条"}}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, %v; want %+v", got, err, want)
	}
}

func FuzzParseCases(f *testing.F) {
	f.Add("村民委员会组织法 第十一条\t村民委员会组织法(2018-12-29)\t第十一条\n# c\n网安法\t网络安全法\n")
	f.Add("a\tb\t%zz\r\n\t\t\n")
	f.Fuzz(func(t *testing.T, text string) {
		cases, err := ParseCases("f.tsv", text)
		if err != nil {
			return
		}
		for _, c := range cases {
			// The anchor is percent-decoded as hit URLs' fragments are, so it may hold anything.
			if c.Query == "" || c.Expect == "" || strings.ContainsAny(c.Query+c.Expect, "\t\n") {
				t.Fatalf("bad case %+v from %q", c, text)
			}
		}
	})
}
