package cite

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/seedtest"
)

// cited is a citation as a test writes it: the text it spans, then its fields.
type cited struct {
	span, title, number, key, alias string
}

func describe(text string, cs []Citation) []cited {
	var out []cited
	for _, c := range cs {
		out = append(out, cited{text[c.Start:c.End], c.Title, c.DocNumber, c.Key, c.Alias})
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []cited
	}{
		{"title with 文号", "为贯彻落实《中共中央国务院关于加强和完善城乡社区治理的意见》（中发〔2017〕13号）精神",
			[]cited{{"《中共中央国务院关于加强和完善城乡社区治理的意见》（中发〔2017〕13号）", "中共中央国务院关于加强和完善城乡社区治理的意见", "中发〔2017〕13号", "中发〔2017〕13号", ""}}},
		{"half-width brackets", "根据《意见》(中发[2017]13号)和",
			[]cited{{"《意见》(中发[2017]13号)", "意见", "中发[2017]13号", "中发〔2017〕13号", ""}}},
		{"mismatched closer as in seed 000", "《甲的意见》（中发〔2017〕13号》和《乙的实施意见》（渝委发〔2018〕26号）以及",
			[]cited{
				{"《甲的意见》（中发〔2017〕13号》", "甲的意见", "中发〔2017〕13号", "中发〔2017〕13号", ""},
				{"《乙的实施意见》（渝委发〔2018〕26号）", "乙的实施意见", "渝委发〔2018〕26号", "渝委发〔2018〕26号", ""},
			}},
		{"square and lenticular brackets", "《甲》[湘发【2017】30号]", []cited{{"《甲》[湘发【2017】30号]", "甲", "湘发【2017】30号", "湘发〔2017〕30号", ""}}},
		{"title only", "依据《中华人民共和国城市居民委员会组织法》规定", []cited{{"《中华人民共和国城市居民委员会组织法》", "中华人民共和国城市居民委员会组织法", "", "", ""}}},
		{"bracket that is not a 文号", "《四川省规划》（征求意见稿）", []cited{{"《四川省规划》", "四川省规划", "", "", ""}}},
		{"bare 文号 on its own", "昆发〔2018〕14号", []cited{{"昆发〔2018〕14号", "", "昆发〔2018〕14号", "昆发〔2018〕14号", ""}}},
		{"bare 文号 after a verb", "严格落实达市委办发〔2021〕4号等文件", []cited{{"达市委办发〔2021〕4号", "", "达市委办发〔2021〕4号", "达市委办发〔2021〕4号", ""}}},
		{"bare 文号 after an organ", "1985年市人民政府京政发〔1985〕167号发布", []cited{{"京政发〔1985〕167号", "", "京政发〔1985〕167号", "京政发〔1985〕167号", ""}}},
		{"bare 文号 after 按照", "按照达市组〔2021〕58号指导意见", []cited{{"达市组〔2021〕58号", "", "达市组〔2021〕58号", "达市组〔2021〕58号", ""}}},
		{"bare 文号 in brackets", "（湘发[2017]30号）", []cited{{"湘发[2017]30号", "", "湘发[2017]30号", "湘发〔2017〕30号", ""}}},
		{"bare 文号 with round brackets", "依据国办函（2019）5号", []cited{{"国办函（2019）5号", "", "国办函（2019）5号", "国办函〔2019〕5号", ""}}},
		{"order", "根据国务院令第711号规定", []cited{{"国务院令第711号", "", "国务院令第711号", "国务院令第711号", ""}}},
		{"order with country", "中华人民共和国国务院令 第711号公布", []cited{{"中华人民共和国国务院令 第711号", "", "中华人民共和国国务院令 第711号", "国务院令第711号", ""}}},
		{"order of a provincial government", "广东省人民政府令第270号", []cited{{"广东省人民政府令第270号", "", "广东省人民政府令第270号", "广东省人民政府令第270号", ""}}},
		{"order in Chinese numerals", "中华人民共和国主席令（第三十一号）", []cited{{"中华人民共和国主席令（第三十一号）", "", "中华人民共和国主席令（第三十一号）", "主席令第31号", ""}}},
		{"order after a title", "《某条例》（国务院令第711号）", []cited{{"《某条例》（国务院令第711号）", "某条例", "国务院令第711号", "国务院令第711号", ""}}},
		{"alias inside the 文号 bracket, seed 003", "落实《中共中央国务院关于加强和完善城乡社区治理的意见》（中发〔2017〕13号，以下简称《意见》），按照《意见》提出的",
			[]cited{
				{"《中共中央国务院关于加强和完善城乡社区治理的意见》（中发〔2017〕13号", "中共中央国务院关于加强和完善城乡社区治理的意见", "中发〔2017〕13号", "中发〔2017〕13号", ""},
				{"《意见》", "中共中央国务院关于加强和完善城乡社区治理的意见", "中发〔2017〕13号", "中发〔2017〕13号", "意见"},
			}},
		{"quoted alias", "《中华人民共和国城市居民委员会组织法》（以下简称\"组织法\"）。依照“组织法”和《组织法》",
			[]cited{
				{"《中华人民共和国城市居民委员会组织法》", "中华人民共和国城市居民委员会组织法", "", "", ""},
				{"“组织法”", "中华人民共和国城市居民委员会组织法", "", "", "组织法"},
				{"《组织法》", "中华人民共和国城市居民委员会组织法", "", "", "组织法"},
			}},
		{"unquoted alias", "《城市居民委员会组织法》(简称组织法)", []cited{{"《城市居民委员会组织法》", "城市居民委员会组织法", "", "", ""}}},
		{"文号 inside a title stays in the title", "《关于转发国办发〔2017〕13号文件的通知》",
			[]cited{{"《关于转发国办发〔2017〕13号文件的通知》", "关于转发国办发〔2017〕13号文件的通知", "", "", ""}}},
		{"nested title marks", "《关于修改〈中华人民共和国立法法〉的决定》", []cited{{"《关于修改〈中华人民共和国立法法〉的决定》", "关于修改〈中华人民共和国立法法〉的决定", "", "", ""}}},
		{"unclosed then closed", "《未闭合 又见《完整标题》", []cited{{"《完整标题》", "完整标题", "", "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describe(tt.text, Find(tt.text))
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %+v, want %+v", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("Find(%q)[%d] = %+v, want %+v", tt.text, i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestFindRejects(t *testing.T) {
	for _, text := range []string{
		"",
		"〔2017〕",
		"（2017）年度工作",
		"于2017年13号",
		"《》",
		"《  》",
		"《未闭合的书名",
		"[1] 参考 (2) 【注】",
		"中发〔17〕13号",
		"中发〔2017〕号",
		"命令第号",
		"“意见”没有定义过",
		"，〔2017〕13号",
		"》《",
		"安置房（2020）5号地块",
		"工作报告(2017)13号文",
	} {
		if got := Find(text); len(got) != 0 {
			t.Errorf("Find(%q) = %+v, want none", text, describe(text, got))
		}
	}
}

func TestFinderKeepsAliases(t *testing.T) {
	f := NewFinder()
	f.Find("《中共中央国务院关于加强和完善城乡社区治理的意见》（中发〔2017〕13号，以下简称《意见》）")
	got := f.Find("按照《意见》要求")
	if len(got) != 1 || got[0].Key != "中发〔2017〕13号" || got[0].Alias != "意见" {
		t.Errorf("alias from an earlier paragraph = %+v", got)
	}
	if got := Find("按照《意见》要求"); len(got) != 1 || got[0].Key != "" {
		t.Errorf("a new Finder must not know the alias: %+v", got)
	}
}

// TestSeeds checks the citations of 中发〔2017〕13号 in the seeds: 000, 002 and 003 write
// 中发〔2017〕13号, 001 writes 中发[2017]13号, and 004 does not cite it at all.
func TestSeeds(t *testing.T) {
	want := map[string]string{"000": "中发〔2017〕13号", "001": "中发[2017]13号", "002": "中发〔2017〕13号", "003": "中发〔2017〕13号"}
	wantOthers := map[string][]string{
		"000": {"渝委发〔2018〕26号", "丰委发〔2018〕27号"},
		"001": {"湘发〔2017〕30号"},
		"002": {"昆发〔2018〕14号", "云发〔2018〕5号", "昆办发〔2016〕21号"},
		"004": {"达市委基治办通〔2021〕4号", "开委基治办通〔2021〕1号", "达市组〔2021〕58号", "达市委办发〔2021〕4号"},
	}
	for _, seed := range []string{"000", "001", "002", "003", "004"} {
		data := seedtest.Read(t, seed)
		keys := map[string]string{}
		for _, c := range Find(data) {
			if c.Key != "" && c.Alias == "" {
				keys[c.Key] = c.DocNumber
			}
			if c.Start < 0 || c.End > len(data) || c.Start >= c.End {
				t.Errorf("seed %s: bad offsets %+v", seed, c)
			}
		}
		if w, ok := want[seed]; ok && keys["中发〔2017〕13号"] != w {
			t.Errorf("seed %s: 中发〔2017〕13号 written %q, want %q", seed, keys["中发〔2017〕13号"], w)
		}
		if _, ok := want[seed]; !ok {
			if _, cites := keys["中发〔2017〕13号"]; cites {
				t.Errorf("seed %s cites 中发〔2017〕13号, which it does not", seed)
			}
		}
		for _, k := range wantOthers[seed] {
			if _, ok := keys[k]; !ok {
				t.Errorf("seed %s: %s not found among %v", seed, k, keys)
			}
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"《甲》（中发〔2017〕13号》和《乙》(湘发[2017]30号)",
		"（中发〔2017〕13号，以下简称《意见》），按照《意见》",
		"严格落实达市委办发〔2021〕4号等", "中华人民共和国国务院令 第711号", "主席令（第三十一号）",
		"《》《《》", "（以下简称“X”）“X”", "〔2017〕", "令第1号",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, c := range Find(text) {
			if c.Start < last || c.End <= c.Start || c.End > len(text) {
				t.Fatalf("Find(%q): citation %+v out of order or range (previous end %d)", text, c, last)
			}
			if c.Alias == "" {
				last = c.End
			}
			if c.DocNumber != "" && c.Key == "" {
				t.Fatalf("Find(%q): 文号 %q without key", text, c.DocNumber)
			}
			if c.Title == "" && c.Key == "" {
				t.Fatalf("Find(%q): empty citation %+v", text, c)
			}
			if c.Alias == "" && c.Title != "" && !strings.Contains(text[c.Start:c.End], c.Title) {
				t.Fatalf("Find(%q): title %q not in its span", text, c.Title)
			}
		}
	})
}
