package build

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/search"
	"golang.org/x/tools/txtar"
)

const abbrevSite = `
-- site.yaml --
title: 公开
synonyms:
  - [科普, 科学普及]
-- content/policies/grid.md --
---
title: 网格化服务管理办法
type: policy
---
第一条 为了做好城乡社区网格化服务管理（以下简称网格管理），制定本办法。

第二条 本办法所称科学技术普及（以下简称科普），由科协负责。
-- content/policies/other.md --
---
title: 社区治理意见
type: policy
---
推进网格化服务管理。开展科学技术普及活动。测绘地理信息局负责地图审核。
-- content/policies/draft.md --
---
title: 草稿
type: policy
draft: true
---
市测绘地理信息局（以下简称测地局）负责。
`

// A short name a published page defines finds the long name on every page,
// through the index and the static manifest; a draft defines nothing, and
// site.yaml says what a short name means when both define it.
func TestDefinedShortNamesFindLongOnes(t *testing.T) {
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(abbrevSite)).Files {
		writeOS(t, dir, f.Name, string(f.Data))
	}
	if _, err := Run(Options{Source: dir, Now: testNow, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(filepath.Join(dir, "public", IndexPath))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string][]string{
		"网格管理":    {"/policies/grid/", "/policies/other/"},
		"网格化服务管理": {"/policies/grid/", "/policies/other/"},
		"测地局":     nil,                 // defined in a draft only
		"科普":      {"/policies/grid/"}, // site.yaml's 科学普及, not the page's 科学技术普及
		"网安法":     nil,
	} {
		res, err := ix.Search(context.Background(), search.Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		var urls []string
		for _, h := range res.Hits {
			doc, _, _ := strings.Cut(h.URL, "#") // a hit may link to the article
			if !slices.Contains(urls, doc) {
				urls = append(urls, doc)
			}
		}
		slices.Sort(urls)
		if !slices.Equal(urls, want) {
			t.Errorf("q=%s finds %v, want %v", q, urls, want)
		}
	}

	// The static client expands with the manifest's groups.
	b, err := os.ReadFile(filepath.Join(dir, "public", StaticPath, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var man struct{ Synonyms [][]string }
	if err := json.Unmarshal(b, &man); err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(man.Synonyms, func(g []string) bool { return slices.Equal(g, []string{"网格管理", "网格化服务管理"}) }) {
		t.Errorf("static manifest synonyms lack the defined group: %q", man.Synonyms[len(man.Synonyms)-3:])
	}
	for _, g := range man.Synonyms {
		if slices.Contains(g, "测地局") || slices.Contains(g, "科学技术普及") {
			t.Errorf("static manifest has group %q", g)
		}
	}
}
