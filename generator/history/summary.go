package history

import (
	"fmt"
	"strings"
)

// Summary is what a changes feed says about one revision of a document.
type Summary struct {
	ParagraphsAdded   int
	ParagraphsRemoved int
	ParagraphsEdited  int
	// ParagraphsMoved counts paragraphs removed in one place and added unchanged in another;
	// they are not counted as added or removed.
	ParagraphsMoved int
	// MetaChanged lists the front matter keys whose values differ, in the new version's order,
	// then keys the new version dropped.
	MetaChanged []FieldChange
}

// FieldChange is one front matter key whose value changed. Old or New is "" when the key is
// absent from that version. Lists and maps are written in YAML flow style: [a, b].
type FieldChange struct {
	Field string
	Old   string
	New   string
}

// Summarize compares two versions of a content file: the body paragraph by paragraph, as Diff
// does, and the front matter key by key.
func Summarize(old, new []byte) Summary {
	oldFormat, oldMeta, oldBody := splitFrontMatter(old)
	newFormat, newMeta, newBody := splitFrontMatter(new)
	s := Summary{MetaChanged: compareMeta(oldFormat, oldMeta, newFormat, newMeta)}
	moved := map[string]int{} // removed texts not yet matched by an identical added one
	blocks := Diff(string(oldBody), string(newBody))
	for _, b := range blocks {
		switch b.Kind {
		case Changed:
			s.ParagraphsEdited++
		case Removed:
			moved[b.Old]++
			s.ParagraphsRemoved++
		}
	}
	for _, b := range blocks {
		if b.Kind != Added {
			continue
		}
		if moved[b.New] > 0 {
			moved[b.New]--
			s.ParagraphsRemoved--
			s.ParagraphsMoved++
			continue
		}
		s.ParagraphsAdded++
	}
	return s
}

// Text says the summary in Chinese, e.g. "修改 3 段，新增 1 段；时效：现行有效 → 已废止".
// Field names are shown with the labels of the default theme (status → 时效).
func (s Summary) Text() string { return s.TextWithLabels(nil) }

// TextWithLabels is Text with field labels taken from labels (e.g. the site's i18n strings)
// before the built-in ones; a key with no label is shown as written.
func (s Summary) TextWithLabels(labels map[string]string) string {
	var counts []string
	for _, c := range []struct {
		verb string
		n    int
	}{{"修改", s.ParagraphsEdited}, {"新增", s.ParagraphsAdded}, {"删除", s.ParagraphsRemoved}, {"移动", s.ParagraphsMoved}} {
		if c.n > 0 {
			counts = append(counts, fmt.Sprintf("%s %d 段", c.verb, c.n))
		}
	}
	var parts []string
	if len(counts) > 0 {
		parts = append(parts, strings.Join(counts, "，"))
	}
	for _, f := range s.MetaChanged {
		label, ok := labels[f.Field]
		if !ok {
			label = fieldLabel(f.Field)
		}
		parts = append(parts, fmt.Sprintf("%s：%s → %s", label, shortValue(f.Old), shortValue(f.New)))
	}
	if len(parts) == 0 {
		return "内容无改动"
	}
	return strings.Join(parts, "；")
}

// TextIn is Text in the interface language lang: English for en ("2 paragraphs edited, 1 added;
// status: 现行有效 → 已废止", the values being content), Chinese otherwise.
func (s Summary) TextIn(lang string) string {
	if lang != "en" {
		return s.Text()
	}
	var counts []string
	for _, c := range []struct {
		verb string
		n    int
	}{{"edited", s.ParagraphsEdited}, {"added", s.ParagraphsAdded}, {"removed", s.ParagraphsRemoved}, {"moved", s.ParagraphsMoved}} {
		if c.n == 1 {
			counts = append(counts, fmt.Sprintf("1 paragraph %s", c.verb))
		} else if c.n > 1 {
			counts = append(counts, fmt.Sprintf("%d paragraphs %s", c.n, c.verb))
		}
	}
	var parts []string
	if len(counts) > 0 {
		parts = append(parts, strings.Join(counts, ", "))
	}
	for _, f := range s.MetaChanged {
		old, new := f.Old, f.New
		if old == "" {
			old = "(none)"
		}
		if new == "" {
			new = "(none)"
		}
		parts = append(parts, fmt.Sprintf("%s: %s → %s", strings.ReplaceAll(f.Field, "_", " "), shortValue(old), shortValue(new)))
	}
	if len(parts) == 0 {
		return "no change to the text"
	}
	return strings.Join(parts, "; ")
}

// shortValue keeps a feed line short: long titles are cut, absent values are named.
func shortValue(v string) string {
	const maxRunes = 40
	if v == "" {
		return "（无）"
	}
	if r := []rune(v); len(r) > maxRunes {
		return string(r[:maxRunes]) + "…"
	}
	return v
}

// fieldLabel names front matter keys as the default theme's zh-CN strings do.
func fieldLabel(key string) string {
	if l, ok := defaultLabels[key]; ok {
		return l
	}
	return key
}

var defaultLabels = map[string]string{
	"title":          "标题",
	"date":           "日期",
	"summary":        "摘要",
	"draft":          "草稿",
	"publishDate":    "上线日期",
	"expiryDate":     "下线日期",
	"doc_number":     "发文字号",
	"issuers":        "发文机关",
	"written":        "成文日期",
	"published":      "发布日期",
	"effective":      "施行日期",
	"index_no":       "索引号",
	"topics":         "主题分类",
	"genre":          "文种",
	"level":          "层级",
	"status":         "时效",
	"amends":         "修改文件",
	"amended_by":     "被修改",
	"repeals":        "废止文件",
	"repealed_by":    "被废止",
	"attachments":    "附件",
	"interpretation": "政策解读",
	"source":         "原始文件",
}
