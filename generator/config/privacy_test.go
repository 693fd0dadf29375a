package config

import (
	"strings"
	"testing"
)

func TestReviewedMatches(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"content/a/名单.et", "content/a/名单.et", true},
		{"content/a/*.pdf", "content/a/扫描.pdf", true},
		{"content/a/*.pdf", "content/a/b/扫描.pdf", false},
		{"content/**/*.pdf", "content/a/b/扫描.pdf", true},
		{"content/**/*.pdf", "content/扫描.pdf", true},
		{"content/**", "content/a/b", true},
		{"content/a/?.doc", "content/a/1.doc", true},
		{"content/a/*.pdf", "static/a/x.pdf", false},
	}
	for _, tt := range tests {
		if got := (Reviewed{Path: tt.pattern}).Matches(tt.path); got != tt.want {
			t.Errorf("%s matches %s = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestReviewedErrors(t *testing.T) {
	for yaml, want := range map[string]string{
		"privacy:\n  reviewed:\n    - path: content/a.pdf\n":                   "site.yaml:3: privacy.reviewed 中 content/a.pdf 没有 reason",
		"privacy:\n  reviewed:\n    - reason: 已核对\n":                           "site.yaml:3: privacy.reviewed 中有一项没有 path",
		"privacy:\n  reviewed:\n    - {path: /etc/a.pdf, reason: x}\n":         "应相对于网站文件夹",
		"privacy:\n  reviewed:\n    - {path: content/../a.pdf, reason: x}\n":   "不得含有 ..",
		"privacy:\n  reviewed:\n    - {path: \"content/[a.pdf\", reason: x}\n": "不是有效的通配模式",
		"privacy:\n  reviewd: []\n":                                            "未知的键",
	} {
		_, err := Parse("site.yaml", []byte(yaml))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", yaml, err, want)
		}
	}
	cfg, err := Parse("site.yaml", []byte("privacy:\n  reviewed:\n    - path: ./content/a/*.pdf\n      reason: 扫描件，已人工核对\n"))
	if err != nil || len(cfg.Privacy.Reviewed) != 1 || cfg.Privacy.Reviewed[0].Line != 3 || cfg.Privacy.Reviewed[0].Path != "content/a/*.pdf" {
		t.Errorf("got %+v, %v", cfg, err)
	}
}
