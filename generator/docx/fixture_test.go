package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/generator/markdown"
	"github.com/spf13/afero"
	"github.com/yuin/goldmark/text"
)

// Fixtures are built in the test from hand-written WordprocessingML, so every case shows the XML
// Word would write and no binary file needs explaining.

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml"`

type fixture struct {
	body      string // inner XML of w:body
	numbering string // inner XML of w:numbering, "" for none
	styles    string // inner XML of w:styles, "" for none
}

func (f fixture) parts() map[string]string {
	rels := `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`
	p := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + f.body +
			`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
	}
	if f.numbering != "" {
		p["word/numbering.xml"] = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + wordNS + `>` + f.numbering + `</w:numbering>`
	}
	if f.styles != "" {
		p["word/styles.xml"] = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNS + `>` + f.styles + `</w:styles>`
	}
	return p
}

func (f fixture) bytes(t testing.TB) []byte { return zipParts(t, f.parts()) }

func zipParts(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedKeys(parts) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// convertFixture writes data to an in-memory fs and converts it.
func convertFixture(t testing.TB, data []byte) *Result {
	t.Helper()
	fs := afero.NewMemMapFs()
	if err := afero.WriteFile(fs, "in/test.docx", data, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Convert(fs, "in/test.docx", Options{Section: "policies"})
	if err != nil {
		t.Fatalf("Convert: %v", err)
	}
	return res
}

// body returns the Markdown after the front matter.
func body(t testing.TB, res *Result) string {
	t.Helper()
	s := string(res.Markdown)
	_, after, ok := strings.Cut(strings.TrimPrefix(s, "---\n"), "\n---\n")
	if !ok {
		t.Fatalf("no front matter in:\n%s", s)
	}
	return strings.TrimPrefix(after, "\n")
}

// p is a paragraph of one run; r is a run; both escape their text.
func p(text string) string { return `<w:p>` + r(text) + `</w:p>` }

func r(text string) string { return `<w:r><w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>` }

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// numbered is a paragraph with direct numbering.
func numbered(numID, ilvl int, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + strconv.Itoa(ilvl) + `"/><w:numId w:val="` + strconv.Itoa(numID) + `"/></w:numPr></w:pPr>` + r(text) + `</w:p>`
}

// tc is a table cell; props is the inner XML of w:tcPr; each para becomes a paragraph.
func tc(props string, paras ...string) string {
	var b strings.Builder
	b.WriteString(`<w:tc>`)
	if props != "" {
		b.WriteString(`<w:tcPr>` + props + `</w:tcPr>`)
	}
	if len(paras) == 0 {
		b.WriteString(`<w:p/>`)
	}
	for _, s := range paras {
		b.WriteString(p(s))
	}
	b.WriteString(`</w:tc>`)
	return b.String()
}

func tr(cells ...string) string { return `<w:tr>` + strings.Join(cells, "") + `</w:tr>` }

func tbl(rows ...string) string {
	return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid/>` + strings.Join(rows, "") + `</w:tbl>`
}

// tables parses the converted body with the site's goldmark set-up (GFM tables) and returns its
// tables as the site's parsers see them.
func tables(t testing.TB, res *Result) []markdown.Table {
	t.Helper()
	src := []byte(body(t, res))
	doc := markdown.New(markdown.Options{}).Parser().Parse(text.NewReader(src))
	return markdown.Tables(doc, src)
}

func onlyTable(t testing.TB, res *Result) (header []string, rows [][]string) {
	t.Helper()
	ts := tables(t, res)
	if len(ts) != 1 {
		t.Fatalf("want 1 table, found %d in:\n%s", len(ts), res.Markdown)
	}
	return ts[0].Header, ts[0].Rows
}
