package build

import (
	"testing"

	"github.com/gongkai/gongkai/generator/progress"
)

// The build counts its work for the progress line: pages read and converted, files written,
// records indexed, with the totals it knows.
func TestBuildCountsProgress(t *testing.T) {
	var c progress.Counters
	s := buildTxtar(t, `
-- site.yaml --
title: 进度
-- content/_index.md --
---
title: 首页
---
-- content/policies/a.md --
---
title: 通知甲
---
第一条　正文。
-- content/policies/b.md --
---
title: 通知乙
draft: true
---
草稿。
`, withIndex, func(o *Options) { o.Progress = &c }).ok()
	got := c.Snapshot()
	if got.Read != 2+1 { // b.md is read, then left out as a draft
		t.Errorf("read %d pages, want 3", got.Read)
	}
	if got.Pages != 2 || got.Converted != 2 {
		t.Errorf("converted %d of %d pages, want 2 of 2", got.Converted, got.Pages)
	}
	if got.Rendered == 0 || got.Rendered > int64(s.rep.Files) {
		t.Errorf("rendered %d files of %d written", got.Rendered, s.rep.Files)
	}
	if got.Records == 0 || got.Indexed != got.Records || got.Indexed != int64(s.rep.Records) {
		t.Errorf("indexed %d of %d records; the report says %d", got.Indexed, got.Records, s.rep.Records)
	}
}
