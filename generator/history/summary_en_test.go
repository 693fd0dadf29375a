package history

import "testing"

func TestSummaryTextIn(t *testing.T) {
	for _, c := range []struct {
		s      Summary
		zh, en string
	}{
		{Summary{}, "内容无改动", "no change to the text"},
		{Summary{ParagraphsEdited: 1, ParagraphsAdded: 2}, "修改 1 段，新增 2 段", "1 paragraph edited, 2 paragraphs added"},
		{Summary{MetaChanged: []FieldChange{{Field: "status", Old: "现行有效", New: "已废止"}, {Field: "doc_number", New: "测发〔2024〕1号"}}},
			"时效：现行有效 → 已废止；发文字号：（无） → 测发〔2024〕1号", "status: 现行有效 → 已废止; doc number: (none) → 测发〔2024〕1号"},
	} {
		if got := c.s.TextIn("zh-CN"); got != c.zh {
			t.Errorf("zh: got %q, want %q", got, c.zh)
		}
		if got := c.s.TextIn("en"); got != c.en {
			t.Errorf("en: got %q, want %q", got, c.en)
		}
	}
}
