package main

import (
	"math/rand/v2"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/afero"
)

func TestHanRunAt(t *testing.T) {
	for _, tt := range []struct {
		text     string
		at, want int
		out      string
		ok       bool
	}{
		{"中华人民共和国", 0, 3, "中华人", true},
		{"中华人民共和国", 5, 6, "和国", true}, // fewer at the end of the run
		{"ab，中华人民", 0, 2, "中华", true}, // skips to the next run
		{"ab中。人民", 0, 4, "", false},   // the first run is one character: try elsewhere
		{"中。人", 0, 2, "", false},
		{"abc", 0, 2, "", false},
		{"", 0, 2, "", false},
		{"人民", 2, 2, "", false}, // at the end
	} {
		out, ok := hanRunAt([]rune(tt.text), tt.at, tt.want)
		if out != tt.out || ok != tt.ok {
			t.Errorf("hanRunAt(%q, %d, %d) = %q, %v; want %q, %v", tt.text, tt.at, tt.want, out, ok, tt.out, tt.ok)
		}
	}
}

func TestSampleSubstrings(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "laws/a.md", []byte("# 中华人民共和国宪法\n第一条 中华人民共和国是工人阶级领导的社会主义国家。"), 0o644)
	_ = afero.WriteFile(fs, "laws/b/c.md", []byte("第二条 国家的一切权力属于人民。"), 0o644)
	_ = afero.WriteFile(fs, "laws/readme.txt", []byte("不是法律"), 0o644)
	got, err := sampleSubstrings(fs, "laws", 50, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 50 {
		t.Fatalf("%d substrings, want 50", len(got))
	}
	for _, s := range got {
		n := utf8.RuneCountInString(s)
		if n < 2 || n > 6 {
			t.Errorf("%q: %d characters, want 2 to 6", s, n)
		}
		for _, r := range s {
			if !unicode.Is(unicode.Han, r) {
				t.Errorf("%q has %q, not a Han character", s, r)
			}
		}
		if s == "不是" || s == "不是法律" {
			t.Errorf("%q comes from a file that is not .md", s)
		}
	}
	if _, err := sampleSubstrings(fs, "nowhere", 5, rand.New(rand.NewPCG(1, 2))); err == nil {
		t.Error("a missing corpus folder gives no error")
	}
	_ = afero.WriteFile(fs, "latin/x.md", []byte("no Han here"), 0o644)
	if _, err := sampleSubstrings(fs, "latin", 5, rand.New(rand.NewPCG(1, 2))); err == nil {
		t.Error("a corpus without Han text gives no error")
	}
}
