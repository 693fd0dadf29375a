package duty

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func TestSplitUnits(t *testing.T) {
	d := func(name string, lead bool) Unit { return Unit{Name: name, Lead: lead} }
	c := func(name string, lead bool) Unit { return Unit{Name: name, Lead: lead, Clause: true} }
	tests := []struct {
		name      string
		in        string
		leadFirst bool
		want      []Unit
	}{
		{"plain list", "市委组织部、市民政局", false, []Unit{d("市委组织部", false), d("市民政局", false)}},
		{"lead first", "市委组织部、市民政局", true, []Unit{d("市委组织部", true), d("市民政局", false)}},
		{"clause after comma", "市委编办，各有关部门参与", true, []Unit{d("市委编办", true), c("各有关部门参与", false)}},
		{"clause 配合", "市财政局，相关部门配合", true, []Unit{d("市财政局", true), c("相关部门配合", false)}},
		{"clause in list", "市委政法委、市综治办、各有关部门参与", true,
			[]Unit{d("市委政法委", true), d("市综治办", false), c("各有关部门参与", false)}},
		{"X牵头", "市民政局牵头,各相关单位参与", false, []Unit{d("市民政局", true), c("各相关单位参与", false)}},
		{"牵头 overrides lead first", "市教育局牵头,市民政局、市科技局、市科协参加", true,
			[]Unit{d("市教育局", true), d("市民政局", false), d("市科技局", false), d("市科协", false)}},
		{"group verb covers group", "市民政局、市质监局牵头,各相关部门参与", false,
			[]Unit{d("市民政局", true), d("市质监局", true), c("各相关部门参与", false)}},
		{"bracketed 牵头", "市财政局、市民政局（牵头）", true, []Unit{d("市财政局", false), d("市民政局", true)}},
		{"half-width bracketed 牵头", "市民政局(牵头)、市财政局", false, []Unit{d("市民政局", true), d("市财政局", false)}},
		{"由X牵头", "由市民政局牵头", false, []Unit{d("市民政局", true)}},
		{"participant is not first lead", "市财政局配合", true, []Unit{d("市财政局", false)}},
		{"labels", "牵头单位：市民政局；配合单位：市财政局、市教育局", false,
			[]Unit{d("市民政局", true), d("市财政局", false), d("市教育局", false)}},
		{"space inside name", "市 民政局", false, []Unit{d("市民政局", false)}},
		{"ideographic space inside name", "市民\u3000政局、市财政局", false, []Unit{d("市民政局", false), d("市财政局", false)}},
		{"space between names", "市民政局 市财政局", true, []Unit{d("市民政局", true), d("市财政局", false)}},
		{"space after 委 before a non-unit start", "市委 组织部", false, []Unit{d("市委组织部", false)}},
		{"space inside long name", "国家税务总局 昆明市税务局", false, []Unit{d("国家税务总局昆明市税务局", false)}},
		{"space before 团市委", "市人力资源社会保障局  团市委", false, []Unit{d("市人力资源社会保障局", false), d("团市委", false)}},
		{"space after verb", "市民政局牵头 各相关单位参与", false, []Unit{d("市民政局", true), c("各相关单位参与", false)}},
		{"mixed separators", "市民政局；市财政局;市公安局,市司法局，市教育局\n市科协", false,
			[]Unit{d("市民政局", false), d("市财政局", false), d("市公安局", false), d("市司法局", false), d("市教育局", false), d("市科协", false)}},
		{"empty pieces", "、市民政局、、 ,，市财政局、。", false, []Unit{d("市民政局", false), d("市财政局", false)}},
		{"brackets protect separators", "市民政局、各县（市、区）政府", false, []Unit{d("市民政局", false), c("各县（市、区）政府", false)}},
		{"first listed clause leads", "各县（市、区）政府、市民政局", true, []Unit{c("各县（市、区）政府", true), d("市民政局", false)}},
		{"clause with verb kept whole", "市民政局牵头,各县市区民政局实施、各相关部门参与", false,
			[]Unit{d("市民政局", true), c("各县市区民政局实施", false), c("各相关部门参与", false)}},
		{"县市区 without 各", "县（市、区）人民政府", false, []Unit{c("县（市、区）人民政府", false)}},
		{"duplicates merged", "市民政局、市财政局；市 民政局（牵头）", false, []Unit{d("市民政局", true), d("市财政局", false)}},
		{"markdown line break", "市民政局<br>市财政局", false, []Unit{d("市民政局", false), d("市财政局", false)}},
		{"unclosed bracket still splits", "市民政局（牵头、市财政局", false, []Unit{d("市民政局", true), d("市财政局", false)}},
		{"lone verb dropped", "牵头、市民政局", false, []Unit{d("市民政局", false)}},
		{"empty", "", true, nil},
		{"only separators", "，；、 。", true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitUnits(tt.in, tt.leadFirst)
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SplitUnits(%q, %v)\n got %+v\nwant %+v", tt.in, tt.leadFirst, got, tt.want)
			}
		})
	}
}

func FuzzSplitUnits(f *testing.F) {
	for _, s := range []string{"市委组织部、市民政局", "市教育局牵头,市民政局、市科协参加", "各县（市、区）政府",
		"牵头单位：市民政局；配合单位：市财政局", "市 民政局 市财政局", "（（牵头、", "由牵头"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, leadFirst bool) {
		units := SplitUnits(s, leadFirst)
		for _, u := range units {
			if u.Name == "" {
				t.Fatalf("empty unit name from %q: %+v", s, units)
			}
			if strings.ContainsFunc(u.Name, unicode.IsSpace) {
				t.Fatalf("space left in %q from %q", u.Name, s)
			}
			if u.Lead && !leadFirst && !strings.Contains(s, "牵头") {
				t.Fatalf("lead %q without 牵头 or leadFirst in %q", u.Name, s)
			}
		}
	})
}
