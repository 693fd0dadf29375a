package structure

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/seedtest"
)

// bookmarks are conversion debris in the seeds; content/ has them removed.
var bookmarks = regexp.MustCompile(`\[bookmark: [^\]]*\]`)

func seedOutline(t *testing.T, prefix string) *Outline {
	t.Helper()
	data := seedtest.Read(t, prefix)
	lines := strings.Split(bookmarks.ReplaceAllString(data, ""), "\n")
	return FromParagraphs(lines)
}

func TestSeed004ChaptersAndSections(t *testing.T) {
	o := seedOutline(t, "004")
	var got []string
	for _, u := range o.Units {
		if u.Kind == Chapter || u.Kind == Section {
			got = append(got, u.Anchor+" "+u.Title)
		}
	}
	// The seed lost the paragraphs 第三章, 第四章 and one 第三节 in conversion; what remains is
	// nested under the chapter before it.
	want := []string{
		"第一章 规划背景", "第一章-第一节 发展基础", "第一章-第二节 存在问题", "第一章-第三节 面临形势",
		"第二章 总体要求", "第二章-第一节 指导思想", "第二章-第二节 基本原则", "第二章-第三节 总体目标",
		"第二章-第二节-2 增强综合服务供给",
		"第五章 社区治理", "第五章-第一节 强化党建引领", "第五章-第二节 增进综治保障",
		"第六章 保障措施", "第六章-第一节 加强组织领导", "第六章-第二节 落实要素保障", "第六章-第三节 优化监督考评", "第六章-第四节 加大宣传引导",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("chapters and sections of 004:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	boxes := 0
	for _, u := range o.Units {
		if u.Kind == Box {
			boxes++
			if !strings.HasPrefix(u.Anchor, "专栏-") {
				t.Errorf("box anchor %q", u.Anchor)
			}
		}
	}
	if boxes < 8 {
		t.Errorf("found %d 专栏 in 004, want at least 8", boxes)
	}
	if !strings.HasPrefix(o.Preamble, "前    言") {
		t.Errorf("004 preamble starts %q", firstRunes(o.Preamble, 10))
	}
}

func TestSeed003AnnexArticles(t *testing.T) {
	o := seedOutline(t, "003")
	var articles []Unit
	for _, u := range o.Units {
		if u.Kind == Article {
			articles = append(articles, u)
		}
	}
	if len(articles) != 23 {
		t.Fatalf("003 has %d articles, want 第一条…第二十三条", len(articles))
	}
	for i, a := range articles {
		want := "附件1-第" + formatChinese(i+1) + "条"
		if a.Anchor != want {
			t.Errorf("article %d anchor %q, want %q", i+1, a.Anchor, want)
		}
	}
	third := articles[2]
	var items []string
	for _, u := range o.Units {
		if u.Parent >= 0 && o.Units[u.Parent].Anchor == third.Anchor {
			items = append(items, u.Anchor)
		}
	}
	if len(items) != 6 || items[0] != "附件1-第三条-（一）" {
		t.Errorf("第三条 items = %q", items)
	}
	if got := CitationText("中华人民共和国城市居民委员会组织法", "", o.Units[indexOf(o, "附件1-第三条-（二）")], o); got != "《中华人民共和国城市居民委员会组织法》附件1第三条第（二）项" {
		t.Errorf("citation = %q", got)
	}
	var annexes []string
	for _, u := range o.Units {
		if u.Kind == Annex {
			annexes = append(annexes, u.Anchor)
		}
	}
	if strings.Join(annexes, " ") != "附件1 附件2" {
		t.Errorf("003 annexes = %q; the list 附件1：《…》 in the body must not count", annexes)
	}
}

func TestSeedsBuild(t *testing.T) {
	for _, seed := range []string{"000", "001", "002"} {
		o := seedOutline(t, seed)
		if len(o.Units) < 10 {
			t.Errorf("seed %s: only %d units", seed, len(o.Units))
		}
		seen := map[string]bool{}
		for _, u := range o.Units {
			if seen[u.Anchor] {
				t.Errorf("seed %s: anchor %q repeated", seed, u.Anchor)
			}
			seen[u.Anchor] = true
		}
	}
}

func indexOf(o *Outline, anchor string) int {
	for i, u := range o.Units {
		if u.Anchor == anchor {
			return i
		}
	}
	return 0
}
