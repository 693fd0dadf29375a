package docx

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/cite"
)

// The recognisers below read one header or signature line each; they are strict on purpose, since
// a line they accept is removed from the body.

var reDocNumber = regexp.MustCompile(`\p{Han}{1,10}[ \t\x{3000}]*[〔\[【（(［〖][ \t\x{3000}]*[0-9０-９]{4}[ \t\x{3000}]*[〕\]】）)］〗][ \t\x{3000}]*第?[ \t\x{3000}]*[0-9０-９]{1,5}[ \t\x{3000}]*号`)

var reSigner = regexp.MustCompile(`签\s*发\s*人\s*[：:].*$`)

// docNumberLine accepts a line that is a 文号 and nothing else (apart from brackets around it or a
// 签发人), and returns it normalised to 〔〕: 昆发[2018]14号 → 昆发〔2018〕14号. A 文号 cited in
// a sentence is not a line of its own and is left alone.
func docNumberLine(s string) (string, bool) {
	loc := reDocNumber.FindStringIndex(s)
	if loc == nil {
		return "", false
	}
	rest := reSigner.ReplaceAllString(s[:loc[0]]+" "+s[loc[1]:], "")
	rest = strings.TrimFunc(rest, func(r rune) bool { return isBlank(r) || strings.ContainsRune("（）()", r) })
	if rest != "" {
		return "", false
	}
	key, ok := cite.NormalizeDocNumber(s[loc[0]:loc[1]])
	return key, ok
}

var organSuffixes = []string{
	"委员会", "人民政府", "政府", "办公厅", "办公室", "常委会", "委", "局", "厅", "部", "院", "署", "办",
	"党委", "党组", "总局", "中心", "处", "站", "所", "社区", "村", "领导小组", "指挥部", "办事处",
	"工会", "联合会", "协会", "团委",
}

// splitIssuers reads an issuer line: organ names separated by spaces or 、, such as
// "中共昆明市委  昆明市人民政府". Every part must look like an organ.
func splitIssuers(s string) ([]string, bool) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return isBlank(r) || strings.ContainsRune("、，,", r) })
	if len(parts) == 0 || len(parts) > 8 {
		return nil, false
	}
	for _, p := range parts {
		if !isOrgan(p) {
			return nil, false
		}
	}
	return parts, true
}

func isOrgan(s string) bool {
	n := runeLen(s)
	if n < 3 || n > 30 {
		return s == "国务院" || s == "中共中央"
	}
	for _, r := range s {
		if !isHan(r) && !strings.ContainsRune("（）()", r) {
			return false
		}
	}
	if s == "中共中央" || strings.HasPrefix(s, "中共") && strings.HasSuffix(s, "委") {
		return true
	}
	for _, suf := range organSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

var (
	reArabicDate  = regexp.MustCompile(`^([0-9０-９]{4})年([0-9０-９]{1,2})月([0-9０-９]{1,2})日$`)
	reChineseDate = regexp.MustCompile(`^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$`)
	reISODate     = regexp.MustCompile(`^([0-9]{4})[-./]([0-9]{1,2})[-./]([0-9]{1,2})$`)
)

// parseDateLine accepts a line that is only a date, "2018年8月22日", "（2018年8月22日）" or
// "二〇一八年八月二十二日", and returns it as YYYY-MM-DD.
func parseDateLine(s string) (string, bool) {
	c := strings.Map(func(r rune) rune {
		if isBlank(r) {
			return -1
		}
		return r
	}, s)
	if inner, ok := strings.CutPrefix(c, "（"); ok {
		c, _ = strings.CutSuffix(inner, "）")
	} else if inner, ok := strings.CutPrefix(c, "("); ok {
		c, _ = strings.CutSuffix(inner, ")")
	}
	c = strings.TrimSuffix(c, "印发")
	var y, m, d int
	if g := reArabicDate.FindStringSubmatch(c); g != nil {
		y, m, d = arabic(g[1]), arabic(g[2]), arabic(g[3])
	} else if g := reISODate.FindStringSubmatch(c); g != nil {
		y, m, d = arabic(g[1]), arabic(g[2]), arabic(g[3])
	} else if g := reChineseDate.FindStringSubmatch(c); g != nil {
		y, m, d = chineseDigits4(g[1]), chineseSmall(g[2]), chineseSmall(g[3])
	} else {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1949 || y > 2100 || t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

func arabic(s string) int {
	n := 0
	for _, r := range s {
		if r >= '０' && r <= '９' {
			r = r - '０' + '0'
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// chineseDigits4 reads a year written digit by digit: 二〇一八.
func chineseDigits4(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + chineseDigit(r)
	}
	return n
}

func chineseDigit(r rune) int {
	switch r {
	case '〇', '○', '零':
		return 0
	}
	if i := strings.IndexRune("一二三四五六七八九", r); i >= 0 {
		return i/len("一") + 1
	}
	return 0
}

// chineseSmall reads 1-31 written as 八, 十, 十二, 二十二, 三十一; 0 when malformed.
func chineseSmall(s string) int {
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return chineseDigit(rs[0])
	case len(rs) == 2 && rs[0] == '十':
		return 10 + chineseDigit(rs[1])
	case len(rs) == 2 && rs[1] == '十':
		return chineseDigit(rs[0]) * 10
	case len(rs) == 3 && rs[1] == '十':
		return chineseDigit(rs[0])*10 + chineseDigit(rs[2])
	}
	return 0
}

// readSignature reads the 落款 at the end of the main text: the last line that is only a date,
// and the organ names on the lines right above it. A line is a paragraph or, in a paragraph with
// manual line breaks, one of its lines: Word users often type the issuer and the date as one
// paragraph broken by Shift+Enter. The issuer and the date may also share a line.
func readSignature(blocks []block, from, to int) (date string, issuers []string) {
	lines := signatureLines(blocks, from, to)
	for i := len(lines) - 1; i >= 0; i-- {
		if d, names, ok := signatureLine(lines[i].text); ok {
			date, issuers = d, names
			for j := i - 1; j >= 0 && j >= i-3 && lines[j].text != ""; j-- {
				names, ok := splitIssuers(lines[j].text)
				if !ok {
					break
				}
				issuers = append(names, issuers...)
			}
			return date, issuers
		}
	}
	return "", nil
}

// signatureAfterNote reads a 落款 that follows a 附件说明 ("附件：社区评议表", GB/T 9704 puts it
// between the text and the 落款): a date with issuers above it within a few lines after the
// note. end is the block after the 落款's date, where the attachments start.
func signatureAfterNote(blocks []block, note int) (date string, issuers []string, end int) {
	for i := note + 1; i < len(blocks) && i <= note+6; i++ {
		if blocks[i].table != nil {
			return "", nil, 0
		}
		if d, names := readSignature(blocks, note+1, i+1); d != "" {
			if len(names) == 0 {
				return "", nil, 0
			}
			return d, names, i + 1
		}
	}
	return "", nil, 0
}

type sigLine struct{ text string }

// signatureLines are the lines of blocks[from:to]; a table is an empty line that stops the
// search for issuers above a date.
func signatureLines(blocks []block, from, to int) []sigLine {
	var out []sigLine
	for _, b := range blocks[from:to] {
		switch {
		case b.table != nil:
			out = append(out, sigLine{})
		case len(b.lines) > 0:
			for _, l := range b.lines {
				out = append(out, sigLine{l})
			}
		default:
			out = append(out, sigLine{b.text})
		}
	}
	return out
}

var reTrailingDate = regexp.MustCompile(`^(.*?\p{Han})[ \t\x{3000}]+([0-9０-９〇○零一二三四五六七八九]{4}[ \t\x{3000}]*年.*日)$`)

// signatureLine accepts a line that is a date, or issuers then a date ("三建乡人民政府  2020年6月1日").
func signatureLine(s string) (date string, issuers []string, ok bool) {
	if d, ok := parseDateLine(s); ok {
		return d, nil, true
	}
	m := reTrailingDate.FindStringSubmatch(strings.TrimFunc(s, isBlank))
	if m == nil {
		return "", nil, false
	}
	d, ok := parseDateLine(m[2])
	if !ok {
		return "", nil, false
	}
	names, ok := splitIssuers(m[1])
	if !ok {
		return "", nil, false
	}
	return d, names, true
}
