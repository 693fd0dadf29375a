package assets

import (
	"errors"
	"fmt"
	"io"

	"github.com/gongkai/gongkai/generator/privacy"
	"github.com/spf13/afero"
)

// Check refuses to publish what the build refuses in Markdown: an unmasked ID, mobile or bank
// card number. What a file is comes from its bytes, never its name: anything that reads as text
// (CSV, SQL, .bak, ~ copies, files without an extension, in UTF-8, UTF-16 with or without BOM,
// or GB18030) is scanned, and so are RTF, Office files (xlsx and docx everywhere in the file),
// zip and gzip archives and PDFs with text (see privacy.ReadText). Images, audio, video and
// fonts pass. A file whose text cannot be read (old .doc/.xls/.et/.wps, a scanned PDF, an
// unknown binary) is an *Unreadable error: the build refuses it unless site.yaml lists it as
// reviewed. allow lists the numbers the file may show; each finding is a *Leak.
func Check(fsys afero.Fs, f File, allow []string) []error {
	data, err := readForCheck(fsys, f.Src)
	if err != nil {
		return []error{fmt.Errorf("%s: 无法读取，因而无法检查其中的个人信息：%v", f.Src, err)}
	}
	return CheckData(f, data, allow)
}

// CheckData is Check for a file already read (a theme's static file, from the theme's own
// filesystem).
func CheckData(f File, data []byte, allow []string) []error {
	kind, segs, err := privacy.ReadText(data)
	if err != nil {
		var ue *privacy.UnreadableError
		if errors.As(err, &ue) {
			return []error{&Unreadable{File: f, Kind: ue.Kind, Reason: ue.Reason}}
		}
		return []error{fmt.Errorf("%s: 无法检查其中的个人信息：%v；如文件已损坏，换一份完好的文件", f.Src, err)}
	}
	var errs []error
	seen := map[string]bool{} // a place read in several ways (an Excel header) is named once
	raw := map[string]bool{}  // numbers found in a text file's own lines
	for _, s := range segs {
		for _, found := range privacy.Scan(s.Text, allow) {
			if s.Where == "" {
				raw[found.Masked] = true
			}
			if s.Where == privacy.ShownWhere && raw[found.Masked] {
				continue // already named by line and column
			}
			if s.Where != "" {
				if key := s.Where + "\x00" + found.Masked; seen[key] {
					continue
				} else {
					seen[key] = true
				}
			}
			errs = append(errs, &Leak{File: f, FileKind: kind, Where: s.Where, Finding: found})
		}
	}
	return errs
}

// mediaHead is how much of a file is read to tell that it is an image, a font or a sound, which
// need not be read whole.
const mediaHead = 4096

// readForCheck reads a file, except for the rest of a media file after its first bytes. Only
// bytes no text contains (NUL and other control bytes) together with an image's first bytes
// make a file media: a CSV that starts with "GIF89a" is still read.
func readForCheck(fsys afero.Fs, name string) ([]byte, error) {
	in, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	head := make([]byte, mediaHead)
	n, err := io.ReadFull(in, head)
	head = head[:n]
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return head, nil
	}
	if err != nil {
		return nil, err
	}
	if privacy.Sniff(head) == privacy.MediaFile && hasControlBytes(head) {
		return head, nil
	}
	rest, err := io.ReadAll(in)
	if err != nil {
		return nil, err
	}
	return append(head, rest...), nil
}

func hasControlBytes(b []byte) bool {
	for _, c := range b {
		if c < 0x09 || (c > 0x0d && c < 0x20 && c != 0x1b) {
			return true
		}
	}
	return false
}

// Leak is one unmasked personal number in a published file.
type Leak struct {
	File     File
	FileKind privacy.FileKind
	// Where names the place in a file that is not plain text, as privacy.Segment does:
	// "Sheet1!B3", "docProps/core.xml <dc:creator>", "第 2 页". Empty for text files, where
	// Finding's Line and Col say where it is.
	Where string
	privacy.Finding
}

// Error says where the number is, shows it masked, and how to fix it.
func (l *Leak) Error() string {
	where := fmt.Sprintf("%s:%d:%d", l.File.Src, l.Line, l.Col)
	if l.Where != "" {
		where = l.File.Src + ":" + l.Where
	}
	fix := "把其中的数字改为 *，如 " + l.Masked
	if privacy.Maskable(l.FileKind, l.File.Src) {
		fix = fmt.Sprintf("请脱敏（运行 `gongkai mask %s`）", l.File.Src)
	}
	if l.File.Origin == Content {
		fix += "；如是公开的办公号码，列入同一文件夹中某页 front matter 的 allow_numbers"
	}
	return fmt.Sprintf("%s: 未脱敏的%s %s 不得公开; %s", where, l.Kind, l.Masked, fix)
}

// Unreadable is a published file whose text the guard cannot read, so that it cannot tell
// whether the file lists residents' numbers.
type Unreadable struct {
	File   File
	Kind   privacy.FileKind
	Reason string
}

func (u *Unreadable) Error() string {
	return fmt.Sprintf("%s: 无法检查其中是否有未脱敏的身份证号、手机号或银行卡号: %s; 转换为可检查的格式（.xlsx、.docx、.csv 或带文字的 PDF）后再发布，或经人工核对后列入 site.yaml 的 privacy.reviewed（写明核对人和理由）", u.File.Src, u.Reason)
}
