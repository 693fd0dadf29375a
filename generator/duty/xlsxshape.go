package duty

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A duty table has a dozen columns and at most a few thousand rows. excelize's GetRows gives
// every row as many cells as its farthest one: a 16 KB workbook with one cell in column XFD on
// each of 2,000 rows made it allocate 8.7 GB in 12 s. The sheets are scanned first, as a stream,
// and cells beyond these bounds are an error naming the sheet and the cell.
const (
	maxColumns = 64
	maxRows    = 50000
)

// checkShape scans every worksheet of the workbook for cells beyond maxColumns or maxRows.
func checkShape(path string, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil // excelize reports it
	}
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			continue
		}
		err = scanSheet(path, f.Name, rc)
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func scanSheet(path, sheet string, r io.Reader) error {
	d := xml.NewDecoder(r)
	rows := 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			return nil // the end, or XML excelize will refuse in its own words
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "row":
			rows++
			n := rows
			if v := attr(se, "r"); v != "" {
				n, _ = strconv.Atoi(v)
			}
			if rows > maxRows || n > maxRows {
				return &RowError{Path: path, Row: max(n, rows), Msg: fmt.Sprintf("工作表 %s 超过 %d 行，不像是任务分工表；请只保留任务分工表，或另存为 .csv", sheet, maxRows)}
			}
		case "c":
			ref := attr(se, "r")
			if col := columnOf(ref); col > maxColumns {
				return &RowError{Path: path, Row: max(rows, 1), Msg: fmt.Sprintf("工作表 %s 的单元格 %s 超出第 %d 列，不像是任务分工表；请删除表格右侧多余的单元格，或另存为 .csv", sheet, ref, maxColumns)}
			}
		}
	}
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// columnOf turns the letters of a cell reference (AB12) into a column number (28); 0 when none.
func columnOf(ref string) int {
	col := 0
	for _, c := range ref {
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
		if col > 1<<20 {
			break
		}
	}
	return col
}
