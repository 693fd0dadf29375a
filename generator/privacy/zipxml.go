package privacy

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// maxZipEntries caps the parts of one archive: a zip of a million empty files is refused
// before it costs anything.
const maxZipEntries = 10000

// zipText reads every part of a zip: Office Open XML (xlsx, docx, pptx and WPS's), OpenDocument
// and plain archives alike. XML parts give their text and attribute values, so nothing in a
// workbook is left out: hidden sheets, raw cell values whatever their number format, shared
// strings, comments, headers and footers, data-validation lists, defined names, document
// properties, pivot caches, charts. Other parts are read like a file of their own (an xlsx
// embedded in a docx is read; an old .xls embedded in it is unreadable, and so is the whole).
func zipText(data []byte, budget *int64, depth int) ([]Segment, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("zip 文件（xlsx/docx 等）已损坏: %v", err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, &UnreadableError{ZipFile, fmt.Sprintf("包含 %d 个文件，超过 %d 个，无法检查", len(zr.File), maxZipEntries)}
	}
	parts := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		if f.Flags&0x1 != 0 {
			return nil, &UnreadableError{ZipFile, f.Name + " 已加密，无法检查"}
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: 无法打开：%v", f.Name, err)
		}
		body, err := readCapped(rc, budget)
		rc.Close()
		if err != nil {
			return nil, err
		}
		parts[f.Name] = body
		names = append(names, f.Name)
	}
	sort.Strings(names)
	wb := readWorkbook(parts)
	// The names of an archive's files are published with it.
	segs := []Segment{{Where: "文件名", Text: []byte(strings.Join(names, "\n"))}}
	for _, name := range names {
		body := parts[name]
		if name == sharedStringsPart && wb.shared != nil {
			continue // scanned where the cells show them, and below
		}
		if isXMLPart(name, body) {
			s, err := xmlText(name, body, wb)
			if err != nil {
				return nil, &UnreadableError{ZipFile, fmt.Sprintf("%s 不是完好的 XML（%v），无法检查", name, err)}
			}
			segs = append(segs, s...)
			continue
		}
		_, inner, err := readText(body, budget, depth+1)
		if err != nil {
			var ue *UnreadableError
			if errors.As(err, &ue) {
				return nil, &UnreadableError{ZipFile, fmt.Sprintf("其中的 %s: %s", name, ue.Reason)}
			}
			return nil, err
		}
		for _, s := range inner {
			s.Where = joinWhere(name, s.Where)
			segs = append(segs, s)
		}
	}
	// The table of shared strings is published whole: a string no cell shows is still there.
	for i, text := range wb.shared {
		if !wb.usedShared[i] {
			segs = append(segs, Segment{Where: fmt.Sprintf("%s 第 %d 项（没有单元格使用）", sharedStringsPart, i+1), Text: []byte(text)})
		}
	}
	return segs, nil
}

const sharedStringsPart = "xl/sharedStrings.xml"

func joinWhere(outer, inner string) string {
	if inner == "" {
		return outer
	}
	return outer + " → " + inner
}

func isXMLPart(name string, body []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".xml", ".rels", ".vml":
		return true
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(body, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	return bytes.HasPrefix(trimmed, []byte("<?xml"))
}

// workbook is what a worksheet part needs to say where a number is: sheet names and shared
// strings.
type workbook struct {
	sheetNames map[string]string // part name → sheet name
	shared     []string
	usedShared map[int]bool
}

func readWorkbook(parts map[string][]byte) *workbook {
	wb := &workbook{sheetNames: map[string]string{}, usedShared: map[int]bool{}}
	targets := map[string]string{} // relationship id → part
	if rels, ok := parts["xl/_rels/workbook.xml.rels"]; ok {
		eachStart(rels, func(se xml.StartElement) {
			if se.Name.Local == "Relationship" {
				id, target := attr(se, "Id"), attr(se, "Target")
				if strings.HasPrefix(target, "/") {
					target = strings.TrimPrefix(target, "/")
				} else {
					target = path.Join("xl", target)
				}
				targets[id] = target
			}
		})
	}
	if book, ok := parts["xl/workbook.xml"]; ok {
		eachStart(book, func(se xml.StartElement) {
			if se.Name.Local == "sheet" {
				for _, a := range se.Attr {
					if a.Name.Local == "id" {
						wb.sheetNames[targets[a.Value]] = attr(se, "name")
					}
				}
			}
		})
	}
	if sst, ok := parts[sharedStringsPart]; ok {
		var cur strings.Builder
		in := false
		dec := xml.NewDecoder(bytes.NewReader(sst))
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			switch t := tok.(type) {
			case xml.StartElement:
				if t.Name.Local == "si" {
					in = true
					cur.Reset()
				}
			case xml.CharData:
				if in {
					cur.Write(t)
				}
			case xml.EndElement:
				if t.Name.Local == "si" {
					wb.shared = append(wb.shared, cur.String())
					in = false
				}
			}
		}
	}
	return wb
}

func eachStart(data []byte, fn func(xml.StartElement)) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		if se, ok := tok.(xml.StartElement); ok {
			fn(se)
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// runLevel elements split a paragraph's text into runs for formatting: their text is joined,
// as the reader sees it (Word shows <w:t>1381234</w:t><w:t>5678</w:t> as one number).
var runLevel = map[string]bool{
	"t": true, "r": true, "delText": true, "instrText": true, "span": true, "a": true,
	"hyperlink": true, "ins": true, "del": true, "fldSimple": true, "smartTag": true,
	"sdt": true, "sdtContent": true, "customXml": true, "fld": true,
}

// blockLevel elements end a piece of text: a paragraph, a cell, a shared string.
var blockLevel = map[string]bool{
	"p": true, "tc": true, "tr": true, "si": true, "is": true, "c": true, "comment": true,
	"txbxContent": true, "table-cell": true, "h": true, "list-item": true, "note": true,
	"footnote": true, "endnote": true, "hdr": true, "ftr": true, "body": true, "row": true,
}

var headerFooter = map[string]bool{
	"oddHeader": true, "oddFooter": true, "evenHeader": true, "evenFooter": true, "firstHeader": true, "firstFooter": true,
}

// headerCodeRes match the codes of an Excel header or footer: sections (&L &C &R), fields
// (&P &D &F …), fonts (&"宋体,加粗") and font sizes of 1, 2 or 3 digits (Excel's largest is 409).
var headerCodeRes = []*regexp.Regexp{
	regexp.MustCompile(`&(?:"[^"]*"|[0-9]|[A-Za-z&])`),
	regexp.MustCompile(`&(?:"[^"]*"|[0-9]{1,2}|[A-Za-z&])`),
	regexp.MustCompile(`&(?:"[^"]*"|[0-9]{1,3}|[A-Za-z&])`),
}

var guidRe = regexp.MustCompile(`^\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?$`)

// xmlText lists the text of one XML part. In a worksheet, a cell's text is its raw stored value
// (or its shared string), named by its reference: Sheet1!B3.
func xmlText(part string, body []byte, wb *workbook) ([]Segment, error) {
	sheet, isSheet := wb.sheetNames[part]
	if !isSheet && strings.HasPrefix(part, "xl/worksheets/") {
		sheet, isSheet = part, true
	}
	var (
		segs     []Segment
		buf      strings.Builder
		stack    []string
		hadText  []bool
		cellRef  string
		cellType string
	)
	where := func(elem string) string {
		switch {
		case isSheet && cellRef != "":
			return sheetRef(sheet) + "!" + cellRef
		case isSheet:
			return sheetRef(sheet) + " <" + elem + ">"
		}
		return part + " <" + elem + ">"
	}
	emit := func(w, text string) {
		if strings.TrimSpace(text) != "" {
			segs = append(segs, Segment{Where: w, Text: []byte(text)})
		}
	}
	flush := func(elem string) {
		emit(where(elem), buf.String())
		buf.Reset()
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			stack = append(stack, name)
			hadText = append(hadText, false)
			if isSheet && name == "c" {
				cellRef, cellType = attr(t, "r"), attr(t, "t")
			}
			switch name {
			case "tab":
				buf.WriteByte('\t')
			case "br", "cr", "line-break":
				buf.WriteByte('\n')
			case "s":
				if t.Name.Space != "" && strings.Contains(t.Name.Space, "opendocument") {
					buf.WriteByte(' ')
				}
			}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" || guidRe.MatchString(a.Value) {
					continue
				}
				if isSheet && name == "c" && a.Name.Local == "r" {
					continue
				}
				v := a.Value
				if a.Name.Local == "formatCode" {
					// A number format may show literal text: "13812345678" or \1\3\8….
					v = strings.NewReplacer(`\`, "", `"`, "").Replace(v)
				}
				emit(where(name+" "+a.Name.Local), v)
			}
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			if len(bytes.TrimSpace(t)) > 0 {
				hadText[len(hadText)-1] = true
			}
			buf.Write(t)
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			name := stack[len(stack)-1]
			direct := hadText[len(hadText)-1]
			stack, hadText = stack[:len(stack)-1], hadText[:len(hadText)-1]
			switch {
			case isSheet && name == "v" && cellRef != "":
				v := strings.TrimSpace(buf.String())
				buf.Reset()
				if cellType == "s" {
					if i, err := strconv.Atoi(v); err == nil && i >= 0 && i < len(wb.shared) {
						wb.usedShared[i] = true
						v = wb.shared[i]
					}
				} else if cellType == "" || cellType == "n" {
					v = plainNumber(v)
				}
				emit(where(name), v)
			case headerFooter[name]:
				// &C, &"宋体,常规", &12 are codes of the header's layout, not text. How many
				// digits a font size takes is ambiguous (&1213812345678), so each reading is
				// scanned.
				seen := map[string]bool{}
				for _, re := range headerCodeRes {
					text := re.ReplaceAllString(buf.String(), "\n")
					if !seen[text] {
						seen[text] = true
						emit(where(name), text)
					}
				}
				buf.Reset()
			case runLevel[name]:
			case blockLevel[name] || direct:
				flush(name)
			}
			if isSheet && name == "c" {
				cellRef, cellType = "", ""
			}
		}
	}
	flush("")
	return segs, nil
}

// plainNumber writes a number stored in scientific notation (1.3812345678E10) with all its
// digits, as Excel shows it in a wide enough column, so that the scan sees the number.
func plainNumber(v string) string {
	if !strings.ContainsAny(v, "eE") {
		return v
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f > 1e21 || f < -1e21 {
		return v
	}
	return v + "\n" + strconv.FormatFloat(f, 'f', -1, 64)
}

// sheetRef quotes a sheet name the way Excel does in a reference when it is not a plain word.
func sheetRef(name string) string {
	if strings.ContainsAny(name, " !'-()") {
		return "'" + strings.ReplaceAll(name, "'", "''") + "'"
	}
	return name
}
