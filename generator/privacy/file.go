package privacy

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/spf13/afero"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// MaskFile rewrites, in place, every ID, mobile and card number in a .csv,
// .md (or .txt) or .xlsx file in masked form, for `gongkai mask FILE`. The
// file is replaced atomically (a temporary file renamed over it) and only when
// something changed. Text files keep every other byte, including a GB18030
// encoding as exported by Excel.
func MaskFile(fs afero.Fs, path string) (changed int, err error) {
	info, err := fs.Stat(path)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	data, err := afero.ReadFile(fs, path)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	var out []byte
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".csv", ".md", ".markdown", ".txt":
		out, changed, err = maskTextFile(data)
	case ".xlsx":
		out, changed, err = maskWorkbook(data)
	case ".xls":
		return 0, fmt.Errorf("%s: .xls is not supported; save it as .xlsx (Excel: 另存为 Excel 工作簿) and run again", path)
	default:
		return 0, fmt.Errorf("%s: cannot mask %q files; use .csv, .xlsx or .md", path, ext)
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	if changed == 0 {
		return 0, nil
	}
	if err := writeAtomic(fs, path, out, info.Mode().Perm()); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	return changed, nil
}

// maskTextFile masks CSV and Markdown alike: masking only turns digits into
// *, so commas, quotes and table pipes stay where they were.
func maskTextFile(data []byte) ([]byte, int, error) {
	if utf8.Valid(data) {
		s, n := MaskText(string(data))
		return []byte(s), n, nil
	}
	decoded, ok := FromGB18030(data)
	if !ok {
		return nil, 0, fmt.Errorf("neither UTF-8 nor GB18030: save it as UTF-8 and run again")
	}
	s, n := MaskText(string(decoded))
	if n == 0 {
		return data, 0, nil
	}
	out, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	return out, n, err
}

// FromGB18030 decodes text saved as GB18030 (Excel's CSV on a Chinese
// Windows). ok is false unless encoding the result again gives back the same
// bytes, so that text in some other encoding is not taken for it.
func FromGB18030(data []byte) (decoded []byte, ok bool) {
	enc := simplifiedchinese.GB18030
	decoded, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, false
	}
	again, err := enc.NewEncoder().Bytes(decoded)
	return decoded, err == nil && bytes.Equal(again, data)
}

// Maskable reports whether MaskFile (`gongkai mask`) rewrites a file of this name.
func Maskable(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".md", ".markdown", ".txt", ".xlsx":
		return true
	}
	return false
}

// maskWorkbook masks every cell of every sheet, as shown (a mobile stored as a
// number is seen as its digits and written back as masked text).
func maskWorkbook(data []byte) ([]byte, int, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, 0, fmt.Errorf("not a readable .xlsx workbook: %w", err)
	}
	defer f.Close()
	changed := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return nil, 0, fmt.Errorf("sheet %s: %w", sheet, err)
		}
		for r, row := range rows {
			for c, value := range row {
				masked, n := MaskText(value)
				if n == 0 {
					continue
				}
				cell, err := excelize.CoordinatesToCellName(c+1, r+1)
				if err == nil {
					err = f.SetCellStr(sheet, cell, masked)
				}
				if err != nil {
					return nil, 0, fmt.Errorf("sheet %s cell %s: %w", sheet, cell, err)
				}
				changed += n
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, 0, err
	}
	return buf.Bytes(), changed, nil
}

// writeAtomic writes beside path and renames over it, so that an interrupted
// run leaves either the old file or the new one, never half of each.
func writeAtomic(fs afero.Fs, path string, data []byte, perm os.FileMode) error {
	tmp, err := afero.TempFile(fs, filepath.Dir(path), "."+filepath.Base(path)+".mask-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	_, err = io.Copy(tmp, bytes.NewReader(data))
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = fs.Chmod(name, perm)
	}
	if err == nil {
		err = fs.Rename(name, path)
	}
	if err != nil {
		_ = fs.Remove(name)
	}
	return err
}
