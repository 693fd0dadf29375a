package duty

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/ziplimit"
	"github.com/spf13/afero"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// RowError points at the row of a duty file a user has to fix, as a spreadsheet shows it.
type RowError struct {
	Path string
	Row  int // CSV line or spreadsheet row, 1-based
	Msg  string
}

func (e *RowError) Error() string { return fmt.Sprintf("%s:%d: %s", e.Path, e.Row, e.Msg) }

// ReadFile reads a duty table from a .csv (UTF-8 with or without BOM; GBK/GB18030 as Excel saves
// it is converted), .tsv or .xlsx file (its first sheet; merged cells take their top-left value).
// The header is the first of the leading rows FromTable recognises, so a title row above it is fine.
// Every task must have text and at least one unit: the errors, joined, name path and row.
//
// lim bounds the file on disk (DataFileSize) and what an xlsx may expand to (UnzippedSize).
func ReadFile(fs afero.Fs, path string, leadFirst bool, lim config.Limits) ([]Task, error) {
	recs, err := readRecords(fs, path, lim.WithDefaults())
	if err != nil {
		return nil, err
	}
	for h := 0; h < len(recs) && h < maxTitleRows; h++ {
		cols, ok := findColumns(recs[h].cells)
		if !ok {
			continue
		}
		body := recs[h+1:]
		rows := make([][]string, len(body))
		for i, r := range body {
			rows[i] = r.cells
		}
		tasks := cols.tasks(rows, leadFirst || cols.leadFirst, SourceFile)
		var errs []error
		for i := range tasks {
			tasks[i].Row = body[tasks[i].Row-1].line
			if err := cols.check(path, tasks[i]); err != nil {
				errs = append(errs, err)
			}
		}
		if len(errs) > 0 {
			return nil, errors.Join(errs...)
		}
		return tasks, nil
	}
	line := 1
	if len(recs) > 0 {
		line = recs[0].line
	}
	return nil, &RowError{Path: path, Row: line, Msg: "没有找到任务分工表的表头；表头一行应包含任务列（细化目标、工作任务、任务或主要任务）" +
		"和责任单位列（责任单位、牵头单位或配合单位），可选 序号、完成时限、进展"}
}

// maxTitleRows is how far down ReadFile looks for the header, past titles and notes.
const maxTitleRows = 10

func (c columns) check(path string, t Task) error {
	switch {
	case t.Text == "":
		return &RowError{Path: path, Row: t.Row, Msg: fmt.Sprintf("这一行有责任单位但没有任务内容；请在“%s”列填写任务，或删除这一行", c.name(c.text))}
	case len(t.Units) == 0:
		col := c.units
		if col < 0 {
			col = c.lead
		}
		if col < 0 {
			col = c.help
		}
		return &RowError{Path: path, Row: t.Row, Msg: fmt.Sprintf("任务“%s”没有责任单位；请在“%s”列填写", shorten(t.Text, 20), c.name(col))}
	}
	return nil
}

func (c columns) name(i int) string {
	if i < 0 || i >= len(c.names) {
		return ""
	}
	return strings.TrimSpace(c.names[i])
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// record is one row of a file with the line (CSV) or row (xlsx) it starts on.
type record struct {
	line  int
	cells []string
}

func readRecords(fs afero.Fs, path string, lim config.Limits) ([]record, error) {
	data, err := readUpTo(fs, path, int64(lim.DataFileSize))
	if err != nil {
		return nil, err
	}
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".csv":
		return readCSV(path, data, ',')
	case ".tsv":
		return readCSV(path, data, '\t')
	case ".xlsx":
		return readXLSX(path, data, int64(lim.UnzippedSize))
	case ".xls", ".et", ".wps":
		return nil, fmt.Errorf("%s: 无法读取旧版 %s 文件；请在 Excel 或 WPS 中另存为 .xlsx 或“CSV UTF-8”", path, ext)
	default:
		return nil, fmt.Errorf("%s: 不支持的文件类型 %q；任务分工表请用 .csv 或 .xlsx", path, ext)
	}
}

func readCSV(path string, data []byte, comma rune) ([]record, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil || bytes.ContainsRune(decoded, utf8.RuneError) {
			return nil, fmt.Errorf("%s: 文件既不是 UTF-8 也不是 GBK 编码；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”", path)
		}
		data = decoded
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.FieldsPerRecord = -1
	var recs []record
	for {
		cells, err := r.Read()
		if errors.Is(err, io.EOF) {
			return recs, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &RowError{Path: path, Row: pe.Line, Msg: fmt.Sprintf("CSV 格式错误（%v）；请检查英文双引号是否成对", pe.Err)}
			}
			return nil, fmt.Errorf("%s: 无法读取：%v", path, err)
		}
		line, _ := r.FieldPos(0)
		recs = append(recs, record{line: line, cells: cells})
	}
}

// readUpTo reads a duty file, refusing one larger than limit without reading it all.
func readUpTo(fs afero.Fs, path string, limit int64) ([]byte, error) {
	f, err := fs.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: 无法读取任务分工文件（%v）；请检查 duties_file 的路径", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: 无法读取任务分工文件（%v）", path, err)
	}
	if int64(len(data)) > limit {
		size := int64(len(data))
		if fi, err := f.Stat(); err == nil && fi.Size() > size {
			size = fi.Size()
		}
		return nil, &RowError{Path: path, Row: 1, Msg: fmt.Sprintf("任务分工文件超过大小上限 %s；任务分工表通常只有几百行，请检查是否选错了文件，%s",
			config.ByteSize(limit), config.Raise("data_file_size", config.ByteSize(size)))}
	}
	return data, nil
}

// readXLSX reads the first sheet. What the workbook may expand to is checked before excelize
// inflates anything, and excelize is told the same limit for its own reads and to keep every
// sheet in memory (beyond its default 16 MB it would spill to temporary files that a killed
// build leaves behind).
func readXLSX(path string, data []byte, unzipped int64) ([]record, error) {
	if err := ziplimit.Check(data, unzipped); err != nil {
		return nil, &RowError{Path: path, Row: 1, Msg: fmt.Sprintf("工作簿解压后超过 %s 的上限，不像是正常的任务分工表（可能是“压缩炸弹”）；请另存为 .csv，%s",
			config.ByteSize(unzipped), config.Raise("unzipped_size", config.ByteSize(unzipped)*2))}
	}
	if err := checkShape(path, data); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzipped, UnzipXMLSizeLimit: unzipped})
	if err != nil {
		return nil, fmt.Errorf("%s: 无法打开 .xlsx（%v）；请确认文件没有损坏、没有加密", path, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%s: 工作簿里没有工作表；请把任务分工表放在第一个工作表", path)
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("%s: 无法读取工作表“%s”（%v）", path, sheets[0], err)
	}
	if merges, err := f.GetMergeCells(sheets[0]); err == nil {
		fillMerged(rows, merges)
	}
	recs := make([]record, 0, len(rows))
	for i, cells := range rows {
		recs = append(recs, record{line: i + 1, cells: cells})
	}
	return recs, nil
}

// maxMergeCols bounds how far a merged range is spread, so a range over whole rows stays cheap.
const maxMergeCols = 64

// fillMerged copies the value of each merged range into every cell it covers, within the rows
// that exist, so that a task cell merged over several unit rows reaches each of them.
func fillMerged(rows [][]string, merges []excelize.MergeCell) {
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		value := m.GetCellValue()
		for r := r1; r <= r2 && r <= len(rows); r++ {
			for c := c1; c <= c2 && c <= maxMergeCols; c++ {
				for len(rows[r-1]) < c {
					rows[r-1] = append(rows[r-1], "")
				}
				rows[r-1][c-1] = value
			}
		}
	}
}
