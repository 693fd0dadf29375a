package build

import (
	"bytes"
	"path"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/generator/render"
	"github.com/spf13/afero"
	"github.com/xuri/excelize/v2"
)

// filesSite has attachments, images and data files beside its pages, a draft page bundle (an
// index.md whose folder's files stay unpublished with it), a duties_file, hidden files and a
// static/ folder.
const filesSite = `
-- site.yaml --
title: 附件
-- content/policies/_index.md --
---
title: 政策文件
type: policy
---
-- content/policies/a.md --
---
title: 关于公布补贴名单的通知
attachments:
  - {title: 附件1 补贴名单, file: 附件1.pdf}
  - {title: 附件2 申请表, file: forms/申请表.docx}
  - {title: 国务院文件, url: "https://www.gov.cn/a.pdf"}
duties_file: a-duties.csv
---
现将补贴名单（见[附件1](附件1.pdf)）公布如下。

![示意图](img/map.png "位置")

原始数据见[名单](data/名单.csv#top)，办事指南见[指南](/files/guide.pdf)。
-- content/policies/附件1.pdf --
PDF-1.4 附件一
-- content/policies/forms/申请表.docx --
PK docx
-- content/policies/img/map.png --
PNG map
-- content/policies/data/名单.csv --
姓名,补贴
张三,100
-- content/policies/a-duties.csv --
序号,工作任务,责任单位
1,发放补贴,市民政局
-- content/policies/.~lock.名单.csv# --
lock
-- content/notices/2024-x.md --
---
title: 征求意见
---
请下载[意见表](2024-x/意见表.pdf)。
-- content/notices/2024-x/意见表.pdf --
PDF 意见表
-- content/notices/draft/index.md --
---
title: 草稿
draft: true
---
[未定稿](未定稿.pdf)
-- content/notices/draft/未定稿.pdf --
PDF draft
-- content/_archive/old.pdf --
PDF old
-- static/files/guide.pdf --
PDF guide
-- static/css/style.css --
body { color: red }
-- static/.DS_Store --
junk
`

func TestFilesBesideContentArePublished(t *testing.T) {
	s := buildTxtar(t, filesSite).ok()

	for name, want := range map[string]string{
		"policies/附件1.pdf":        "PDF-1.4 附件一\n",
		"policies/forms/申请表.docx": "PK docx\n",
		"policies/img/map.png":    "PNG map\n",
		"policies/data/名单.csv":    "姓名,补贴\n张三,100\n",
		"files/guide.pdf":         "PDF guide\n",
		"css/style.css":           "body { color: red }\n", // the site's static/ replaces the theme's
	} {
		if got := s.file(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if !s.exists("notices/2024-x/意见表.pdf") {
		t.Error("a file in a folder beside the page was not published")
	}
	for _, name := range []string{"policies/a-duties.csv", "policies/.~lock.名单.csv#", ".DS_Store", "notices/draft/未定稿.pdf", "_archive/old.pdf", "policies/a.md"} {
		if s.exists(name) {
			t.Errorf("%s was published", name)
		}
	}

	// Links written beside the file point at the copied file, whatever the page's URL.
	rel := func(p string) string { return render.RelURL(p) }
	s.contains("policies/a/index.html",
		`href="`+rel("/policies/附件1.pdf")+`"`,
		`src="`+rel("/policies/img/map.png")+`"`,
		`href="`+rel("/policies/data/名单.csv")+`#top"`,
		`href="/files/guide.pdf"`,
		`href="https://www.gov.cn/a.pdf"`,
		"发放补贴", // the duties_file is read, not copied
	)
	// The attachments table links the files too.
	s.contains("policies/a/index.html", `<a href="`+rel("/policies/forms/申请表.docx")+`">附件2 申请表</a>`)
	s.contains("notices/2024-x/index.html", `href="`+rel("/notices/2024-x/意见表.pdf")+`"`, "征求意见")
	assertLinksResolve(t, s)
}

func TestMissingAttachmentIsAnErrorWithLine(t *testing.T) {
	site := strings.Replace(filesSite, "file: forms/申请表.docx}", "file: forms/申请书.docx}", 1)
	s := buildTxtar(t, site)
	want := "/site/content/policies/a.md:5: 附件 forms/申请书.docx 不存在：把文件放在 /site/content/policies/forms/申请书.docx，或改正链接 (attachments[1].file)"
	if s.err == nil || !strings.Contains(s.err.Error(), want) {
		t.Errorf("got %v, want %q", s.err, want)
	}
}

func TestBrokenFileLinkIsAnErrorWithLine(t *testing.T) {
	for name, tt := range map[string]struct{ from, to, want string }{
		"missing image":          {"img/map.png \"位置\"", "img/地图.png", "/site/content/policies/a.md:11: 链接的文件 img/地图.png 不存在：把文件放在 /site/content/policies/img/地图.png"},
		"outside content":        {"img/map.png \"位置\"", "../../x.png", "/site/content/policies/a.md:11: 链接的文件 ../../x.png 不存在：它指向 content/ 之外"},
		"the duties_file itself": {"data/名单.csv#top", "a-duties.csv", "/site/content/policies/a.md:13: 链接的文件 a-duties.csv 未发布：/site/content/policies/a-duties.csv 是构建读取的文件"},
	} {
		t.Run(name, func(t *testing.T) {
			s := buildTxtar(t, strings.Replace(filesSite, tt.from, tt.to, 1))
			if s.err == nil || !strings.Contains(s.err.Error(), tt.want) {
				t.Errorf("got %v, want %q", s.err, tt.want)
			}
		})
	}
	// A link to a page that does not exist is not a file, but a dead link all the same.
	s := buildTxtar(t, strings.Replace(filesSite, "[名单](data/名单.csv#top)", "[名单](data/名单.csv#top) [别处](../elsewhere/)", 1))
	if want := "/site/content/policies/a.md:13: 链接 ../elsewhere/ 指向的页面不存在"; s.err == nil || !strings.Contains(s.err.Error(), want) {
		t.Errorf("got %v, want %q", s.err, want)
	}
}

func TestCopiedFileMustNotReplaceGeneratedOne(t *testing.T) {
	for name, tt := range map[string]struct{ file, want string }{
		"a page":            {"content/policies/a/index.html", "/site/content/policies/a/index.html: 会覆盖构建生成的 /policies/a/index.html"},
		"robots.txt":        {"static/robots.txt", "/site/static/robots.txt: 会覆盖构建生成的 /robots.txt"},
		"a data file":       {"static/data/documents.json", "/site/static/data/documents.json: 会覆盖构建生成的 /data/documents.json"},
		"content vs static": {"static/policies/附件1.pdf", "/site/static/policies/附件1.pdf: 它和 /site/content/policies/附件1.pdf 都会发布为 /policies/附件1.pdf"},
	} {
		t.Run(name, func(t *testing.T) {
			s := buildTxtar(t, filesSite+"-- "+tt.file+" --\n<p>x</p>\n")
			if s.err == nil || !strings.Contains(s.err.Error(), tt.want) {
				t.Errorf("got %v, want %q", s.err, tt.want)
			}
			if s.exists("index.html") {
				t.Error("a failed build published")
			}
		})
	}
}

// A spreadsheet of residents committed beside a page must not reach public/.
func TestPersonalDataInFilesFailsTheBuild(t *testing.T) {
	fs := afero.NewMemMapFs()
	writeArchive(t, fs, filesSite)
	rebuild(t, fs).ok()
	before, _ := afero.ReadFile(fs, "/site/public/policies/a/index.html")

	write := func(name string, data []byte) {
		t.Helper()
		if err := afero.WriteFile(fs, path.Join("/site", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/policies/data/名单.csv", []byte("姓名,身份证号\n张三,110105********002X\n李四,11010519491231002X\n"))
	write("content/policies/data/名单.xlsx", workbookBytes(t, map[string]string{"A1": "姓名", "B3": "13812345678"}))
	write("content/policies/a-duties.csv", []byte("序号,工作任务,责任单位\n1,联系13987654321,市民政局\n"))
	s := rebuild(t, fs)
	if s.err == nil {
		t.Fatal("a CSV with a valid ID number was published")
	}
	msg := s.err.Error()
	for _, want := range []string{
		"/site/content/policies/data/名单.csv:3:4: 未脱敏的身份证号 110105********002X 不得公开; 请脱敏（运行 `gongkai mask /site/content/policies/data/名单.csv`）",
		"/site/content/policies/data/名单.xlsx:Sheet1!B3: 未脱敏的手机号 138****5678",
		"/site/content/policies/a-duties.csv:2:5: 未脱敏的手机号",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error does not contain %q:\n%s", want, msg)
		}
	}
	for _, raw := range []string{"11010519491231002X", "13812345678", "13987654321"} {
		if strings.Contains(msg, raw) {
			t.Errorf("the error shows %s unmasked", raw)
		}
	}
	after, _ := afero.ReadFile(fs, "/site/public/policies/a/index.html")
	if !bytes.Equal(before, after) {
		t.Error("a failed build changed public/")
	}
	if s.exists("policies/data/名单.xlsx") || strings.Contains(s.file("policies/data/名单.csv"), "李四") {
		t.Error("a file with personal data reached public/")
	}

	// An official number listed under allow_numbers of a page in the folder may be shown.
	write("content/policies/a-duties.csv", []byte("序号,工作任务,责任单位\n1,发放补贴,市民政局\n"))
	write("content/policies/data/名单.csv", []byte("姓名,补贴\n张三,100\n"))
	write("content/policies/data/名单.xlsx", workbookBytes(t, map[string]string{"A1": "咨询电话", "B1": "13812345678"}))
	write("content/policies/data/说明.md", []byte("---\ntitle: 数据说明\nallow_numbers: [13812345678]\n---\n见[名单](名单.xlsx)。\n"))
	rebuild(t, fs).ok()
}

func workbookBytes(t *testing.T, cells map[string]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for cell, v := range cells {
		if err := f.SetCellStr("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A consultation's attachments use url:; a relative one names a file beside the page.
func TestConsultationAttachmentFile(t *testing.T) {
	const site = `
-- site.yaml --
title: 征求意见
-- content/consultations/x.md --
---
title: 关于调整管辖范围的意见征求
type: consultation
date: 2024-05-10
subject: 调整管辖范围
organizer: 长胜社区居民委员会
phases:
  - {name: 征求意见, start: 2024-05-06, end: 2024-05-20}
attachments:
  - {title: 附件1 调整方案, url: x/调整方案.pdf}
  - {title: 组织法, url: "https://www.npc.gov.cn/"}
---
正文。
-- content/consultations/x/调整方案.pdf --
PDF 方案
`
	s := buildTxtar(t, site).ok()
	s.contains("consultations/x/index.html", `href="`+render.RelURL("/consultations/x/调整方案.pdf")+`"`, `href="https://www.npc.gov.cn/"`)
	if !s.exists("consultations/x/调整方案.pdf") {
		t.Error("the attachment was not published")
	}

	s = buildTxtar(t, strings.Replace(site, "url: x/调整方案.pdf", "url: x/调整方案.docx", 1))
	want := "/site/content/consultations/x.md:10: 附件 x/调整方案.docx 不存在"
	if s.err == nil || !strings.Contains(s.err.Error(), want) {
		t.Errorf("got %v, want %q", s.err, want)
	}
}

// A page bundle (a folder with index.md) is the page at the folder's URL, with its files beside
// it; the parent section lists it, and no section listing takes its URL.
func TestPageBundleIsThePageAtItsFolder(t *testing.T) {
	s := buildTxtar(t, `
-- site.yaml --
title: 附件
-- content/notices/_index.md --
---
title: 通知公告
---
-- content/notices/2024-qingkuang/index.md --
---
title: 关于低保资金发放情况的公示
date: 2024-05-01
---
发放明细见[附件](明细.pdf)。
-- content/notices/2024-qingkuang/明细.pdf --
PDF 明细
`).ok()
	s.contains("notices/2024-qingkuang/index.html", "关于低保资金发放情况的公示", "发放明细见", `href="`+render.RelURL("/notices/2024-qingkuang/明细.pdf")+`"`)
	s.contains("notices/index.html", `href="`+render.RelURL("/notices/2024-qingkuang/")+`"`)
	if !s.exists("notices/2024-qingkuang/明细.pdf") {
		t.Error("the bundle's file was not published")
	}
	assertLinksResolve(t, s)
}
