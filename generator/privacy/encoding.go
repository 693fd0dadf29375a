package privacy

import (
	"bytes"
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Encoding is how a text file is stored. A clerk's file comes from Excel, WPS, Notepad or a
// database export, so the name says nothing: the bytes are sniffed.
type Encoding int

const (
	UTF8 Encoding = iota
	UTF8BOM
	UTF16LE      // with a BOM (Excel's "Unicode 文本", Notepad's "Unicode")
	UTF16BE      // with a BOM
	UTF16LENoBOM // sniffed from the NUL bytes of ASCII characters
	UTF16BENoBOM
	GB18030 // Excel's CSV on a Chinese Windows (GBK is a subset)
)

func (e Encoding) String() string {
	return [...]string{"UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "UTF-16LE (无 BOM)", "UTF-16BE (无 BOM)", "GB18030"}[e]
}

// DecodeText returns the text of data as UTF-8 and how it was stored; ok is false when data is
// not text in any of the encodings above (a binary file, or text in some other encoding).
// UTF-16 without a BOM is told by its NUL bytes: text holds ASCII (digits, spaces, line breaks,
// punctuation) and each ASCII character has a zero byte on the same side.
func DecodeText(data []byte) (text []byte, enc Encoding, ok bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		if utf8.Valid(data[3:]) {
			return data[3:], UTF8BOM, true
		}
		return nil, 0, false
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], binary.LittleEndian, UTF16LE)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], binary.BigEndian, UTF16BE)
	}
	if order, ok := sniffUTF16(data); ok {
		if order == binary.ByteOrder(binary.LittleEndian) {
			return decodeUTF16(data, binary.LittleEndian, UTF16LENoBOM)
		}
		return decodeUTF16(data, binary.BigEndian, UTF16BENoBOM)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, 0, false // NULs that are not UTF-16: a binary file
	}
	if utf8.Valid(data) {
		return data, UTF8, true
	}
	if decoded, ok := FromGB18030(data); ok {
		return decoded, GB18030, true
	}
	return nil, 0, false
}

// EncodeText stores text (UTF-8) back in enc, so that `gongkai mask` leaves a file in the
// encoding it came in.
func EncodeText(text []byte, enc Encoding) ([]byte, error) {
	switch enc {
	case UTF8:
		return text, nil
	case UTF8BOM:
		return append([]byte{0xEF, 0xBB, 0xBF}, text...), nil
	case UTF16LE:
		return append([]byte{0xFF, 0xFE}, encodeUTF16(text, binary.LittleEndian)...), nil
	case UTF16BE:
		return append([]byte{0xFE, 0xFF}, encodeUTF16(text, binary.BigEndian)...), nil
	case UTF16LENoBOM:
		return encodeUTF16(text, binary.LittleEndian), nil
	case UTF16BENoBOM:
		return encodeUTF16(text, binary.BigEndian), nil
	}
	return simplifiedchinese.GB18030.NewEncoder().Bytes(text)
}

// sniffUTF16 looks at the first 4 KB: UTF-16 text has an even length, NUL bytes at least in a
// quarter of the code units (Chinese text with digits and line breaks has many more), nearly
// all on one side, and decodes without unpaired surrogates. A binary file has NULs on both sides.
func sniffUTF16(data []byte) (binary.ByteOrder, bool) {
	if len(data) < 2 || len(data)%2 != 0 {
		return nil, false
	}
	sample := data
	if len(sample) > 4096 {
		sample = sample[:4096]
	}
	var even, odd, units int
	for i := 0; i+1 < len(sample); i += 2 {
		units++
		if sample[i] == 0 {
			even++
		}
		if sample[i+1] == 0 {
			odd++
		}
	}
	var order binary.ByteOrder
	switch {
	case odd*4 >= units && even*20 <= odd:
		order = binary.LittleEndian
	case even*4 >= units && odd*20 <= even:
		order = binary.BigEndian
	default:
		return nil, false
	}
	_, _, ok := decodeUTF16(data, order, 0)
	return order, ok
}

// decodeUTF16 refuses text with unpaired surrogates or control characters other than the usual
// whitespace: it would be some binary format, not a text file.
func decodeUTF16(data []byte, order binary.ByteOrder, enc Encoding) ([]byte, Encoding, bool) {
	if len(data)%2 != 0 {
		return nil, 0, false
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		units[i] = order.Uint16(data[2*i:])
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(units); i++ {
		u := units[i]
		r := rune(u)
		switch {
		case utf16.IsSurrogate(r):
			if i+1 >= len(units) {
				return nil, 0, false
			}
			r = utf16.DecodeRune(r, rune(units[i+1]))
			if r == utf8.RuneError {
				return nil, 0, false
			}
			i++
		case u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f':
			return nil, 0, false
		}
		out = utf8.AppendRune(out, r)
	}
	return out, enc, true
}

func encodeUTF16(text []byte, order binary.ByteOrder) []byte {
	units := utf16.Encode([]rune(string(text)))
	out := make([]byte, 2*len(units))
	for i, u := range units {
		order.PutUint16(out[2*i:], u)
	}
	return out
}

// LooksLikeText reports whether decoded text reads as text: few control characters. A binary
// file that happens to decode (GB18030 accepts most byte pairs) fails it.
func LooksLikeText(text []byte) bool {
	if len(text) == 0 {
		return true
	}
	control := 0
	for _, r := range string(text) {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != 0x1b) || r == utf8.RuneError || (r >= 0x7f && r < 0xa0) {
			control++
		}
	}
	return control*100 <= len(text)
}
