package build

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/search"
)

// What a page shows from its front matter or a duties file is found by search, like its body.
func TestShownTextIsSearchable(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"site.yaml": "title: 公开\ndepartments:\n  - {name: 市民政局, slug: minzheng}\n",
		"content/consultations/c.md": "---\ntitle: 意见征求\ntype: consultation\norganizer: 长胜社区居民委员会\n" +
			"channels: [院坝会]\nphases:\n  - {name: 征求意见, start: 2026-11-01, end: 2026-12-01}\n" +
			"comments:\n  - {opinion: 代管的低保事项一并移交, response: 部分采纳, reason: 征兵事项另行安排}\n---\n正文。\n",
		"content/disclosures/d.md": "---\ntitle: 公示\ntype: disclosure\nvillage: 示范村\ncategory: 低保\n" +
			"responsible: 示范村居务监督委员会\nnotice: {start: 2026-11-01, end: 2026-12-01}\n---\n名单。\n",
		"content/policies/p.md": "---\ntitle: 方案\ntype: policy\nissuers: [三建乡人民政府]\ntopics: [社区建设]\n" +
			"duties_file: p.csv\n---\n正文见附表。\n",
		"content/policies/p.csv": "序号,工作任务,责任单位,完成时限\n1,建设便民服务站,市民政局,2027年6月\n",
	} {
		writeOS(t, dir, name, content)
	}
	if _, err := Run(Options{Source: dir, Now: testNow, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(filepath.Join(dir, "public", IndexPath))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]string{
		"代管的低保事项":  "/consultations/c/", // the comment table
		"征兵事项另行安排": "/consultations/c/",
		"院坝会":      "/consultations/c/",
		"居务监督委员会":  "/disclosures/d/",
		"三建乡人民政府":  "/policies/p/",
		"社区建设":     "/policies/p/",
		"建设便民服务站":  "/policies/p/", // the duties file
		"即为通过":     "",
	} {
		res, err := ix.Search(context.Background(), search.Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		var urls []string
		for _, h := range res.Hits {
			urls = append(urls, h.URL)
		}
		if want != "" && !strings.Contains(strings.Join(urls, " "), want) {
			t.Errorf("q=%s finds %v, want %s", q, urls, want)
		}
	}
}
