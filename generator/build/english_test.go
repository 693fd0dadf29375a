package build

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spf13/afero"
)

// With language: en every string of the interface is English and the content stays as written.
// The check builds the repository's example site (policies, duty tables, consultations with
// tallies, disclosures, villages, departments) in English, removes from each page what comes
// from the sources — every run of Chinese characters in content/ and site.yaml, and the parts
// that only hold content (<head>, the document text) — and asserts that no Chinese is left:
// whatever remains came from the theme or the generator.
func TestEnglishInterfaceHasNoChinese(t *testing.T) {
	src := afero.NewReadOnlyFs(afero.NewBasePathFs(afero.NewOsFs(), "../.."))
	fsys := afero.NewCopyOnWriteFs(src, afero.NewMemMapFs())
	cfg, err := afero.ReadFile(fsys, "/site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	en := regexp.MustCompile(`(?m)^language: .*$`).ReplaceAll(cfg, []byte("language: en"))
	en = regexp.MustCompile(`(?m)^baseURL: .*$`).ReplaceAll(en, []byte("baseURL: https://gongkai.example.org"))
	if err := afero.WriteFile(fsys, "/site.yaml", en, 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Run(Options{SrcFs: fsys, Source: "/", Dest: "/site/public", Now: testNow, Workers: 2, NoIndex: true})
	s := (&testSite{t: t, fs: fsys, rep: rep, err: err}).ok()

	fromSource := contentText(t, fsys)
	// The document text runs from <div class="doc"> to the next section or the end of the
	// article; its citations (《…》第二章第二节) are Chinese like the text they cite.
	content := regexp.MustCompile(`(?s)<head>.*?</head>|<div class="doc">.*?(<section|</article>)`)
	han := regexp.MustCompile(`\p{Han}+`)
	checked := 0
	s.everyFile(func(name, page string) {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "changes/") || strings.Contains(name, "/rev/") {
			return // revision pages show diffs of the content
		}
		checked++
		page = content.ReplaceAllString(page, "$1")
		// Single characters that the content also has alone (至, 项, 人) pass the check below;
		// the interface's uses of them are asserted here by their markup.
		for _, chrome := range []string{"</span> 至 <span", ">公示中<", " 项<", " 项公开", " 人（", "占有效票"} {
			if strings.Contains(page, chrome) {
				t.Errorf("%s: Chinese interface text %q", name, chrome)
			}
		}
		for _, loc := range han.FindAllStringIndex(page, -1) {
			if run := page[loc[0]:loc[1]]; !fromSource(run) {
				lo, hi := max(0, loc[0]-60), min(len(page), loc[1]+60)
				t.Errorf("%s: Chinese in the English interface: %q in …%s…", name, run, page[lo:hi])
				break
			}
		}
	})
	if checked < 30 {
		t.Errorf("checked only %d pages", checked)
	}
	s.contains("index.html", `lang="en"`, `og:locale" content="en_US"`)
}

// contentText tells whether a run of Chinese characters in a page comes from the site's sources:
// a run of two or more characters that occurs in their Chinese text (titles cut short and 文号
// rewritten stay substrings), or a single character that stands alone somewhere in them; a lone 至 or 项 of the
// interface is caught unless the content has one too.
func contentText(t *testing.T, fsys afero.Fs) func(run string) bool {
	han := regexp.MustCompile(`\p{Han}+`)
	var all strings.Builder
	single := map[string]bool{}
	add := func(b []byte) {
		for _, r := range han.FindAll(b, -1) {
			all.Write(r) // runs joined across punctuation: a slug or a 文号 key drops 《》 and 〔〕
			if utf8.RuneCount(r) == 1 {
				single[string(r)] = true
			}
		}
	}
	b, _ := afero.ReadFile(fsys, "/site.yaml")
	add(b)
	err := afero.Walk(fsys, "/content", func(p string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := afero.ReadFile(fsys, p)
		add(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	text := all.String()
	return func(run string) bool {
		if utf8.RuneCountInString(run) == 1 {
			return single[run]
		}
		return strings.Contains(text, run)
	}
}
