package disclose

import (
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

const goodYAML = `title: 2026年第三季度财务收支公开
type: disclosure
date: 2026-11-05
village: 三建乡某某村
category: 财务收支
period: {start: 2026-07-01, end: 2026-09-30}
notice: {start: 2026-11-05, end: 2026-12-05}
responsible: 某某村民委员会
hotline: 023-70700000
unpublish_after: 2027-11-05
allow_numbers: ["023-70700000"]
sample: true
`

func decodeYAML(t testing.TB, src string, categories []string) (*Disclosure, []Problem) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatalf("bad test YAML: %v", err)
	}
	return Decode(&doc, categories)
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// wantProblem is a problem's line and a part of its message.
type wantProblem struct {
	line int
	text string
}

func TestDecodeGood(t *testing.T) {
	d, problems := decodeYAML(t, goodYAML, nil)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	want := Disclosure{
		Village: "三建乡某某村", Category: "财务收支",
		PeriodStart: date("2026-07-01"), PeriodEnd: date("2026-09-30"),
		NoticeStart: date("2026-11-05"), NoticeEnd: date("2026-12-05"),
		Responsible: "某某村民委员会", Hotline: "023-70700000",
		UnpublishAfter: date("2027-11-05"), AllowNumbers: []string{"023-70700000"}, Sample: true,
	}
	if d.Village != want.Village || d.Category != want.Category || !d.PeriodStart.Equal(want.PeriodStart) ||
		!d.PeriodEnd.Equal(want.PeriodEnd) || !d.NoticeStart.Equal(want.NoticeStart) || !d.NoticeEnd.Equal(want.NoticeEnd) ||
		d.Responsible != want.Responsible || d.Hotline != want.Hotline || !d.UnpublishAfter.Equal(want.UnpublishAfter) ||
		strings.Join(d.AllowNumbers, ",") != "023-70700000" || !d.Sample {
		t.Errorf("Decode = %+v\nwant %+v", *d, want)
	}
}

func TestDecodeProblems(t *testing.T) {
	const base = "village: 某某村\ncategory: 低保\nnotice: {start: 2026-11-05, end: 2026-12-05}\n"
	// The required title and responsible go last, so that the lines above keep their numbers.
	const required = "title: t\nresponsible: 某某村民委员会\n"
	tests := []struct {
		name       string
		src        string
		categories []string
		want       []wantProblem
	}{
		{"minimal", base, nil, nil},
		{"site's own category", "village: 某某村\ncategory: 党务公开\nnotice: {start: 2026-11-05, end: 2026-12-05}\n", []string{"党务公开"}, nil},
		{"unknown category", "village: 某某村\ncategory: 党务公开\nnotice: {start: 2026-11-05, end: 2026-12-05}\n", nil,
			[]wantProblem{{2, `category "党务公开" 不在公开类别中`}}},
		{"missing everything", "title: x\n", nil,
			[]wantProblem{{1, "缺少 village"}, {1, "缺少 category"}, {1, "缺少 notice"}, {1, "缺少 responsible"}}},
		{"no title", "responsible: r\n" + base, nil, []wantProblem{{1, "缺少 title"}}},
		{"empty responsible", "title: t\nresponsible: \"\"\n" + base, nil, []wantProblem{{1, "缺少 responsible"}}},
		{"village as list", "village: [a]\ncategory: 低保\nnotice: {start: 2026-11-05, end: 2026-12-05}\n", nil,
			[]wantProblem{{1, "village 应为文字"}, {1, "缺少 village"}}},
		{"notice end before start", "village: v\ncategory: 低保\nnotice:\n  start: 2026-12-05\n  end: 2026-11-05\n", nil,
			[]wantProblem{{5, "notice.end 2026-11-05 早于 notice.start 2026-12-05"}}},
		{"period end before start", base + "period: {start: 2026-09-30, end: 2026-07-01}\n", nil,
			[]wantProblem{{4, "period.end 2026-07-01 早于 period.start 2026-09-30"}}},
		{"notice without end", "village: v\ncategory: 低保\nnotice: {start: 2026-11-05}\n", nil,
			[]wantProblem{{3, "notice 缺少 end 日期"}}},
		{"notice as a date", "village: v\ncategory: 低保\nnotice: 2026-11-05\n", nil,
			[]wantProblem{{3, "notice 应为映射"}}},
		{"bad date", base + "period: {start: 2026-13-01, end: 2026-12-31}\n", nil,
			[]wantProblem{{4, "period.start 应为日期"}}},
		{"unknown key in period", base + "period: {start: 2026-07-01, end: 2026-09-30, to: 2026-10-01}\n", nil,
			[]wantProblem{{4, "period 中没有键 to"}}},
		{"unpublish during notice", base + "unpublish_after: 2026-11-20\n", nil,
			[]wantProblem{{4, "unpublish_after 2026-11-20 早于公示期结束 2026-12-05"}}},
		{"allow_numbers as text", base + "allow_numbers: 023-70700000\n", nil,
			[]wantProblem{{4, "allow_numbers 应为列表"}}},
		{"sample as text", base + "sample: 是\n", nil, []wantProblem{{4, "sample 应为 true 或 false"}}},
		{"hotline as number keeps digits", base + "hotline: 02370700000\n", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src
			if !strings.Contains(src, "title:") && !strings.Contains(src, "responsible:") {
				src += required
			}
			_, got := decodeYAML(t, src, tt.categories)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i].Line != tt.want[i].line || !strings.Contains(got[i].Message, tt.want[i].text) {
					t.Errorf("problem %d = %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
	d, _ := decodeYAML(t, base+required+"hotline: 02370700000\n", nil)
	if d.Hotline != "02370700000" {
		t.Errorf("hotline = %q, want the digits as written", d.Hotline)
	}
}

func TestNoticeStatus(t *testing.T) {
	d, _ := decodeYAML(t, goodYAML, nil)
	beijing := time.FixedZone("CST", 8*3600)
	tests := []struct {
		today       time.Time
		status      string
		unpublished bool
	}{
		{date("2026-11-04"), StatusUpcoming, false},
		{date("2026-11-05"), StatusOnNotice, false},
		{time.Date(2026, 11, 5, 0, 5, 0, 0, beijing), StatusOnNotice, false}, // just after midnight, local day counts
		{date("2026-12-05"), StatusOnNotice, false},
		{time.Date(2026, 12, 5, 23, 59, 0, 0, beijing), StatusOnNotice, false},
		{date("2026-12-06"), StatusEnded, false},
		{date("2027-11-05"), StatusEnded, false},
		{date("2027-11-06"), StatusEnded, true},
	}
	for _, tt := range tests {
		if got := d.NoticeStatus(tt.today); got != tt.status {
			t.Errorf("NoticeStatus(%v) = %s, want %s", tt.today, got, tt.status)
		}
		if got := d.OnNotice(tt.today); got != (tt.status == StatusOnNotice) {
			t.Errorf("OnNotice(%v) = %v", tt.today, got)
		}
		if got := d.Unpublished(tt.today); got != tt.unpublished {
			t.Errorf("Unpublished(%v) = %v, want %v", tt.today, got, tt.unpublished)
		}
	}
	if (&Disclosure{}).Unpublished(date("2100-01-01")) {
		t.Error("no unpublish_after: stays published")
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(goodYAML)
	f.Add("notice: {start: 2026-11-05}\nunpublish_after: 2020-01-01\n")
	f.Add("a: &a [*a, *a]\nvillage: *a\n")
	today := date("2026-11-20")
	f.Fuzz(func(t *testing.T, src string) {
		var doc yaml.Node
		if yaml.Unmarshal([]byte(src), &doc) != nil {
			return
		}
		d, _ := Decode(&doc, nil)
		d.NoticeStatus(today)
		d.Unpublished(today)
	})
}
