package build

import (
	"strings"
	"testing"
)

const dupURLSite = `
-- site.yaml --
title: 重复
-- content/notices/a.md --
---
title: 甲PLANTEDA
slug: b
---
甲的正文 PLANTEDA
-- content/notices/b.md --
---
title: 乙PLANTEDB
---
乙的正文 PLANTEDB
`

func TestDuplicateURLsNameBothFiles(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []func(*Options)
	}{{"no index", nil}, {"with index", []func(*Options){withIndex}}} {
		t.Run(tc.name, func(t *testing.T) {
			s := buildTxtar(t, dupURLSite, tc.opts...)
			if s.err == nil {
				t.Fatal("build passed: one page silently replaced the other")
			}
			for _, w := range []string{"content/notices/a.md", "content/notices/b.md", "/notices/b/"} {
				if !strings.Contains(s.err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, s.err)
				}
			}
		})
	}
}

func TestPageOnAGeneratedURL(t *testing.T) {
	for _, file := range []string{"departments.md", "search/index.md", "tags.md"} {
		s := buildTxtar(t, policySite+"-- content/"+file+" --\n---\ntitle: 冒充\ntags: [a]\n---\n冒充\n")
		if s.err == nil || !strings.Contains(s.err.Error(), "content/"+file+": 与生成的页面发布到同一个网址") {
			t.Errorf("%s: err = %v", file, s.err)
		}
	}
}
