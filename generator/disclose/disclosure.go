// Package disclose reads village affairs disclosures (村务公开/居务公开): who
// discloses what for which period, the notice period (公示期) during which the
// page is on display, when it must come down, and the arithmetic of its tables.
package disclose

import (
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/consult"
	"go.yaml.in/yaml/v3"
)

// Problem is shared with consult so that the build reports both alike.
type Problem = consult.Problem

// Disclosure is the front matter of a disclosure page (type: disclosure).
type Disclosure struct {
	Village, Category      string
	PeriodStart, PeriodEnd time.Time // the period the figures cover; zero when not given
	NoticeStart, NoticeEnd time.Time // 公示期
	Responsible, Hotline   string
	UnpublishAfter         time.Time // zero: stays published
	AllowNumbers           []string  // numbers the page may show unmasked (official hotlines)
	Sample                 bool
}

// DefaultCategories are the kinds of 村务公开 named in the seed documents; a
// site may replace them with its own list.
var DefaultCategories = []string{"财务收支", "集体资产", "惠农补贴", "低保", "工程项目", "村务决策"}

// Decode reads a disclosure from the page's front matter mapping. categories
// is the site's list (nil: DefaultCategories). Keys that belong to the page
// itself are ignored; it never panics and reports every problem it finds.
func Decode(node *yaml.Node, categories []string) (*Disclosure, []Problem) {
	if len(categories) == 0 {
		categories = DefaultCategories
	}
	r := &consult.Reader{}
	d := &Disclosure{}
	top, ok := r.Mapping(node, "front matter")
	if !ok {
		if node == nil {
			r.Addf(0, "front matter 为空：公开页需要 village、category、notice 等字段")
		}
		return d, r.Problems
	}
	// A disclosure without a title would be headed by its file name, and one without a
	// responsible body leaves residents nobody to ask: both are required.
	if r.String(top.Get("title"), "title") == "" {
		r.Addf(top.Line, "缺少 title：写明公开事项，如 title: 2026年第三季度财务收支公开")
	}
	d.Village = r.String(top.Get("village"), "village")
	if d.Village == "" {
		r.Addf(top.Line, "缺少 village：写明村（社区）名称，如 village: 三建乡某某村")
	}
	d.decodeCategory(r, top, categories)
	d.PeriodStart, d.PeriodEnd = decodeRange(r, top.Get("period"), "period", false)
	d.NoticeStart, d.NoticeEnd = decodeRange(r, top.Get("notice"), "notice", true)
	if top.Get("notice") == nil {
		r.Addf(top.Line, "缺少 notice：写明公示期，如 notice: {start: 2026-11-05, end: 2026-12-05}")
	}
	d.Responsible = r.String(top.Get("responsible"), "responsible")
	if d.Responsible == "" {
		r.Addf(top.Line, "缺少 responsible：写明负责公开的单位，如 responsible: 某某村民委员会")
	}
	d.Hotline = r.String(top.Get("hotline"), "hotline")
	d.UnpublishAfter = r.Date(top.Get("unpublish_after"), "unpublish_after")
	if !d.UnpublishAfter.IsZero() && !d.NoticeEnd.IsZero() && d.UnpublishAfter.Before(d.NoticeEnd) {
		r.Addf(top.Get("unpublish_after").Line, "unpublish_after %s 早于公示期结束 %s：页面会在公示期内被撤下，改为 %s 或更晚",
			day(d.UnpublishAfter), day(d.NoticeEnd), day(d.NoticeEnd))
	}
	d.AllowNumbers = r.Strings(top.Get("allow_numbers"), "allow_numbers")
	d.Sample = r.Bool(top.Get("sample"), "sample")
	return d, r.Problems
}

func (d *Disclosure) decodeCategory(r *consult.Reader, top consult.Mapping, categories []string) {
	node := top.Get("category")
	d.Category = r.String(node, "category")
	switch {
	case node == nil:
		r.Addf(top.Line, "缺少 category：%s 之一", strings.Join(categories, "、"))
	case d.Category == "":
	case !contains(categories, d.Category):
		r.Addf(node.Line, "category %q 不在公开类别中：应为 %s 之一（或在 site.yaml 中增加类别）",
			d.Category, strings.Join(categories, "、"))
	}
}

// decodeRange reads {start, end}; both are required and start ≤ end.
func decodeRange(r *consult.Reader, node *yaml.Node, name string, required bool) (start, end time.Time) {
	m, ok := r.Mapping(node, name)
	if !ok {
		return
	}
	r.OnlyKeys(m, name, "start", "end")
	start = r.Date(m.Get("start"), name+".start")
	end = r.Date(m.Get("end"), name+".end")
	for _, key := range []string{"start", "end"} {
		if m.Get(key) == nil && (required || m.Get("start") != nil || m.Get("end") != nil) {
			r.Addf(m.Line, "%s 缺少 %s 日期", name, key)
		}
	}
	if !start.IsZero() && !end.IsZero() && end.Before(start) {
		r.Addf(m.Get("end").Line, "%s.end %s 早于 %s.start %s：核对日期", name, day(end), name, day(start))
	}
	return start, end
}

func day(t time.Time) string { return t.Format("2006-01-02") }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
