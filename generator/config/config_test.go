package config

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, src, wantErr string
	}{
		{"minimal", "title: 公开\n", ""},
		{"empty file gets defaults", "", ""},
		{"unknown key", "title: a\ntitel: b\n", `site.yaml:2: 未知的键 "titel"`},
		{"wrong type", "title: a\npaginate: 很多\n", `site.yaml:2: "很多" 是文字，此处应为数字`},
		{"wrong type in list", "menu:\n  - {name: a, url: /a/, weight: x}\n", "site.yaml:2:"},
		{"nested unknown key", "markup:\n  unsafe: true\n", `site.yaml:2: 未知的键 "unsafe"`},
		{"bad language", "language: fr\n", "不支持 language \"fr\""},
		{"syntax error", "title: a\nmenu: [x\n", "site.yaml:2:"},
		{"unclosed bracket explained", "title: a\nmenu: [x\n", "括号或引号没有配对"},
		{"colon in a value explained", "title: 公告: 第一号\n", "site.yaml:1: YAML 语法错误"},
		{"tab indent explained", "markup:\n\tunsafe: true\n", "缩进只用空格"},
		{"departments", "departments:\n  - {name: 市民政局, aliases: [民政局], level: 市}\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("site.yaml", []byte(tt.src))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if cfg.Language != "zh-CN" && !strings.Contains(tt.src, "language") {
					t.Errorf("default language = %q", cfg.Language)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add("title: a\nmenu: [{name: b, url: /}]\n")
	f.Add("taxonomies: [{key: tags}]\nsynonyms: [[a, b]]\n")
	f.Fuzz(func(t *testing.T, src string) {
		_, _ = Parse("site.yaml", []byte(src))
	})
}
