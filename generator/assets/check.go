package assets

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/generator/privacy"
	"github.com/spf13/afero"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"
)

// Check refuses to publish what the build refuses in Markdown: an unmasked ID, mobile or bank
// card number. Text files (CSV, JSON, XML, HTML, plain text …) are read line by line and .xlsx
// workbooks cell by cell; allow lists the numbers the file may show. Other files (PDF, images,
// Word, old .xls) cannot be read and pass unchecked: Readable says which are read. Each
// finding is a *Leak; a file that cannot be read although it should be is an error too, since
// an unchecked list of residents must not slip through.
func Check(fsys afero.Fs, f File, allow []string) []error {
	kind := readKind(f.Src)
	if kind == binary {
		return nil
	}
	data, err := afero.ReadFile(fsys, f.Src)
	if err != nil {
		return []error{fmt.Errorf("%s: cannot read it to check for personal data: %v", f.Src, err)}
	}
	if kind == workbook {
		return checkWorkbook(f, data, allow)
	}
	text, err := decodeText(data)
	if err != nil {
		return []error{fmt.Errorf("%s: cannot check it for personal data: %v", f.Src, err)}
	}
	var errs []error
	for _, found := range privacy.Scan(text, allow) {
		errs = append(errs, &Leak{File: f, Finding: found})
	}
	return errs
}

// Readable reports whether Check reads a file of this name.
func Readable(name string) bool { return readKind(name) != binary }

// Leak is one unmasked personal number in a published file.
type Leak struct {
	File File
	// Cell is where in a workbook the number is, as Excel writes it: Sheet1!B3. Empty for text
	// files, where Finding's Line and Col say where it is.
	Cell string
	privacy.Finding
}

// Error says where the number is, shows it masked, and how to fix it.
func (l *Leak) Error() string {
	where := fmt.Sprintf("%s:%d:%d", l.File.Src, l.Line, l.Col)
	if l.Cell != "" {
		where = l.File.Src + ":" + l.Cell
	}
	fix := "replace its digits with * as in " + l.Masked
	if privacy.Maskable(l.File.Src) {
		fix = fmt.Sprintf("mask it (run `gongkai mask %s`)", l.File.Src)
	}
	if l.File.Origin == Content {
		fix += " or, for an official number, list it under allow_numbers in the front matter of a page in the same folder"
	}
	return fmt.Sprintf("%s: 未脱敏的%s %s 不得公开; %s", where, l.Kind, l.Masked, fix)
}

type kind int

const (
	binary kind = iota
	text
	workbook
)

// textExts are the formats that hold lists of people in the clear. JavaScript, CSS and SVG are
// left out: they are a site's own code and drawings, where long digit runs are not personal.
var textExts = map[string]bool{
	".csv": true, ".tsv": true, ".txt": true, ".text": true, ".json": true, ".geojson": true,
	".xml": true, ".html": true, ".htm": true, ".xhtml": true, ".md": true, ".markdown": true,
	".yaml": true, ".yml": true, ".vcf": true, ".ics": true,
}

func readKind(name string) kind {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case textExts[ext]:
		return text
	case ext == ".xlsx" || ext == ".xlsm":
		return workbook
	}
	return binary
}

// decodeText returns UTF-8 text from a file saved as UTF-8 (with or without a BOM), UTF-16
// with a BOM (Excel's "Unicode text"), or GB18030 (Excel's CSV on a Chinese Windows). Anything
// else is refused rather than scanned as garbage, which would find nothing.
func decodeText(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("broken UTF-16 text: %v; save it as UTF-8", err)
		}
		return out, nil
	}
	if utf8.Valid(data) {
		return data, nil
	}
	if decoded, ok := privacy.FromGB18030(data); ok {
		return decoded, nil
	}
	return nil, fmt.Errorf("it is neither UTF-8, UTF-16 nor GB18030 text; save it as UTF-8")
}

// checkWorkbook scans every cell of every sheet as shown, so that a mobile stored as a number
// is seen as its digits, as `gongkai mask` sees it.
func checkWorkbook(f File, data []byte, allow []string) []error {
	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return []error{fmt.Errorf("%s: not a readable .xlsx workbook, so it cannot be checked for personal data: %v; save it again from Excel (or WPS) as .xlsx", f.Src, err)}
	}
	defer wb.Close()
	var errs []error
	for _, sheet := range wb.GetSheetList() {
		rows, err := wb.GetRows(sheet)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: sheet %s cannot be read to check for personal data: %v", f.Src, sheet, err))
			continue
		}
		for r, row := range rows {
			for c, value := range row {
				for _, found := range privacy.Scan([]byte(value), allow) {
					cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
					errs = append(errs, &Leak{File: f, Cell: sheetRef(sheet) + "!" + cell, Finding: found})
				}
			}
		}
	}
	return errs
}

// sheetRef quotes a sheet name the way Excel does in a reference when it is not a plain word.
func sheetRef(name string) string {
	if strings.ContainsAny(name, " !'-()") {
		return "'" + strings.ReplaceAll(name, "'", "''") + "'"
	}
	return name
}
