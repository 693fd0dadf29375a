package privacy

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// testPDF writes a one-page PDF by hand: content is the page's content stream, font the font
// dictionary (with any objects it needs after it), info the document information dictionary.
func testPDF(content string, font []string, info string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	objs = append(objs, font...)
	infoRef := ""
	if info != "" {
		objs = append(objs, info)
		infoRef = fmt.Sprintf(" /Info %d 0 R", len(objs))
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
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, infoRef, xref)
	return []byte(b.String())
}

var helvetica = []string{"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}

// cidFont is how Chinese PDFs are written: glyph numbers (here 1-12 for 0-9, 张, 三) that mean
// nothing without the font's ToUnicode map.
func cidFont() []string {
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def\n" +
		"1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
		"3 beginbfrange <0001> <000A> <0030> <000B> <000B> <5F20> <000C> <000C> <4E09> endbfrange\n" +
		"endcmap CMapName currentdict /CMap defineresource pop end end"
	return []string{
		"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(cmap), cmap),
	}
}

// glyphs writes s (digits, 张, 三) as the glyph numbers of cidFont.
func glyphs(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			fmt.Fprintf(&b, "%04X", r-'0'+1)
		case r == '张':
			b.WriteString("000B")
		case r == '三':
			b.WriteString("000C")
		}
	}
	return b.String()
}

func TestPDFText(t *testing.T) {
	tests := []struct {
		name  string
		pdf   []byte
		where string
	}{
		{"text split across operators", testPDF("BT /F1 12 Tf 72 720 Td (tel 1381234) Tj (5678) Tj ET", helvetica, ""), "第 1 页"},
		{"CID font with ToUnicode", testPDF("BT /F1 12 Tf 72 720 Td <"+glyphs("张三110101199003070011")+"> Tj ET", cidFont(), ""), "第 1 页"},
		{"document properties", testPDF("BT /F1 12 Tf 72 720 Td (list) Tj ET", helvetica, "<< /Author ("+plantedID+") >>"), "文档属性 Author"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := findings(t, tt.pdf); !hasFinding(got, tt.where) {
				t.Errorf("findings %q, want one at %s", got, tt.where)
			}
		})
	}
}

func TestPDFWithoutTextIsUnreadable(t *testing.T) {
	_, _, err := ReadText(testPDF("0 0 m 100 100 l S", helvetica, ""))
	var ue *UnreadableError
	if !errors.As(err, &ue) || !strings.Contains(ue.Reason, "扫描件") {
		t.Errorf("err = %v", err)
	}
	_, _, err = ReadText([]byte("%PDF-1.4\n garbage"))
	if !errors.As(err, &ue) {
		t.Errorf("broken PDF: err = %v", err)
	}
}

// TestPDFTimeout: a PDF that takes too long is refused, and the next one is read by a new engine.
func TestPDFTimeout(t *testing.T) {
	pdf := testPDF("BT /F1 12 Tf 72 720 Td (tel 13812345678) Tj ET", helvetica, "")
	if _, err := PDFText(pdf); err != nil { // start the engine outside the time limit
		t.Fatal(err)
	}
	saved := pdfTimeout
	pdfTimeout = time.Nanosecond
	_, err := PDFText(pdf)
	pdfTimeout = saved
	var ue *UnreadableError
	if !errors.As(err, &ue) || !strings.Contains(ue.Reason, "读取超过") {
		t.Errorf("err = %v", err)
	}
	if got := findings(t, pdf); !hasFinding(got, "第 1 页") {
		t.Errorf("after a timeout, findings %q", got)
	}
}
