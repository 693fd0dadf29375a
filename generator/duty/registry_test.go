package duty

import (
	"reflect"
	"strings"
	"testing"
)

func TestNewRegistryRejects(t *testing.T) {
	tests := []struct {
		name string
		deps []Department
		want string
	}{
		{"duplicate name", []Department{{Name: "市民政局"}, {Name: "市民政局"}}, "市民政局"},
		{"alias equals another name across width and spaces", []Department{{Name: "市发展改革委"}, {Name: "市发改委", Aliases: []string{"市 发展改革委"}}}, "市发展改革委"},
		{"alias shared", []Department{{Name: "甲", Aliases: []string{"丙"}}, {Name: "乙", Aliases: []string{"丙"}}}, "丙"},
		{"slug shared", []Department{{Name: "甲", Slug: "minzheng"}, {Name: "乙", Slug: "MinZheng"}}, "已被 甲 使用"},
		{"slug equals another's default", []Department{{Name: "甲", Slug: "乙"}, {Name: "乙"}}, "乙"},
		{"bad slug", []Department{{Name: "甲", Slug: "a/b"}}, "a/b"},
		{"empty name", []Department{{Name: " ", Slug: "x"}}, "name 为空"},
		{"empty alias", []Department{{Name: "甲", Aliases: []string{""}}}, "别名（aliases）为空"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewRegistry(tt.deps)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("NewRegistry: error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
	if _, err := NewRegistry([]Department{{Name: "甲", Aliases: []string{"甲"}}}); err != nil {
		t.Errorf("a name repeated as its own alias is harmless: %v", err)
	}
}

func TestRegistryResolve(t *testing.T) {
	r, err := NewRegistry([]Department{
		{Name: "市发展改革委", Aliases: []string{"市发改委"}, Level: "市", Slug: "fagaiwei"},
		{Name: "市民政局", Level: "市"},
		{Name: "中国人民银行昆明中心支行", Slug: "renhang-kunming"},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"市发展改革委", "市发展改革委", true},
		{"市发改委", "市发展改革委", true},
		{"市 发改委", "市发展改革委", true},
		{"市民政局", "市民政局", true},
		{"市\u3000民政局", "市民政局", true},
		{"中国人民银行昆明中心支行", "中国人民银行昆明中心支行", true},
		{"市财政局", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		d, ok := r.Resolve(tt.in)
		if ok != tt.ok || d.Name != tt.want {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %v", tt.in, d.Name, ok, tt.want, tt.ok)
		}
	}
	if got := Slug(Department{Name: "市 民政局"}); got != "市民政局" {
		t.Errorf("default slug = %q", got)
	}
	if got := Slug(Department{Name: "市发展改革委", Slug: "fagaiwei"}); got != "fagaiwei" {
		t.Errorf("slug = %q", got)
	}
	var nilReg *Registry
	if _, ok := nilReg.Resolve("市民政局"); ok {
		t.Error("nil registry resolved a name")
	}
}

func TestRegistrySuggest(t *testing.T) {
	r, err := NewRegistry([]Department{
		{Name: "市发展改革委"}, {Name: "市委组织部"}, {Name: "市民政局"}, {Name: "市财政局"},
		{Name: "市人力资源社会保障局"}, {Name: "市住房城乡建设局"},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		n    int
		want []string
	}{
		{"市发改委", 1, []string{"市发展改革委"}},
		{"市民政", 1, []string{"市民政局"}},
		{"市民证局", 1, []string{"市民政局"}},
		{"市人力资源和社会保障局", 1, []string{"市人力资源社会保障局"}},
		{"市住建局", 1, []string{"市住房城乡建设局"}},
		{"市财政局", 2, []string{"市财政局", "市民政局"}},
		{"教育局", 3, nil},
		{"市发改委", 0, nil},
		{"", 3, nil},
	}
	for _, tt := range tests {
		got := r.Suggest(tt.in, tt.n)
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Suggest(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
