package privacy

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const plantedID = "11010519491231002X"

func mustEncode(t testing.TB, text string, enc Encoding) []byte {
	t.Helper()
	b, err := EncodeText([]byte(text), enc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeText(t *testing.T) {
	const text = "姓名\t身份证号\r\n张三\t" + plantedID + "\r\n"
	for _, enc := range []Encoding{UTF8, UTF8BOM, UTF16LE, UTF16BE, UTF16LENoBOM, UTF16BENoBOM, GB18030} {
		t.Run(enc.String(), func(t *testing.T) {
			data := mustEncode(t, text, enc)
			got, gotEnc, ok := DecodeText(data)
			if !ok || string(got) != text {
				t.Fatalf("DecodeText = %q, %v, %v", got, gotEnc, ok)
			}
			if gotEnc != enc {
				t.Errorf("encoding = %v, want %v", gotEnc, enc)
			}
			if Sniff(data) != TextFile {
				t.Errorf("Sniff = %v, want text", Sniff(data))
			}
		})
	}
}

func TestDecodeTextRefusesBinary(t *testing.T) {
	for name, data := range map[string][]byte{
		"NULs on both sides":      {0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0},
		"odd length with NULs":    {'1', 0, '2', 0, '3'},
		"unpaired surrogate":      {0x00, 0xD8, '1', 0, '2', 0, '3', 0},
		"control bytes in UTF-16": {1, 0, 2, 0, 3, 0, 4, 0},
		"invalid everywhere":      []byte("abc\xff\x80\x00def"),
	} {
		if _, enc, ok := DecodeText(data); ok {
			t.Errorf("%s: decoded as %v", name, enc)
		}
	}
}

func TestSniff(t *testing.T) {
	for name, tt := range map[string]struct {
		data string
		want FileKind
	}{
		"png":                 {"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", MediaFile},
		"jpeg":                {"\xff\xd8\xff\xe0\x00\x10JFIF\x00", MediaFile},
		"woff2":               {"wOF2\x00\x01\x00\x00", MediaFile},
		"text starting GIF":   {"GIF89a," + plantedID, TextFile},
		"OLE (.et/.wps/.xls)": {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x3e\x00", UnreadableFile},
		"pdf":                 {"%PDF-1.7\n", PDFFile},
		"zip":                 {"PK\x03\x04", ZipFile},
		"rtf":                 {`{\rtf1\ansi 1}`, RTFFile},
		"gzip":                {"\x1f\x8b\x08", GzipFile},
		"unknown binary":      {"\x7fELF\x02\x01\x01\x00\x00\x00", UnreadableFile},
		"sql dump":            {"INSERT INTO t VALUES ('" + plantedID + "');\n", TextFile},
	} {
		if got := Sniff([]byte(tt.data)); got != tt.want {
			t.Errorf("%s: Sniff = %v, want %v", name, got, tt.want)
		}
	}
}

// TestMaskFileKeepsEncoding: UTF-16 without a BOM was reported as "masked 0" and left as it was.
func TestMaskFileKeepsEncoding(t *testing.T) {
	const text = "姓名,电话\n张三,13812345678\n"
	const want = "姓名,电话\n张三,138****5678\n"
	for _, enc := range []Encoding{UTF16LENoBOM, UTF16BENoBOM, UTF16LE, UTF16BE, UTF8BOM, GB18030} {
		t.Run(enc.String(), func(t *testing.T) {
			fs := afero.NewMemMapFs()
			_ = afero.WriteFile(fs, "/d/名单", mustEncode(t, text, enc), 0o644)
			n, err := MaskFile(fs, "/d/名单")
			if err != nil || n != 1 {
				t.Fatalf("MaskFile = %d, %v; want 1", n, err)
			}
			got, _ := afero.ReadFile(fs, "/d/名单")
			if !bytes.Equal(got, mustEncode(t, want, enc)) {
				t.Errorf("file now %q, want %q in %v", got, want, enc)
			}
		})
	}
}

func TestMaskFileRTF(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "/a.rtf", []byte(`{\rtf1\ansi\ansicpg936 \'d5\'c5\'c8\'fd 13812345678\par}`), 0o644)
	if n, err := MaskFile(fs, "/a.rtf"); err != nil || n != 1 {
		t.Fatalf("MaskFile = %d, %v", n, err)
	}
	// A number written with escapes cannot be masked by rewriting digits: an error, not "masked 0".
	_ = afero.WriteFile(fs, "/b.rtf", []byte(`{\rtf1\ansi 138\'31\'32345678\par}`), 0o644)
	if _, err := MaskFile(fs, "/b.rtf"); err == nil || !strings.Contains(err.Error(), "无法自动脱敏") {
		t.Errorf("MaskFile(b.rtf) error = %v", err)
	}
}

func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("张三,13812345678"))
	f.Add([]byte{'1', 0, '3', 0, 0x20, 0x4e})
	gbk, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("李四"))
	f.Add(gbk)
	f.Fuzz(func(t *testing.T, data []byte) {
		text, enc, ok := DecodeText(data)
		if !ok {
			return
		}
		// What decodes must encode back to text that decodes the same (mask relies on it).
		back, err := EncodeText(text, enc)
		if err != nil {
			return
		}
		again, _, ok := DecodeText(back)
		if ok && !bytes.Equal(again, text) && enc != GB18030 {
			t.Errorf("%v: %q → %q", enc, text, again)
		}
	})
}
