package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/generator/build"
)

func TestCommandLineSpeaksTheSiteLanguage(t *testing.T) {
	for lang, want := range map[string][]string{
		"en":    {"Built 2 pages (home 1, page 1)", "1 warning, in"},
		"zh-CN": {"已生成 2 个页面（home 1, page 1）", "1 条警告，用时"},
	} {
		dir := t.TempDir()
		writeSite(t, dir, map[string]string{
			"site.yaml":    "title: 语言\nlanguage: " + lang + "\n", // no baseURL: one warning
			"content/a.md": "---\ntitle: 甲\n---\n正文\n",
		})
		var out, errw bytes.Buffer
		cmd := buildCmd()
		cmd.SetOut(&out)
		cmd.SetErr(&errw)
		cmd.SetArgs([]string{"-s", dir, "--no-index"})
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		for _, w := range want[:1] {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s: build says %q, want %q", lang, out.String(), w)
			}
		}
		if !strings.Contains(out.String(), want[len(want)-1]) {
			t.Errorf("%s: build says %q, want %q", lang, out.String(), want[len(want)-1])
		}
		if lang == "zh-CN" && !strings.HasPrefix(errw.String(), "警告：") {
			t.Errorf("zh-CN warning line %q", errw.String())
		}
	}
	en := cliText{en: true}
	for got, want := range map[string]string{
		en.results(1, "低保"):                               `1 result for "低保"`,
		en.results(2, "低保"):                               `2 results for "低保"`,
		en.buildTotals(1, 1, 1, "5ms"):                    "  1 file, 1 search record, 1 warning, in 5ms",
		en.buildTotals(0, 2, 0, "5ms"):                    "  0 files, 2 search records, 0 warnings, in 5ms",
		cliText{}.results(1, "低保"):                        "“低保”：1 条结果",
		cliText{}.severity("warning"):                     "警告",
		en.severity("warning"):                            "warning",
		cliText{}.imported("content/policies/a.md"):       "已写入 content/policies/a.md（draft: true）",
		en.imported("content/policies/a.md"):              "Wrote content/policies/a.md (draft: true)",
		cliText{}.guessed([]string{"doc_number", "date"}): "以下字段是从文件开头推测的，请核对：doc_number、date",
		cliText{}.masked("a.csv", 2):                      "a.csv: 已脱敏 2 处",
		en.masked("a.csv", 1):                             "a.csv: masked 1 value",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// check lists a file's problems top to bottom (line 4 before line 11), errors and warnings
// together, file by file.
func TestCheckSortedByFileAndLine(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"site.yaml":    "title: 顺序\n",
		"content/a.md": "---\ntitle: 甲\n---\n[见](/no/1/)\n\n\n\n\n\n\n[见](/no/2/)\n",
		"content/b.md": "---\ntitle: 乙\n---\n[见](/no/3/)\n",
	})
	problems := check(build.Options{Source: dir})
	var order []string
	for _, p := range problems {
		order = append(order, fmt.Sprintf("%s:%d", strings.TrimPrefix(p.File, dir+"/"), p.Line))
	}
	want := "content/a.md:4 content/a.md:11 content/b.md:4 site.yaml:0"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("check order %s, want %s", got, want)
	}
}
