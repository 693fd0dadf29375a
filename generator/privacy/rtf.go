package privacy

import (
	"bytes"
	"fmt"
	"strconv"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// rtfBinaryDest are RTF destinations that hold binary data written as hex (pictures, embedded
// objects, themes): their hex digits are not text, and would read as long numbers.
var rtfBinaryDest = map[string]bool{
	"pict": true, "objdata": true, "themedata": true, "colorschememapping": true,
	"datastore": true, "blipuid": true, "passwordhash": true, "bin": true,
}

// RTFText returns the text of an RTF document as Word or WPS shows it: control words
// removed, \'hh bytes decoded in the document's code page (\ansicpg936 is GBK), \uN
// characters decoded. A number written as 138\'31\'32345678 or split by a formatting control
// word (138{\b 1234}5678) is seen whole. Every destination is kept (document properties,
// comments, hidden text) except binary data.
func RTFText(data []byte) ([]byte, error) {
	var (
		out       bytes.Buffer
		pending   []byte            // \'hh bytes not yet decoded
		codec     encoding.Encoding = charmap.Windows1252
		skip                        = []int{0} // per group: >0 while inside a binary destination
		uc                          = []int{1} // per group: characters to skip after \uN
		skipChars int                          // fallback characters left to skip after \uN
	)
	flush := func() {
		if len(pending) > 0 {
			dec, err := codec.NewDecoder().Bytes(pending)
			if err != nil {
				dec = pending
			}
			out.Write(dec)
			pending = pending[:0]
		}
	}
	emit := func(b byte) {
		if skip[len(skip)-1] > 0 {
			return
		}
		if skipChars > 0 {
			skipChars--
			return
		}
		flush()
		out.WriteByte(b)
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch c {
		case '{':
			skip = append(skip, skip[len(skip)-1])
			uc = append(uc, uc[len(uc)-1])
			skipChars = 0
		case '}':
			if len(skip) > 1 {
				skip, uc = skip[:len(skip)-1], uc[:len(uc)-1]
			}
			skipChars = 0
		case '\r', '\n':
		case '\\':
			if i+1 >= len(data) {
				break
			}
			n := data[i+1]
			switch {
			case n == '\'' && i+3 < len(data):
				v, err := strconv.ParseUint(string(data[i+2:i+4]), 16, 8)
				i += 3
				if err != nil || skip[len(skip)-1] > 0 {
					continue
				}
				if skipChars > 0 {
					skipChars--
					continue
				}
				pending = append(pending, byte(v))
			case isLetter(n):
				j := i + 1
				for j < len(data) && isLetter(data[j]) {
					j++
				}
				word := string(data[i+1 : j])
				k := j
				if k < len(data) && (data[k] == '-' || isDigit(data[k])) {
					k++
					for k < len(data) && isDigit(data[k]) {
						k++
					}
				}
				param, hasParam := 0, k > j
				if hasParam {
					param, _ = strconv.Atoi(string(data[j:k]))
				}
				if k < len(data) && data[k] == ' ' {
					k++
				}
				i = k - 1
				switch {
				case rtfBinaryDest[word]:
					skip[len(skip)-1] = 1
					if word == "bin" && hasParam && param > 0 {
						i += min(param, len(data)-i-1)
					}
				case word == "ansicpg" && hasParam:
					codec = codePage(param)
				case word == "uc" && hasParam:
					uc[len(uc)-1] = param
				case word == "u" && hasParam:
					if param < 0 {
						param += 65536
					}
					if skip[len(skip)-1] == 0 {
						flush()
						out.WriteString(string(rune(param)))
						skipChars = uc[len(uc)-1]
					}
				case word == "par" || word == "line" || word == "row" || word == "sect" || word == "page":
					emit('\n')
				case word == "tab" || word == "cell":
					emit('\t')
				}
			case n == '~':
				emit(' ')
				i++
			case n == '*':
				i++
			default: // \\ \{ \} and other control symbols
				i++
				if n == '\\' || n == '{' || n == '}' {
					emit(n)
				}
			}
		default:
			if skip[len(skip)-1] > 0 {
				continue
			}
			if skipChars > 0 {
				skipChars--
				continue
			}
			if c >= 0x80 {
				pending = append(pending, c) // raw 8-bit text, in the code page too
				continue
			}
			emit(c)
		}
	}
	flush()
	if len(skip) == 0 {
		return nil, fmt.Errorf("RTF 文件已损坏")
	}
	return out.Bytes(), nil
}

func codePage(cp int) encoding.Encoding {
	switch cp {
	case 936:
		return simplifiedchinese.GBK
	case 54936:
		return simplifiedchinese.GB18030
	case 950:
		return traditionalchinese.Big5
	case 1250:
		return charmap.Windows1250
	case 1251:
		return charmap.Windows1251
	}
	return charmap.Windows1252
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
func isDigit(b byte) bool  { return b >= '0' && b <= '9' }
