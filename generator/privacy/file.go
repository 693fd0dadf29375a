package privacy

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// MaskFile rewrites, in place, every ID, mobile and card number in a text file (CSV, Markdown,
// SQL, a file without an extension … in UTF-8 with or without BOM, UTF-16 with or without BOM,
// or GB18030), an RTF file or an .xlsx workbook, in masked form, for `gongkai mask FILE`. The
// file keeps its encoding and every other byte, and is replaced atomically (a temporary file
// renamed over it) only when something changed. The result is read back as the build's guard
// reads it: a number left anywhere (a cell comment, document properties, an RTF escape) is an
// error naming where, never a silent "masked 0".
func MaskFile(fs afero.Fs, path string) (changed int, err error) {
	info, err := fs.Stat(path)
	if err != nil {
		return 0, fmt.Errorf("%s: 无法读取：%w", path, err)
	}
	data, err := afero.ReadFile(fs, path)
	if err != nil {
		return 0, fmt.Errorf("%s: 无法读取：%w", path, err)
	}
	var out []byte
	switch kind := Sniff(data); kind {
	case TextFile, RTFFile:
		out, changed, err = maskTextFile(data)
	case ZipFile:
		if !isWorkbook(data) {
			return 0, fmt.Errorf("%s: 无法对这个 zip 文件脱敏（只能处理 .xlsx 工作簿）；在生成它的程序中脱敏，或另存为 .xlsx 或 .csv", path)
		}
		out, changed, err = maskWorkbook(data)
	case UnreadableFile:
		return 0, fmt.Errorf("%s: 无法脱敏：%s", path, unreadableReason(data))
	default:
		return 0, fmt.Errorf("%s: 无法对 %s 文件脱敏；在生成它的程序中脱敏后重新导出", path, kind)
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	if err := verifyMasked(out); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	if changed == 0 {
		return 0, nil
	}
	if err := writeAtomic(fs, path, out, info.Mode().Perm()); err != nil {
		return 0, fmt.Errorf("%s: 无法写回脱敏后的文件：%w", path, err)
	}
	return changed, nil
}

// verifyMasked reads masked output as the build's guard will, and refuses it while a number is
// left: MaskFile masks what it can rewrite, the guard reads more.
func verifyMasked(out []byte) error {
	_, segs, err := ReadText(out)
	if err != nil {
		return fmt.Errorf("脱敏后的文件无法读回检查：%v", err)
	}
	var left []string
	for _, s := range segs {
		for _, f := range Scan(s.Text, nil) {
			where := s.Where
			if where == "" {
				where = fmt.Sprintf("%d:%d", f.Line, f.Col)
			}
			left = append(left, fmt.Sprintf("%s %s %s", where, f.Kind, f.Masked))
		}
	}
	if len(left) > 0 {
		return fmt.Errorf("有 %d 个号码无法自动脱敏，文件未作改动：%s；在 Excel 或 WPS 中手工脱敏后再运行", len(left), strings.Join(left, "；"))
	}
	return nil
}

func isWorkbook(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			return true
		}
	}
	return false
}

// maskTextFile masks CSV, Markdown and any other text alike: masking only turns digits into *,
// so commas, quotes and table pipes stay where they were. The text goes back in the encoding it
// came in; a masked RTF file is plain text masked the same way (numbers written with escapes
// are found by verifyMasked).
func maskTextFile(data []byte) ([]byte, int, error) {
	text, enc, ok := DecodeText(data)
	if !ok {
		return nil, 0, fmt.Errorf("不是 UTF-8、UTF-16 或 GB18030 文本；另存为 UTF-8 后再运行")
	}
	s, n := MaskText(string(text))
	if n == 0 {
		return data, 0, nil
	}
	out, err := EncodeText([]byte(s), enc)
	if err != nil {
		return nil, 0, fmt.Errorf("无法按 %s 编码写回：%v", enc, err)
	}
	if back, enc2, ok := DecodeText(out); !ok || enc2 != enc || string(back) != s {
		return nil, 0, fmt.Errorf("无法按 %s 编码原样写回；另存为 UTF-8 后再运行", enc)
	}
	return out, n, nil
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

// Maskable reports whether MaskFile (`gongkai mask`) rewrites a file of this kind.
func Maskable(kind FileKind, name string) bool {
	switch kind {
	case TextFile, RTFFile:
		return true
	case ZipFile:
		ext := strings.ToLower(filepath.Ext(name))
		return ext == ".xlsx" || ext == ".xlsm"
	}
	return false
}

// maskWorkbook masks every cell of every sheet, as shown (a mobile stored as a
// number is seen as its digits and written back as masked text).
func maskWorkbook(data []byte) ([]byte, int, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, 0, fmt.Errorf("不是可读取的 .xlsx 工作簿：%w", err)
	}
	defer f.Close()
	changed := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return nil, 0, fmt.Errorf("工作表 %s：%w", sheet, err)
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
					return nil, 0, fmt.Errorf("工作表 %s 单元格 %s：%w", sheet, cell, err)
				}
				changed += n
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, 0, err
	}
	out, err := maskParts(buf.Bytes())
	if err != nil {
		return nil, 0, err
	}
	// Counted as the guard sees the workbook before masking: a number in a comment counts, the
	// stale copies excelize leaves in the shared strings do not.
	return out, countFindings(data), nil
}

func countFindings(data []byte) int {
	_, segs, err := ReadText(data)
	if err != nil {
		return 0
	}
	n := 0
	for _, s := range segs {
		n += len(Scan(s.Text, nil))
	}
	return n
}

// maskParts masks the numbers in the workbook's other XML parts: the shared strings table
// (excelize leaves a cell's old string in it when the cell is rewritten, so the unmasked
// number would still be published), comments, document properties. Masking turns digits into
// *, which XML text allows anywhere; worksheets are left to excelize, since a masked number in
// a numeric cell would break the file.
func maskParts(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	budget := int64(MaxUncompressed)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		body, err := readCapped(rc, &budget)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if isXMLPart(f.Name, body) && !strings.HasPrefix(f.Name, "xl/worksheets/") {
			masked, _ := MaskText(string(body))
			body = []byte(masked)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method, Modified: f.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(body); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
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
