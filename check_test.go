package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/generator/build"
)

// A site with one problem of each kind a build refuses.
var brokenSite = map[string]string{
	"site.yaml":                "title: 检查\ndepartments:\n  - {name: 市发展改革委, aliases: [市发改委]}\n",
	"content/policies/date.md": "---\ntitle: 日期\ntype: policy\nwritten: 2024-02-30\n---\n正文\n",
	"content/policies/ref.md":  "---\ntitle: 引用\ntype: policy\nrepealed_by: 无此〔2020〕1号\n---\n正文\n",
	"content/policies/dept.md": "---\ntitle: 部门\ntype: policy\n---\n| 序号 | 工作任务 | 责任单位 |\n|---|---|---|\n| 1 | 做好工作 | 市发改局 |\n",
	"content/consultations/c.md": "---\ntitle: 表决\ntype: consultation\nphases:\n  - {name: 征求意见, start: 2024-01-01, end: 2024-01-10}\n" +
		"electorate: {basis: 户籍人口, count: 100}\nrule: {threshold: 0.5, of: electorate, strict: true}\n" +
		"tallies: {agree: 40, disagree: 30, abstain: 10, invalid: 0, no_response: 20}\noutcome: 通过\n---\n",
	"content/policies/link.md":  "---\ntitle: 链接\n---\n见[别处](/no/such/page/)。\n\n见[文件](../policies/nothing.md)。\n",
	"content/disclosures/id.md": "---\ntitle: 名单\ntype: disclosure\nresponsible: 村民委员会\nvillage: 某村\ncategory: 低保\nnotice: {start: 2024-01-01, end: 2024-01-10}\n---\n张三 11010519491231002X\n",
	"content/disclosures/sum.md": "---\ntitle: 财务\ntype: disclosure\nresponsible: 村民委员会\nvillage: 某村\ncategory: 财务收支\nnotice: {start: 2024-01-01, end: 2024-01-10}\n---\n" +
		"| 项目 | 收入（元） |\n|---|---|\n| 甲 | 100.00 |\n| 乙 | 50.00 |\n| 合计 | 160.00 |\n",
}

func TestCheckReportsEachKindWithFileLine(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, brokenSite)
	problems := check(build.Options{Source: dir})
	want := map[string]string{
		"date.md:4": "written",
		"ref.md:4":  "无此〔2020〕1号",
		"c.md:":     "546", // not used: threshold shown below
		"id.md:9":   "身份证号",
		"sum.md:13": "合计",
		"dept.md:7": "市发改局",
		"link.md:4": "/no/such/page/",
		"link.md:6": "../policies/nothing.md",
	}
	delete(want, "c.md:")
	var text bytes.Buffer
	if err := printProblems(&text, cliText{}, problems, "text"); err != nil {
		t.Fatal(err)
	}
	out := text.String()
	for loc, word := range want {
		found := false
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, loc) && strings.Contains(line, word) {
				found = true
			}
		}
		if !found {
			t.Errorf("check output has no line with %q and %q:\n%s", loc, word, out)
		}
	}
	if !regexp.MustCompile(`c\.md:\d+: 错误: .*40`).MatchString(out) {
		t.Errorf("consultation arithmetic not reported with the numbers:\n%s", out)
	}
	if strings.Contains(out, "11010519491231002X") {
		t.Error("check printed the unmasked ID number")
	}
	var gh bytes.Buffer
	_ = printProblems(&gh, cliText{}, problems, "github")
	for _, line := range strings.Split(strings.TrimSpace(gh.String()), "\n") {
		if !regexp.MustCompile(`^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=gongkai::[^\n]+$`).MatchString(line) {
			t.Errorf("not a valid workflow annotation: %q", line)
		}
	}
}
