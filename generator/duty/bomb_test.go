package duty

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/spf13/afero"
	"github.com/xuri/excelize/v2"
)

// bombXLSX is a valid workbook whose first sheet is padded with size bytes of spaces, deflated
// (about 1000:1). With lie, the zip headers declare the sheet a few KB, as a hand-made bomb would.
func bombXLSX(t *testing.T, size int64, lie bool) []byte {
	t.Helper()
	f := excelize.NewFile()
	base, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(base.Bytes()), int64(base.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		if e.Name != "xl/worksheets/sheet1.xml" {
			if err := zw.Copy(e); err != nil {
				t.Fatal(err)
			}
			continue
		}
		head := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
		tail := `</sheetData></worksheet>`
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
		crc := crc32.NewIEEE()
		w := io.MultiWriter(fw, crc)
		io.WriteString(w, head)
		chunk := bytes.Repeat([]byte{' '}, 1<<20)
		for n := int64(0); n < size; n += int64(len(chunk)) {
			w.Write(chunk)
		}
		io.WriteString(w, tail)
		fw.Close()
		declared := uint64(len(head)+len(tail)) + uint64((size+(1<<20)-1)>>20<<20)
		if lie {
			declared = 4096
		}
		hw, err := zw.CreateRaw(&zip.FileHeader{Name: e.Name, Method: zip.Deflate, CRC32: crc.Sum32(),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: declared})
		if err != nil {
			t.Fatal(err)
		}
		hw.Write(comp.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestXLSXBombFailsFast(t *testing.T) {
	for _, tc := range []struct {
		name string
		size int64
		lie  bool
		want string
	}{
		{"honest headers", 512 << 20, false, "unzipped_size"},
		// archive/zip stops at the declared size; excelize then sees an empty sheet.
		{"lying headers", 512 << 20, true, "没有找到任务分工表的表头"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := bombXLSX(t, tc.size, tc.lie)
			fs := afero.NewMemMapFs()
			afero.WriteFile(fs, "content/duties.xlsx", data, 0o644)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := ReadFile(fs, "content/duties.xlsx", false, config.Limits{})
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v; want one mentioning %q", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "content/duties.xlsx:") {
				t.Errorf("error %q does not start with the file", err)
			}
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d KB zip: %v, %d MB allocated: %v", len(data)>>10, took, alloc>>20, err)
			if took > 5*time.Second || alloc > 300<<20 {
				t.Errorf("took %v and %d MB; want seconds and well under 500 MB", took, alloc>>20)
			}
		})
	}
}

func TestDutyFileSizeLimit(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "d.csv", []byte("序号,任务,责任单位\n"+strings.Repeat("1,任务,市民政局\n", 200)), 0o644)
	_, err := ReadFile(fs, "d.csv", false, config.Limits{DataFileSize: 1 << 10})
	if err == nil || !strings.Contains(err.Error(), "d.csv:1: 任务分工文件超过大小上限 1KB") || !strings.Contains(err.Error(), "data_file_size: 5KB") {
		t.Fatalf("err = %v", err)
	}
	if _, err := ReadFile(fs, "d.csv", false, config.Limits{}); err != nil {
		t.Fatalf("within the default limit: %v", err)
	}
}

// A 16 KB workbook with one cell in column XFD on each of 2,000 rows made GetRows allocate
// 8.7 GB; it is refused from a stream scan of the sheet.
func TestXLSXFarCellsFailFast(t *testing.T) {
	for _, tc := range []struct {
		name string
		fill func(f *excelize.File, sh string)
		want string
	}{
		{"far column", func(f *excelize.File, sh string) {
			for r := 1; r <= 20; r++ {
				f.SetCellValue(sh, "XFD"+strconv.Itoa(r), "x")
			}
		}, "s.xlsx:1: 工作表 xl/worksheets/sheet1.xml 的单元格 XFD1 超出第 64 列"},
		{"far row", func(f *excelize.File, sh string) { f.SetCellValue(sh, "A60000", "x") }, "s.xlsx:60000: 工作表 xl/worksheets/sheet1.xml 超过 50000 行"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := excelize.NewFile()
			sh := f.GetSheetName(0)
			f.SetCellValue(sh, "A1", "序号")
			tc.fill(f, sh)
			buf, _ := f.WriteToBuffer()
			fs := afero.NewMemMapFs()
			afero.WriteFile(fs, "s.xlsx", buf.Bytes(), 0o644)
			start := time.Now()
			_, err := ReadFile(fs, "s.xlsx", false, config.Limits{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v", err)
			}
			if took := time.Since(start); took > time.Second {
				t.Errorf("took %v", took)
			}
		})
	}
}

func FuzzScanSheet(f *testing.F) {
	f.Add(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`)
	f.Add(`<row r="99999999999999999999"><c r="ZZZZZZZZZZZZZZZ1"/></row>`)
	f.Fuzz(func(t *testing.T, sheet string) {
		err := scanSheet("f.xlsx", "s.xml", strings.NewReader(sheet))
		if err != nil && !strings.HasPrefix(err.Error(), "f.xlsx:") {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}
