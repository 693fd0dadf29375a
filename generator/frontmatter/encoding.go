package frontmatter

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// Text decodes a content file to UTF-8 with "\n" line endings, the only form the rest of the
// build reads. A file that cannot be read for sure is refused: guessing wrong would let front
// matter (a draft: true) fall through as body text, or hide a number from the privacy guard.
//
// Accepted: UTF-8 with or without a byte order mark, UTF-16 LE or BE with a byte order mark;
// line endings LF, CRLF or CR alone. Refused with file:line and the encoding detected: UTF-16 or
// UTF-32 without a mark, GB18030/GBK, and any other byte sequence that is not UTF-8.
func Text(path string, src []byte) ([]byte, error) {
	text, err := toUTF8(path, src)
	if err != nil {
		return nil, err
	}
	return normalizeNewlines(text), nil
}

const saveAsUTF8 = "请在编辑器中另存为 UTF-8 编码（记事本：另存为 → 编码选 UTF-8；WPS：另存为 → 工具 → 编码）"

func toUTF8(path string, src []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(src, []byte{0, 0, 0xFE, 0xFF}):
		return nil, fmt.Errorf("%s:1: 文件编码为 UTF-32，无法读取；%s", path, saveAsUTF8)
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		src = src[3:]
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}), bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return fromUTF16(path, src)
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, fmt.Errorf("%s:%d: 文件含有 NUL 字节，%s；%s", path, lineAt(src, i), nulGuess(src), saveAsUTF8)
	}
	if utf8.Valid(src) {
		return src, nil
	}
	bad := firstInvalidUTF8(src)
	if isGB18030(src) {
		return nil, fmt.Errorf("%s:%d: 文件编码看来是 GB18030/GBK（不是 UTF-8）；%s", path, lineAt(src, bad), saveAsUTF8)
	}
	return nil, fmt.Errorf("%s:%d: 文件不是有效的 UTF-8（第 %d 字节起无法解码）；%s", path, lineAt(src, bad), bad+1, saveAsUTF8)
}

// fromUTF16 decodes UTF-16 with a byte order mark. An unpaired surrogate would decode to U+FFFD
// and silently change the text, so it is refused.
func fromUTF16(path string, src []byte) ([]byte, error) {
	name := "UTF-16 LE"
	if src[0] == 0xFE {
		name = "UTF-16 BE"
	}
	if len(src)%2 != 0 {
		return nil, fmt.Errorf("%s:1: 文件编码为 %s，但长度为奇数字节（文件不完整）；%s", path, name, saveAsUTF8)
	}
	dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	out, err := dec.Bytes(src)
	if err != nil {
		return nil, fmt.Errorf("%s:1: 文件编码为 %s，无法解码：%v；%s", path, name, err, saveAsUTF8)
	}
	if i := bytes.Index(out, []byte("\uFFFD")); i >= 0 && !bytes.Contains(src, utf16Replacement(src[0] == 0xFE)) {
		return nil, fmt.Errorf("%s:%d: 文件编码为 %s，但含有无效的代理项（文件损坏）；%s", path, lineAt(out, i), name, saveAsUTF8)
	}
	if i := bytes.IndexByte(out, 0); i >= 0 {
		return nil, fmt.Errorf("%s:%d: 文件含有 NUL 字符；%s", path, lineAt(out, i), saveAsUTF8)
	}
	return out, nil
}

func utf16Replacement(bigEndian bool) []byte {
	if bigEndian {
		return []byte{0xFF, 0xFD}
	}
	return []byte{0xFD, 0xFF}
}

// nulGuess names what a file with NUL bytes most likely is: UTF-16 without a byte order mark
// puts a NUL beside every ASCII character (the odd or even bytes), anything else is binary.
func nulGuess(src []byte) string {
	var even, odd, pairs int
	for i := 0; i+1 < len(src) && i < 4096; i += 2 {
		pairs++
		if src[i] == 0 {
			even++
		}
		if src[i+1] == 0 {
			odd++
		}
	}
	switch {
	case pairs > 0 && odd*4 >= pairs && even*8 < pairs:
		return "编码看来是 UTF-16 LE（没有 BOM）"
	case pairs > 0 && even*4 >= pairs && odd*8 < pairs:
		return "编码看来是 UTF-16 BE（没有 BOM）"
	}
	return "看来不是文本文件"
}

// isGB18030 reports whether src is well-formed GB18030 (which includes GBK and GB2312): one
// byte below 0x80, two bytes 81–FE 40–7E/80–FE, or four bytes 81–FE 30–39 81–FE 30–39.
func isGB18030(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c < 0x80:
			i++
		case c == 0x80 || c == 0xFF || i+1 >= len(src):
			return false
		case src[i+1] >= 0x30 && src[i+1] <= 0x39:
			if i+3 >= len(src) || src[i+2] < 0x81 || src[i+2] > 0xFE || src[i+3] < 0x30 || src[i+3] > 0x39 {
				return false
			}
			i += 4
		case src[i+1] >= 0x40 && src[i+1] != 0x7F && src[i+1] != 0xFF:
			i += 2
		default:
			return false
		}
	}
	return true
}

func firstInvalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(src)
}

// lineAt is the 1-based line of byte offset i, counting LF, CRLF and CR alone as line ends.
func lineAt(b []byte, i int) int {
	if i > len(b) {
		i = len(b)
	}
	return bytes.Count(normalizeNewlines(b[:i]), []byte("\n")) + 1
}

// lineCounter finds the line of byte offsets in text that has \n line endings, counting on from the
// last offset asked: a converter asks for every key in order, and counting from the start each
// time would make a large front matter cost the square of its size.
type lineCounter struct {
	text         []byte
	offset, line int
}

func (l *lineCounter) at(offset int) int {
	offset = min(max(offset, 0), len(l.text))
	if offset < l.offset || l.line == 0 {
		l.offset, l.line = 0, 1
	}
	l.line += bytes.Count(l.text[l.offset:offset], []byte("\n"))
	l.offset = offset
	return l.line
}

// normalizeNewlines turns CRLF and CR alone into LF. A file saved with CR line endings (classic
// Mac editors, some exports) is otherwise one long line, and its front matter would not be seen.
func normalizeNewlines(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\r' {
			out = append(out, b[i])
			continue
		}
		out = append(out, '\n')
		if i+1 < len(b) && b[i+1] == '\n' {
			i++
		}
	}
	return out
}
