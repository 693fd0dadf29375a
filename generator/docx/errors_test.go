package docx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestConvertErrors(t *testing.T) {
	good := fixture{body: p("正文。")}.bytes(t)
	withDoc := func(doc string) []byte {
		parts := fixture{body: p("正文。")}.parts()
		parts["word/document.xml"] = doc
		return zipParts(t, parts)
	}
	noDoc := func() []byte {
		parts := fixture{}.parts()
		delete(parts, "word/document.xml")
		return zipParts(t, parts)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("这是一个文本文件"), "不是 .docx 文件"},
		{"empty file", nil, "不是 .docx 文件"},
		{"old .doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), "旧版 Word .doc"},
		{"truncated zip", good[:len(good)/2], "不是 .docx 文件"},
		{"zip without document.xml", noDoc(), "缺少 word/document.xml"},
		{"broken XML", withDoc(`<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>未闭合</w:r></w:p></w:body></w:document>`), "不是有效的 XML"},
		{"no body", withDoc(`<w:document xmlns:w="x"><w:background/></w:document>`), "没有正文（w:body）"},
		{"empty document.xml", withDoc(``), "不是有效的 XML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := afero.NewMemMapFs()
			_ = afero.WriteFile(fs, "来文/政策.docx", tt.data, 0o644)
			res, err := Convert(fs, "来文/政策.docx", Options{})
			if err == nil {
				t.Fatalf("no error; got %d bytes of Markdown", len(res.Markdown))
			}
			if !strings.Contains(err.Error(), "来文/政策.docx") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q should name the file and say %q", err, tt.want)
			}
		})
	}
	if _, err := Convert(afero.NewMemMapFs(), "missing.docx", Options{}); err == nil || !strings.Contains(err.Error(), "missing.docx") {
		t.Errorf("missing file: error %v should name it", err)
	}
}

// Damaged numbering costs the numbers, not the document.
func TestDamagedNumberingIsAWarning(t *testing.T) {
	parts := fixture{body: p("正文。") + numbered(1, 0, "总体要求"), numbering: chineseNumbering}.parts()
	parts["word/numbering.xml"] = "<w:numbering><w:num"
	res := convertFixture(t, zipParts(t, parts))
	if got := body(t, res); got != "正文。\n\n总体要求\n" {
		t.Errorf("body = %q", got)
	}
	if !strings.Contains(strings.Join(res.Warnings, "\n"), "numbering.xml") {
		t.Errorf("no warning naming numbering.xml: %q", res.Warnings)
	}
}

// Word for Mac and some converters name the main part differently; _rels/.rels says which.
func TestMainPartFromRelationships(t *testing.T) {
	parts := fixture{body: p("正文。")}.parts()
	parts["word/document2.xml"] = parts["word/document.xml"]
	delete(parts, "word/document.xml")
	parts["_rels/.rels"] = strings.Replace(parts["_rels/.rels"], "word/document.xml", "/word/document2.xml", 1)
	res := convertFixture(t, zipParts(t, parts))
	if got := body(t, res); got != "正文。\n" {
		t.Errorf("body = %q", got)
	}
}

func TestUTF16Document(t *testing.T) {
	parts := fixture{body: p("正文。")}.parts()
	doc := strings.Replace(parts["word/document.xml"], `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	var u16 bytes.Buffer
	u16.Write([]byte{0xFF, 0xFE})
	for _, r := range doc {
		u16.WriteByte(byte(r))
		u16.WriteByte(byte(r >> 8))
	}
	parts["word/document.xml"] = u16.String()
	res := convertFixture(t, zipParts(t, parts))
	if got := body(t, res); got != "正文。\n" {
		t.Errorf("body = %q", got)
	}
}
