package build

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"path"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"
)

const (
	attachID    = "110101199003070011"
	attachPhone = "13812345678"
)

const attachSite = `
-- site.yaml --
title: 附件
-- content/info/_index.md --
---
title: 公开文件
---
-- content/info/a.md --
---
title: 名单说明
---
名单见附件。
`

// TestBinaryAttachmentsAreChecked plants a number in each kind of file the guard reads from its
// bytes (the txtar corpus in testdata/hostile cannot hold these) and expects the build to fail
// naming the file, with nothing published.
func TestBinaryAttachmentsAreChecked(t *testing.T) {
	utf16 := func(s string, bom bool) []byte {
		policy := unicode.IgnoreBOM
		if bom {
			policy = unicode.UseBOM
		}
		b, _ := unicode.UTF16(unicode.LittleEndian, policy).NewEncoder().Bytes([]byte(s))
		return b
	}
	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"UTF-16 without BOM, no extension", "content/info/名单", utf16("姓名\t电话\r\n张三\t"+attachPhone+"\r\n", false), "content/info/名单:2:4: 未脱敏的手机号"},
		{"UTF-16 with BOM as .tsv~", "content/info/名单.tsv~", utf16("张三\t"+attachID+"\r\n", true), "content/info/名单.tsv~:1:4: 未脱敏的身份证号"},
		{"xlsx comment", "content/info/名单.xlsx", xlsxWith(t, func(f *excelize.File) error {
			return f.AddComment("Sheet1", excelize.Comment{Cell: "A1", Author: "王五", Text: attachID})
		}), "content/info/名单.xlsx:xl/comments"},
		{"xlsx hidden sheet", "content/info/汇总.xlsx", xlsxWith(t, func(f *excelize.File) error {
			if _, err := f.NewSheet("原始"); err != nil {
				return err
			}
			if err := f.SetCellValue("原始", "C7", attachPhone); err != nil {
				return err
			}
			return f.SetSheetVisible("原始", false)
		}), "content/info/汇总.xlsx:原始!C7: 未脱敏的手机号"},
		{"xlsx document properties", "content/info/表.xlsx", xlsxWith(t, func(f *excelize.File) error {
			return f.SetDocProps(&excelize.DocProperties{Creator: attachID})
		}), "content/info/表.xlsx:docProps/core.xml"},
		{"docx header", "content/info/通知.docx", zipWith(t, map[string]string{
			"word/document.xml": `<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>通知</w:t></w:r></w:p></w:body></w:document>`,
			"word/header1.xml":  `<w:hdr xmlns:w="w"><w:p><w:r><w:t>联系 138</w:t></w:r><w:r><w:t>12345678</w:t></w:r></w:p></w:hdr>`,
		}), "content/info/通知.docx:word/header1.xml"},
		{"WPS .et (OLE) is refused", "content/info/名单.et", oleBytes(), "content/info/名单.et: 无法检查"},
		{"pdf text", "content/info/名单.pdf", pdfWith("BT /F1 12 Tf 72 720 Td (" + attachID + ") Tj ET"), "content/info/名单.pdf:第 1 页: 未脱敏的身份证号"},
		{"scanned pdf is refused", "content/info/扫描.pdf", pdfWith("0 0 m 9 9 l S"), "content/info/扫描.pdf: 无法检查"},
		{"gzip of a csv", "static/data/名单.csv.gz", gzipOf(t, "张三,"+attachPhone+"\n"), "static/data/名单.csv.gz:1:4: 未脱敏的手机号"},
		{"theme static file", "themes/default/static/js/data.js", []byte("var tel = '" + attachPhone + "';\n"), "themes/default/static/js/data.js:1:12: 未脱敏的手机号"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := afero.NewMemMapFs()
			writeArchive(t, fs, attachSite)
			if err := afero.WriteFile(fs, path.Join("/site", tt.file), tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			s := rebuild(t, fs)
			if s.err == nil {
				t.Fatalf("%s was published", tt.file)
			}
			if !strings.Contains(s.err.Error(), "/site/"+tt.want) {
				t.Errorf("error does not name the place %q:\n%v", tt.want, s.err)
			}
			for _, raw := range []string{attachID, attachPhone} {
				if strings.Contains(s.err.Error(), raw) {
					t.Errorf("the error shows %s unmasked", raw)
				}
			}
			if ok, _ := afero.DirExists(fs, "/site/public"); ok {
				t.Error("a failed build published something")
			}
		})
	}
}

// TestReviewedFilesArePublishedWithTheirReason: privacy.reviewed lets a file the guard cannot
// read through, and every build says so.
func TestReviewedFilesArePublishedWithTheirReason(t *testing.T) {
	fs := afero.NewMemMapFs()
	writeArchive(t, fs, attachSite+`-- content/info/old/说明.txt --
见附件。
`)
	_ = afero.WriteFile(fs, "/site/site.yaml", []byte("title: 附件\nprivacy:\n  reviewed:\n    - path: content/info/**/*.et\n      reason: 旧表格，已人工核对无身份证号（王五）\n    - path: content/none/*.doc\n      reason: 已删除\n"), 0o644)
	_ = afero.WriteFile(fs, "/site/content/info/old/名单.et", oleBytes(), 0o644)
	s := rebuild(t, fs).ok()
	if !s.exists("info/old/名单.et") {
		t.Error("the reviewed file was not published")
	}
	warnings := strings.Join(s.rep.Warnings, "\n")
	for _, want := range []string{
		"/site/content/info/old/名单.et: 未经检查即发布（site.yaml:4 privacy.reviewed: 旧表格，已人工核对无身份证号（王五））",
		"site.yaml:6: privacy.reviewed content/none/*.doc 没有匹配任何无法检查的发布文件",
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings do not contain %q:\n%s", want, warnings)
		}
	}
}

func TestReviewedEntryNeedsAReason(t *testing.T) {
	fs := afero.NewMemMapFs()
	writeArchive(t, fs, attachSite)
	_ = afero.WriteFile(fs, "/site/site.yaml", []byte("title: 附件\nprivacy:\n  reviewed:\n    - path: content/a.pdf\n"), 0o644)
	s := rebuild(t, fs)
	if s.err == nil || !strings.Contains(s.err.Error(), "site.yaml:4: privacy.reviewed 中 content/a.pdf 没有 reason") {
		t.Errorf("err = %v", s.err)
	}
}

func xlsxWith(t *testing.T, build func(f *excelize.File) error) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := build(f); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zipWith(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gzipOf(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write([]byte(s))
	_ = zw.Close()
	return buf.Bytes()
}

// oleBytes is the start of an OLE compound file, the format of .doc, .xls, .et and .wps.
func oleBytes() []byte {
	return append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
}

// pdfWith writes a one-page PDF with Helvetica and the given content stream.
func pdfWith(content string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return []byte(b.String())
}
