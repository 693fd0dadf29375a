package docx

import (
	"archive/zip"
	"bytes"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/spf13/afero"
)

// bombDocx is a .docx whose document.xml is padded with size bytes of spaces (deflate shrinks
// them about 1000:1), written in chunks so that the test itself stays small.
func bombDocx(t *testing.T, size int) []byte {
	t.Helper()
	parts := fixture{body: p("正文。")}.parts()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for name, data := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if name == "word/document.xml" {
			i := strings.Index(data, "<w:body>")
			w.Write([]byte(data[:i]))
			chunk := bytes.Repeat([]byte{' '}, 1<<20)
			for n := 0; n < size; n += len(chunk) {
				w.Write(chunk)
			}
			data = data[i:]
		}
		w.Write([]byte(data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestDocxBombFailsFast(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "bomb.docx", bombDocx(t, 512<<20), 0o644)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := Convert(fs, "bomb.docx", Options{})
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.HasPrefix(err.Error(), "bomb.docx: ") || !strings.Contains(err.Error(), "unzipped_size: 256MB") {
		t.Fatalf("err = %v", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; took > 2*time.Second || alloc > 100<<20 {
		t.Errorf("took %v and %d MB", took, alloc>>20)
	}
	// Within a raised limit the same file is read (and refused for its one part's size).
	if _, err := Convert(fs, "bomb.docx", Options{Limits: config.Limits{UnzippedSize: 1 << 30}}); err == nil || strings.Contains(err.Error(), "unzipped_size") {
		t.Errorf("with a raised limit: %v", err)
	}
}

func TestDocxFileSizeLimit(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "big.docx", bytes.Repeat([]byte("x"), 3000), 0o644)
	_, err := Convert(fs, "big.docx", Options{Limits: config.Limits{UnzippedSize: 1 << 10}})
	if err == nil || !strings.Contains(err.Error(), "big.docx: 文件大于 Word 文档的上限 1KB") {
		t.Fatalf("err = %v", err)
	}
}
