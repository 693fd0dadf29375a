package privacy

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const roster = "姓名,身份证号,联系电话,银行卡号,金额\n" +
	"张三,500230199003071233,138-1234-5678,6222021234567894,\"1,234.50\"\n" +
	"李四,500230********123X,139****5678,6222 **** **** 1234,800\n"

const rosterMasked = "姓名,身份证号,联系电话,银行卡号,金额\n" +
	"张三,500230********1233,138-****-5678,6222********7894,\"1,234.50\"\n" +
	"李四,500230********123X,139****5678,6222 **** **** 1234,800\n"

func TestMaskFileText(t *testing.T) {
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(roster)
	if err != nil {
		t.Fatal(err)
	}
	gbkMasked, _ := simplifiedchinese.GB18030.NewEncoder().String(rosterMasked)
	tests := []struct {
		name, path, in, want string
		changed              int
	}{
		{"csv", "/data/低保.csv", roster, rosterMasked, 3},
		{"csv with BOM and CRLF", "/data/a.CSV", "\ufeff" + strings.ReplaceAll(roster, "\n", "\r\n"),
			"\ufeff" + strings.ReplaceAll(rosterMasked, "\n", "\r\n"), 3},
		{"csv in GB18030", "/data/gbk.csv", gbk, gbkMasked, 3},
		{"markdown table and text", "/content/disclosures/a.md",
			"---\ntitle: 低保\nhotline: 023-70700000\n---\n| 姓名 | 电话 |\n|---|---|\n| 王五 | 13912345678 |\n\n联系人手机 +86 138 1234 5678。\n",
			"---\ntitle: 低保\nhotline: 023-70700000\n---\n| 姓名 | 电话 |\n|---|---|\n| 王五 | 139****5678 |\n\n联系人手机 +86 138 **** 5678。\n", 2},
		{"nothing to mask", "/data/clean.md", "监督电话：023-70700000\n", "监督电话：023-70700000\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := afero.NewMemMapFs()
			if err := afero.WriteFile(fs, tt.path, []byte(tt.in), 0o640); err != nil {
				t.Fatal(err)
			}
			changed, err := MaskFile(fs, tt.path)
			if err != nil || changed != tt.changed {
				t.Fatalf("MaskFile = %d, %v; want %d", changed, err, tt.changed)
			}
			got, _ := afero.ReadFile(fs, tt.path)
			if string(got) != tt.want {
				t.Errorf("file now\n%q\nwant\n%q", got, tt.want)
			}
			info, _ := fs.Stat(tt.path)
			if info.Mode().Perm() != 0o640 {
				t.Errorf("mode = %v, want 0640 kept", info.Mode())
			}
			assertNoTempFiles(t, fs, tt.path)
		})
	}
}

func TestMaskFileXLSX(t *testing.T) {
	f := excelize.NewFile()
	sheet := f.GetSheetName(0)
	rows := [][]any{
		{"姓名", "身份证号", "联系电话", "银行卡号", "金额"},
		{"张三", "11010519491231002X", 13812345678, "6222 0212 3456 7894", 1234.5},
		{"李四", "500230********123X", "139****5678", "", 800},
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := f.NewSheet("备注"); err != nil {
		t.Fatal(err)
	}
	_ = f.SetCellValue("备注", "B3", "联系人 139-1234-5678")
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "/data/名单.xlsx", buf.Bytes(), 0o644)

	changed, err := MaskFile(fs, "/data/名单.xlsx")
	if err != nil || changed != 4 {
		t.Fatalf("MaskFile = %d, %v; want 4", changed, err)
	}
	data, _ := afero.ReadFile(fs, "/data/名单.xlsx")
	out, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	want := map[string]string{
		sheet + "!A2": "张三", sheet + "!B2": "110105********002X", sheet + "!C2": "138****5678",
		sheet + "!D2": "6222 **** **** 7894", sheet + "!E2": "1234.5", sheet + "!B3": "500230********123X",
		"备注!B3": "联系人 139-****-5678",
	}
	for ref, w := range want {
		name, cell, _ := strings.Cut(ref, "!")
		if got, _ := out.GetCellValue(name, cell); got != w {
			t.Errorf("%s = %q, want %q", ref, got, w)
		}
	}
	assertNoTempFiles(t, fs, "/data/名单.xlsx")
}

func TestMaskFileErrors(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "/a.pdf", []byte("%PDF-1.4\n13812345678"), 0o644)
	_ = afero.WriteFile(fs, "/b.xls", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x0013812345678"), 0o644)
	_ = afero.WriteFile(fs, "/c.xlsx", []byte("PK\x03\x04 not a zip"), 0o644)
	_ = afero.WriteFile(fs, "/d.csv", []byte("\xff\x80\x00 13812345678"), 0o644)
	tests := []struct{ path, want string }{
		{"/a.pdf", `无法对 PDF 文件脱敏`},
		{"/b.xls", "旧版 Office/WPS"},
		{"/c.xlsx", "无法对这个 zip 文件脱敏"},
		{"/d.csv", "无法脱敏"},
		{"/missing.csv", "/missing.csv"},
	}
	for _, tt := range tests {
		before, _ := afero.ReadFile(fs, tt.path)
		if _, err := MaskFile(fs, tt.path); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("MaskFile(%s) error = %v, want %q", tt.path, err, tt.want)
		}
		if after, _ := afero.ReadFile(fs, tt.path); !bytes.Equal(before, after) {
			t.Errorf("%s changed after an error", tt.path)
		}
	}
}

func assertNoTempFiles(t *testing.T, fs afero.Fs, path string) {
	t.Helper()
	dir := path[:strings.LastIndex(path, "/")+1]
	entries, _ := afero.ReadDir(fs, dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory %s holds %v, want only the masked file", dir, names)
	}
}
