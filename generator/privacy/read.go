package privacy

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
)

// FileKind is what the guard found a published file to be, from its bytes, whatever its name.
type FileKind int

const (
	// TextFile is any file that decodes as text (see DecodeText): CSV, SQL dumps, .bak and ~ copies,
	// files without an extension, JavaScript, SVG …
	TextFile FileKind = iota
	RTFFile
	ZipFile // xlsx, docx, pptx, OpenDocument, WPS's new formats, plain .zip archives
	PDFFile
	GzipFile
	// MediaFile are images, audio, video and fonts: formats that hold pictures and sounds, not lists
	// of people in text, and are published unchecked.
	MediaFile
	// UnreadableFile are documents the guard cannot read: the binary Office formats (.doc, .xls,
	// .ppt, and WPS's .et, .wps, .dps, all OLE compound files), archives other than zip and
	// gzip, and any other binary file. They may hold a list of residents, so the build refuses
	// them unless site.yaml lists them as reviewed.
	UnreadableFile
)

func (k FileKind) String() string {
	return [...]string{"text", "RTF", "zip", "PDF", "gzip", "media", "unreadable"}[k]
}

// Segment is a piece of a file's text, scanned on its own: a cell, a part of an Office file, a
// PDF page. Where names it for a message ("Sheet1!B3", "docProps/core.xml", "第 2 页"); it is
// empty for a plain text file, where the line and column of a finding say where it is.
type Segment struct {
	Where string
	Text  []byte
}

// UnreadableError says why a file's text cannot be checked.
type UnreadableError struct {
	Kind   FileKind
	Reason string
}

func (e *UnreadableError) Error() string { return e.Reason }

// MaxUncompressed caps what the guard inflates from one published file (all the parts of an
// Office file, a zip archive, a gzip stream, counted together): a zip bomb of a few KB that
// unpacks to gigabytes fails at this point instead of taking the machine's memory.
const MaxUncompressed = 64 << 20

// maxDepth caps nesting: a workbook embedded in a document in a zip archive is read, and a
// deeper one is refused as unreadable.
const maxDepth = 3

// Sniff says what data is, from its first bytes and, for text, its encoding.
func Sniff(data []byte) FileKind {
	head := data
	if len(head) > 16 {
		head = head[:16]
	}
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return PDFFile
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return ZipFile
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return GzipFile
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return UnreadableFile
	case bytes.HasPrefix(head, []byte(`{\rtf`)):
		return RTFFile
	}
	// Text before media: a list of residents that starts with "GIF89a" is still text.
	if text, _, ok := DecodeText(data); ok && LooksLikeText(text) {
		return TextFile
	}
	if isMedia(head) {
		return MediaFile
	}
	return UnreadableFile
}

// mediaMagic are the first bytes of image, audio, video and font formats.
var mediaMagic = [][]byte{
	{0x89, 'P', 'N', 'G'}, {0xFF, 0xD8, 0xFF}, []byte("GIF87a"), []byte("GIF89a"),
	{'I', 'I', 0x2A, 0x00}, {'M', 'M', 0x00, 0x2A}, {0, 0, 1, 0}, {0, 0, 2, 0}, // TIFF, ICO, CUR
	[]byte("wOFF"), []byte("wOF2"), {0, 1, 0, 0}, []byte("OTTO"), // fonts
	[]byte("ID3"), {0xFF, 0xFB}, {0xFF, 0xF3}, {0xFF, 0xF2}, []byte("OggS"), []byte("fLaC"), // audio
	{0x1A, 0x45, 0xDF, 0xA3}, // Matroska, WebM
}

func isMedia(head []byte) bool {
	for _, m := range mediaMagic {
		if bytes.HasPrefix(head, m) {
			return true
		}
	}
	if len(head) >= 10 && head[0] == 'B' && head[1] == 'M' && bytes.Equal(head[6:10], []byte{0, 0, 0, 0}) {
		return true
	}
	if len(head) >= 12 && bytes.Equal(head[:4], []byte("RIFF")) {
		switch string(head[8:12]) {
		case "WEBP", "WAVE", "AVI ":
			return true
		}
	}
	if len(head) >= 12 && string(head[4:8]) == "ftyp" { // MP4, MOV, HEIC, AVIF
		return true
	}
	return false
}

// ReadText returns the text of a published file, for the guard to scan, and what the file is.
// Media files have no segments. A file whose text cannot be read returns an *UnreadableError.
func ReadText(data []byte) (FileKind, []Segment, error) {
	budget := int64(MaxUncompressed)
	return readText(data, &budget, 0)
}

func readText(data []byte, budget *int64, depth int) (FileKind, []Segment, error) {
	kind := Sniff(data)
	var segs []Segment
	var err error
	switch kind {
	case MediaFile:
		return kind, nil, nil
	case TextFile:
		text, _, _ := DecodeText(data)
		segs = []Segment{{Text: text}}
		if shown := markupText(text); shown != nil {
			segs = append(segs, Segment{Where: ShownWhere, Text: shown})
		}
	case RTFFile:
		var text []byte
		text, err = RTFText(data)
		segs = []Segment{{Text: text}}
	case ZipFile:
		if depth >= maxDepth {
			return kind, nil, &UnreadableError{kind, "压缩包嵌套过深，无法检查"}
		}
		segs, err = zipText(data, budget, depth)
	case GzipFile:
		if depth >= maxDepth {
			return kind, nil, &UnreadableError{kind, "压缩包嵌套过深，无法检查"}
		}
		segs, err = gzipText(data, budget, depth)
	case PDFFile:
		segs, err = pdfText(data, budget, depth)
	case UnreadableFile:
		return kind, nil, &UnreadableError{kind, unreadableReason(data)}
	}
	if err != nil {
		var ue *UnreadableError
		if !errors.As(err, &ue) {
			err = &UnreadableError{kind, err.Error()}
		}
		return kind, nil, err
	}
	return kind, segs, nil
}

// ShownWhere names the second reading of an HTML, XML or SVG file: its text as a browser shows
// it, tags removed and entities decoded, so that 138<b>1234</b>5678 or &#49;&#51;… is seen.
const ShownWhere = "显示的文字（去掉标记、解码实体后）"

var (
	tagRe     = regexp.MustCompile(`(?s)<!--.*?-->|<[^>]*>`)
	markupHit = regexp.MustCompile(`<[A-Za-z!/?]|&#?[A-Za-z0-9]+;`)
)

// markupText is the text of markup as shown, or nil when text has no tags or entities.
func markupText(text []byte) []byte {
	if !markupHit.Match(text) {
		return nil
	}
	shown := html.UnescapeString(tagRe.ReplaceAllString(string(text), ""))
	if shown == string(text) {
		return nil
	}
	return []byte(shown)
}

func unreadableReason(data []byte) string {
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		if bytes.Contains(data, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")) {
			return "设了密码（加密）的 Office 文件，其中的文字无法检查；去掉密码后再发布"
		}
		return "旧版 Office/WPS 二进制文件（.doc/.xls/.ppt/.et/.wps/.dps），其中的文字无法检查；请另存为 .docx/.xlsx 或 PDF"
	}
	if _, enc, ok := DecodeText(data); ok {
		return fmt.Sprintf("以 %s 读出的内容不像文本（控制字符过多），无法检查", enc)
	}
	return "不是可识别的文本、Office、PDF 或图片格式，其中的文字无法检查"
}

func gzipText(data []byte, budget *int64, depth int) ([]Segment, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gzip 文件已损坏: %v", err)
	}
	inner, err := readCapped(zr, budget)
	if err != nil {
		return nil, err
	}
	_, segs, err := readText(inner, budget, depth+1)
	return segs, err
}

// errTooBig is returned once the budget of MaxUncompressed is spent.
var errTooBig = &UnreadableError{ZipFile, fmt.Sprintf("解压后超过 %d MB（可能是压缩炸弹），无法检查", MaxUncompressed>>20)}

// readCapped reads r to its end, spending budget; it stops with errTooBig as soon as the budget
// is exceeded, whatever the archive's headers claim.
func readCapped(r io.Reader, budget *int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, *budget+1))
	if err != nil {
		return nil, fmt.Errorf("无法解压: %v", err)
	}
	if int64(len(data)) > *budget {
		return nil, errTooBig
	}
	*budget -= int64(len(data))
	return data, nil
}
