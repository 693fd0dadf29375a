package assets

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// validID passes the ID check digit; 11010519491231002X is the standard's example.
const validID = "11010519491231002X"

func gb18030(s string) string {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return string(b)
}

func utf16LE(s string) string {
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return string(b)
}

func newWorkbook(t *testing.T, sheet string, cells map[string]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			t.Fatal(err)
		}
	}
	for cell, v := range cells {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		data   string
		origin Origin
		allow  []string
		want   []string // substrings of each error, in order
	}{
		{name: "csv with an ID names file:line:col", file: "/c/名单.csv", data: "姓名,身份证号\n张三," + validID + "\n",
			want: []string{"/c/名单.csv:2:4: 未脱敏的身份证号 110105********002X 不得公开; 请脱敏（运行 `gongkai mask /c/名单.csv`）；如是公开的办公号码，列入同一文件夹中某页 front matter 的 allow_numbers"}},
		{name: "masked numbers pass", file: "/c/a.csv", data: "张三,110105********002X,138****5678\n"},
		{name: "allow list", file: "/c/a.txt", data: "服务热线 13812345678\n", allow: []string{"138-1234-5678"}},
		{name: "mobile in json", file: "/c/a.json", data: "{\n  \"tel\": \"13812345678\"\n}\n",
			want: []string{"/c/a.json:2:11: 未脱敏的手机号 138****5678 不得公开; 请脱敏（运行 `gongkai mask /c/a.json`）；如是公开的办公号码"}},
		{name: "static files have no allow list", file: "/s/a.html", data: "<p>13812345678</p>", origin: Static,
			want: []string{"/s/a.html:1:4: 未脱敏的手机号"}},
		{name: "BOM does not shift columns", file: "/c/a.csv", data: "\ufeff" + validID, want: []string{"/c/a.csv:1:1:"}},
		{name: "GB18030 from Excel", file: "/c/a.csv", data: gb18030("姓名,号码\n李四," + validID + "\n"), want: []string{"/c/a.csv:2:4: 未脱敏的身份证号"}},
		{name: "UTF-16 from Excel", file: "/c/a.txt", data: utf16LE("姓名\t号码\n李四\t" + validID + "\n"), want: []string{"/c/a.txt:2:4: 未脱敏的身份证号"}},
		{name: "unknown encoding is refused", file: "/c/a.csv", data: "abc \xff\x80\x00 def", want: []string{"/c/a.csv: 无法检查"}},
		{name: "the name does not matter", file: "/c/a.PNG", data: validID, want: []string{"/c/a.PNG:1:1: 未脱敏的身份证号"}},
		{name: "images are not read", file: "/c/a.png", data: "\x89PNG\r\n\x1a\n\x00\x00" + validID},
		{name: "a text file that starts like an image is read", file: "/c/a.gif", data: "GIF89a," + validID, want: []string{"/c/a.gif:1:8:"}},
		{name: "UTF-16 without BOM", file: "/c/a.bak", data: utf16LE("姓名\t号码\n李四\t" + validID + "\n")[2:], want: []string{"/c/a.bak:2:4: 未脱敏的身份证号"}},
		{name: "old Office files are refused", file: "/c/a.et", data: "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", want: []string{"/c/a.et: 无法检查", "旧版 Office/WPS"}[:1]},
		{name: "workbook cells", file: "/c/名单.xlsx", data: newWorkbook(t, "Sheet1", map[string]any{"A1": "姓名", "B2": validID, "C3": 13812345678}),
			want: []string{"/c/名单.xlsx:Sheet1!B2: 未脱敏的身份证号 110105********002X", "/c/名单.xlsx:Sheet1!C3: 未脱敏的手机号"}},
		{name: "workbook sheet name with a space", file: "/c/a.xlsx", data: newWorkbook(t, "低保 名单", map[string]any{"A1": validID}), want: []string{"/c/a.xlsx:'低保 名单'!A1:"}},
		{name: "workbook allow list", file: "/c/a.xlsx", data: newWorkbook(t, "Sheet1", map[string]any{"A1": "13812345678"}), allow: []string{"13812345678"}},
		{name: "broken workbook", file: "/c/a.xlsx", data: "PK\x03\x04 not a zip", want: []string{"/c/a.xlsx: 无法检查"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := memFs(t, map[string]string{tt.file: tt.data})
			errs := Check(fs, File{Src: tt.file, Origin: tt.origin}, tt.allow)
			if len(errs) != len(tt.want) {
				t.Fatalf("got %d errors %v, want %d", len(errs), errs, len(tt.want))
			}
			for i, err := range errs {
				if !strings.Contains(err.Error(), tt.want[i]) {
					t.Errorf("error %q does not contain %q", err, tt.want[i])
				}
				if strings.Contains(err.Error(), validID) || strings.Contains(err.Error(), "13812345678") {
					t.Errorf("error %q shows the number unmasked", err)
				}
			}
		})
	}
}

func TestLeakCarriesTheFinding(t *testing.T) {
	fs := memFs(t, map[string]string{"/c/a.csv": "x," + validID})
	errs := Check(fs, File{Src: "/c/a.csv"}, nil)
	var leak *Leak
	if len(errs) != 1 || !errors.As(errs[0], &leak) || leak.Line != 1 || leak.Col != 3 || leak.Raw != validID {
		t.Errorf("got %#v", errs)
	}
}

func TestCheckUnreadableFile(t *testing.T) {
	errs := Check(afero.NewMemMapFs(), File{Src: "/gone.csv"}, nil)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "/gone.csv: 无法读取") {
		t.Errorf("got %v", errs)
	}
}

// FuzzCheck feeds arbitrary bytes as a text file and as a workbook: Check reads user files and
// must never panic, and never print a number it found unmasked.
func FuzzCheck(f *testing.F) {
	f.Add([]byte("张三," + validID + "\n"))
	f.Add([]byte(gb18030("李四,13812345678")))
	f.Add([]byte(utf16LE("王五\t6222021234567890123")))
	f.Add([]byte("\xff\xfe\x00"))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"/a.csv", "/a.xlsx"} {
			fs := afero.NewMemMapFs()
			_ = afero.WriteFile(fs, name, data, 0o644)
			for _, err := range Check(fs, File{Src: name}, nil) {
				var leak *Leak
				if errors.As(err, &leak) && len(leak.Raw) >= 11 && strings.Contains(err.Error(), leak.Raw) {
					t.Errorf("%q shows %q unmasked", err, leak.Raw)
				}
			}
		}
	})
}

func TestCheckMarkupAsShown(t *testing.T) {
	fs := memFs(t, map[string]string{
		"/s/a.html": "<p>电话 138<b>1234</b>5678</p>\n<p>&#49;&#51;&#56;&#49;&#50;&#51;&#52;&#53;&#54;&#55;&#56;</p>\n<p>13912345678</p>\n",
	})
	errs := Check(fs, File{Src: "/s/a.html", Origin: Static}, nil)
	var got []string
	for _, err := range errs {
		got = append(got, err.Error())
	}
	joined := strings.Join(got, "\n")
	// The plain number is named once, by its line; the two hidden in markup by the shown text.
	if len(errs) != 2 || !strings.Contains(joined, "/s/a.html:3:4: 未脱敏的手机号 139****5678") || !strings.Contains(joined, "/s/a.html:显示的文字") {
		t.Errorf("got %d errors:\n%s", len(errs), joined)
	}
}
