package privacy

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// findings lists "where kind" for every number the guard finds in data.
func findings(t testing.TB, data []byte) []string {
	t.Helper()
	_, segs, err := ReadText(data)
	if err != nil {
		t.Fatalf("ReadText: %v", err)
	}
	var out []string
	for _, s := range segs {
		for _, f := range Scan(s.Text, nil) {
			out = append(out, s.Where+" "+f.Kind)
		}
	}
	return out
}

func hasFinding(list []string, where string) bool {
	for _, f := range list {
		if strings.HasPrefix(f, where) {
			return true
		}
	}
	return false
}

func workbookBytes(t testing.TB, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	build(f)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWorkbookEverywhere plants a number in each place of a workbook that Excel or WPS keeps
// and publishes, one workbook per place, and expects the guard to name the place.
func TestWorkbookEverywhere(t *testing.T) {
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		build func(f *excelize.File)
		where string
	}{
		{"cell", func(f *excelize.File) { must(f.SetCellValue("Sheet1", "B3", plantedID)) }, "Sheet1!B3"},
		{"number cell", func(f *excelize.File) { must(f.SetCellValue("Sheet1", "C2", 13812345678)) }, "Sheet1!C2"},
		{"hidden sheet", func(f *excelize.File) {
			_, err := f.NewSheet("隐藏")
			must(err)
			must(f.SetCellValue("隐藏", "A1", plantedID))
			must(f.SetSheetVisible("隐藏", false, true))
		}, "隐藏!A1"},
		{"hidden number format", func(f *excelize.File) {
			hide := ";;;"
			style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &hide})
			must(err)
			must(f.SetCellValue("Sheet1", "A1", 13812345678))
			must(f.SetCellStyle("Sheet1", "A1", "A1", style))
		}, "Sheet1!A1"},
		{"number format that shows a number", func(f *excelize.File) {
			show := `\1\3\8\1\2\3\4\5\6\7\8`
			style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &show})
			must(err)
			must(f.SetCellValue("Sheet1", "A1", 1))
			must(f.SetCellStyle("Sheet1", "A1", "A1", style))
		}, "xl/styles.xml <numFmt formatCode>"},
		{"comment", func(f *excelize.File) {
			must(f.AddComment("Sheet1", excelize.Comment{Cell: "A1", Author: "王五", Text: "身份证 " + plantedID}))
		}, "xl/comments"},
		{"comment author", func(f *excelize.File) {
			must(f.AddComment("Sheet1", excelize.Comment{Cell: "A1", Author: "13812345678", Text: "备注"}))
		}, "xl/comments"},
		{"core properties", func(f *excelize.File) {
			must(f.SetDocProps(&excelize.DocProperties{Creator: "张三 " + plantedID}))
		}, "docProps/core.xml <creator>"},
		{"app properties", func(f *excelize.File) {
			must(f.SetAppProps(&excelize.AppProperties{Company: "联系 13812345678"}))
		}, "docProps/app.xml <Company>"},
		{"header", func(f *excelize.File) {
			must(f.SetHeaderFooter("Sheet1", &excelize.HeaderFooterOptions{OddHeader: "&C&12" + "13812345678"}))
		}, "Sheet1 <oddHeader>"},
		{"footer", func(f *excelize.File) {
			must(f.SetHeaderFooter("Sheet1", &excelize.HeaderFooterOptions{OddFooter: `&L&"宋体,常规"` + plantedID}))
		}, "Sheet1 <oddFooter>"},
		{"data-validation list", func(f *excelize.File) {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = "A1:A9"
			must(dv.SetDropList([]string{"张三", "13812345678"}))
			must(f.AddDataValidation("Sheet1", dv))
		}, "Sheet1 <formula1>"},
		{"defined name", func(f *excelize.File) {
			must(f.SetDefinedName(&excelize.DefinedName{Name: "电话", RefersTo: `"13812345678"`}))
		}, "xl/workbook.xml <definedName>"},
		{"sheet name", func(f *excelize.File) { must(f.SetSheetName("Sheet1", "13812345678")) }, "xl/workbook.xml <sheet name>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findings(t, workbookBytes(t, tt.build))
			if !hasFinding(got, tt.where) {
				t.Errorf("findings %q, want one at %s", got, tt.where)
			}
		})
	}
}

func TestWorkbookStaleSharedString(t *testing.T) {
	// A string no cell uses is still in the file: the scan names the table's entry.
	data := rezip(t, workbookBytes(t, func(f *excelize.File) { _ = f.SetCellValue("Sheet1", "A1", "姓名") }), map[string]string{
		"xl/sharedStrings.xml": `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>姓名</t></si><si><t>` + plantedID + `</t></si></sst>`,
	})
	if got := findings(t, data); !hasFinding(got, "xl/sharedStrings.xml 第 2 项") {
		t.Errorf("findings %q", got)
	}
}

func TestWorkbookScientificNotation(t *testing.T) {
	data := rezip(t, workbookBytes(t, func(f *excelize.File) { _ = f.SetCellValue("Sheet1", "A1", 1) }), map[string]string{
		"xl/worksheets/sheet1.xml": `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1.3812345678E10</v></c></row></sheetData></worksheet>`,
	})
	if got := findings(t, data); !hasFinding(got, "Sheet1!A1") {
		t.Errorf("findings %q", got)
	}
}

// rezip returns the zip data with parts replaced or added.
func rezip(t testing.TB, data []byte, parts map[string]string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if _, ok := parts[f.Name]; ok {
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	for name, body := range parts {
		w, _ := zw.Create(name)
		_, _ = w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zipOf(t testing.TB, parts map[string]string) []byte {
	return rezip(t, emptyZip(t), parts)
}

func emptyZip(t testing.TB) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// TestDocxEverywhere reads a Word document's parts: runs that split a number (Word shows
// it whole), headers, footnotes, comments, properties.
func TestDocxEverywhere(t *testing.T) {
	tests := []struct {
		name, part, body, where string
	}{
		{"runs split by formatting and a bookmark", "word/document.xml",
			`<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>电话 1381234</w:t></w:r><w:bookmarkStart w:id="0" w:name="x"/><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>5678</w:t></w:r></w:p></w:body></w:document>`,
			"word/document.xml"},
		{"tracked deletion", "word/document.xml",
			`<w:document ` + wordNS + `><w:body><w:p><w:del><w:r><w:delText>` + plantedID + `</w:delText></w:r></w:del></w:p></w:body></w:document>`,
			"word/document.xml"},
		{"header", "word/header1.xml", `<w:hdr ` + wordNS + `><w:p><w:r><w:t>` + plantedID + `</w:t></w:r></w:p></w:hdr>`, "word/header1.xml"},
		{"footnote", "word/footnotes.xml", `<w:footnotes ` + wordNS + `><w:footnote><w:p><w:r><w:t>13812345678</w:t></w:r></w:p></w:footnote></w:footnotes>`, "word/footnotes.xml"},
		{"comment", "word/comments.xml", `<w:comments ` + wordNS + `><w:comment w:author="李四 13812345678"><w:p><w:r><w:t>备注</w:t></w:r></w:p></w:comment></w:comments>`, "word/comments.xml"},
		{"properties", "docProps/core.xml", `<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>` + plantedID + `</dc:title></cp:coreProperties>`, "docProps/core.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := zipOf(t, map[string]string{"[Content_Types].xml": `<Types/>`, tt.part: tt.body})
			if got := findings(t, data); !hasFinding(got, tt.where) {
				t.Errorf("findings %q, want one in %s", got, tt.where)
			}
		})
	}
}

func TestZipNested(t *testing.T) {
	inner := workbookBytes(t, func(f *excelize.File) { _ = f.SetCellValue("Sheet1", "A2", plantedID) })
	data := zipOf(t, map[string]string{"word/document.xml": `<w:document ` + wordNS + `/>`, "word/embeddings/Book1.xlsx": string(inner)})
	if got := findings(t, data); !hasFinding(got, "word/embeddings/Book1.xlsx → Sheet1!A2") {
		t.Errorf("findings %q", got)
	}
	ole := zipOf(t, map[string]string{"word/embeddings/oleObject1.bin": "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"})
	_, _, err := ReadText(ole)
	var ue *UnreadableError
	if !errors.As(err, &ue) || !strings.Contains(ue.Reason, "oleObject1.bin") {
		t.Errorf("embedded OLE object: err = %v", err)
	}
}

func TestZipBomb(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	zeros := make([]byte, 1<<20)
	for i := 0; i < MaxUncompressed>>20+2; i++ {
		_, _ = w.Write(zeros)
	}
	_ = zw.Close()
	_, _, err := ReadText(buf.Bytes())
	var ue *UnreadableError
	if !errors.As(err, &ue) || !strings.Contains(ue.Reason, "压缩炸弹") {
		t.Errorf("err = %v", err)
	}
}

func FuzzReadText(f *testing.F) {
	f.Add(zipOf(f, map[string]string{"word/document.xml": `<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>1381234</w:t></w:r></w:p></w:body></w:document>`}))
	f.Add([]byte(`{\rtf1\ansi\ansicpg936 \'31\u51?\par}`))
	f.Add([]byte("\x1f\x8b\x08\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if Sniff(data) == PDFFile {
			return // PDFium is fuzzed by its own project; starting it here would slow the fuzzer
		}
		_, _, _ = ReadText(data)
	})
}
