// Package cite finds citations in Chinese policy text (《title》（文号）, bare 文号, 令 numbers and
// the aliases 以下简称 defines) and normalises 文号 and titles, so that 中发[2017]13号 and
// 中发〔2017〕13号 lead to the same document.
package cite

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/generator/structure"
	"github.com/gongkai/gongkai/internal/cnnum"
)

// DocNumber is a parsed 发文字号: issuer code, year and sequence (中发〔2017〕13号), or for an
// order (令) its series and number (国务院令第711号).
type DocNumber struct {
	Issuer string // 机关代字: 中发, 国办发, 昆发; "" for an order
	Year   int
	Seq    int
	Order  string // 国务院令, 主席令, 民政部令; "" for an ordinary 文号
}

// Key is the canonical spelling: 中发〔2017〕13号 or 国务院令第711号.
func (d DocNumber) Key() string {
	if d.Order != "" {
		return d.Order + "第" + strconv.Itoa(d.Seq) + "号"
	}
	return d.Issuer + "〔" + strconv.Itoa(d.Year) + "〕" + strconv.Itoa(d.Seq) + "号"
}

// NormalizeDocNumber returns the canonical key of a 文号 written with any bracket (〔〕 [] （）
// 【】), full- or half-width digits, inner spaces or 第 before the number; 令 numbers drop
// 中华人民共和国 (中华人民共和国国务院令 第711号 → 国务院令第711号).
func NormalizeDocNumber(s string) (key string, ok bool) {
	d, err := ParseDocNumber(s)
	if err != nil {
		return "", false
	}
	return d.Key(), true
}

const docNumberExample = "写成如 中发〔2017〕13号 或 国务院令第711号"

// ParseDocNumber parses a 文号. The error says what is wrong and what a valid one looks like.
func ParseDocNumber(s string) (DocNumber, error) {
	compact := strings.Map(func(r rune) rune {
		if isBlank(r) {
			return -1
		}
		return r
	}, s)
	if compact == "" {
		return DocNumber{}, errors.New("文号为空；" + docNumberExample)
	}
	if d, ok := parseOrder(compact); ok {
		return d, nil
	}
	if strings.Contains(compact, "令") && !strings.ContainsAny(compact, yearOpeners) {
		return DocNumber{}, fmt.Errorf("文号 %q 看来是令，但没有写成 国务院令第711号 的样子；照此改写", s)
	}
	issuer, rest := takeWhile(compact, isHan)
	if issuer == "" {
		return DocNumber{}, fmt.Errorf("文号 %q 不是以发文机关代字开头（如 中发〔2017〕13号 中的 中发）；%s", s, docNumberExample)
	}
	if n := utf8.RuneCountInString(issuer); n > maxIssuerRunes {
		return DocNumber{}, fmt.Errorf("文号 %q 的发文机关代字 %q 有 %d 个字，最多 %d 个；%s", s, issuer, n, maxIssuerRunes, docNumberExample)
	}
	year, seq, end, err := parseYearSeq(rest)
	if err != nil {
		return DocNumber{}, fmt.Errorf("文号 %q：%v", s, err)
	}
	if end != len(rest) {
		return DocNumber{}, fmt.Errorf("文号 %q 在 号 之后还有 %q；文号应以 号 结尾", s, rest[end:])
	}
	return DocNumber{Issuer: issuer, Year: year, Seq: seq}, nil
}

const (
	maxIssuerRunes = 10
	maxSeqDigits   = 5
	yearOpeners    = "〔[【（(［〖"
	yearClosers    = "〕]】）)］〗"
)

// parseYearSeq reads "〔2017〕13号" (any bracket, blanks allowed, optional 第) at the start of s and
// returns where it ends.
func parseYearSeq(s string) (year, seq, end int, err error) {
	i := skipBlanks(s, 0)
	r, size := utf8.DecodeRuneInString(s[i:])
	if !strings.ContainsRune(yearOpeners, r) {
		return 0, 0, 0, errors.New("发文机关代字后应是用六角括号括起的年份，如 中发〔2017〕13号 中的 〔2017〕")
	}
	i = skipBlanks(s, i+size)
	digits, n := takeDigits(s[i:], 4)
	if n != 4 {
		return 0, 0, 0, errors.New("括号中的年份应为四位数字，如 〔2017〕")
	}
	if digits < 1900 || digits > 2099 {
		return 0, 0, 0, fmt.Errorf("年份 %d 不合理；写发文的年份，如 〔2017〕", digits)
	}
	i = skipBlanks(s, i+digitBytes(s[i:], 4))
	r, size = utf8.DecodeRuneInString(s[i:])
	if !strings.ContainsRune(yearClosers, r) {
		return 0, 0, 0, errors.New("年份后的括号没有闭合；写成 〔2017〕")
	}
	i = skipBlanks(s, i+size)
	if strings.HasPrefix(s[i:], "第") {
		i = skipBlanks(s, i+len("第"))
	}
	seq, n = takeDigits(s[i:], maxSeqDigits+1)
	if n == 0 || n > maxSeqDigits || seq == 0 {
		return 0, 0, 0, errors.New("年份后的序号缺失或不在 1 到 99999 之间；写成如 中发〔2017〕13号 中的 13")
	}
	i = skipBlanks(s, i+digitBytes(s[i:], n))
	if !strings.HasPrefix(s[i:], "号") {
		return 0, 0, 0, errors.New("文号以 号 结尾，如 中发〔2017〕13号")
	}
	return digits, seq, i + len("号"), nil
}

// parseOrder reads 国务院令第711号, 主席令（第三十一号）, 国务院第711号令, with or without
// 中华人民共和国 in front, from a string without blanks.
func parseOrder(s string) (DocNumber, bool) {
	s = strings.TrimPrefix(s, "中华人民共和国")
	var issuer, number string
	if strings.HasSuffix(s, "号令") { // 国务院第711号令
		i := strings.Index(s, "第")
		if i <= 0 {
			return DocNumber{}, false
		}
		issuer, number = s[:i]+"令", strings.TrimSuffix(s[i:], "令")
	} else {
		i := strings.Index(s, "令")
		if i <= 0 {
			return DocNumber{}, false
		}
		issuer, number = s[:i+len("令")], s[i+len("令"):]
		if inner, ok := strings.CutPrefix(number, "（"); ok {
			number, ok = strings.CutSuffix(inner, "）")
			if !ok {
				return DocNumber{}, false
			}
		} else if inner, ok := strings.CutPrefix(number, "("); ok {
			number, ok = strings.CutSuffix(inner, ")")
			if !ok {
				return DocNumber{}, false
			}
		}
	}
	if han, rest := takeWhile(issuer, isHan); rest != "" || utf8.RuneCountInString(han) < 2 || utf8.RuneCountInString(han) > maxIssuerRunes+2 {
		return DocNumber{}, false
	}
	number, ok := strings.CutPrefix(number, "第")
	if !ok {
		return DocNumber{}, false
	}
	if number, ok = strings.CutSuffix(number, "号"); !ok {
		return DocNumber{}, false
	}
	seq, ok := structure.ParseNumeral(number)
	if !ok || seq == 0 {
		return DocNumber{}, false
	}
	return DocNumber{Order: issuer, Seq: seq}, true
}

// takeDigits reads up to max ASCII or full-width digits and returns the value and their count.
func takeDigits(s string, max int) (value, count int) {
	for _, r := range s {
		d, ok := cnnum.Digit(r)
		if !ok || count == max {
			break
		}
		value = value*10 + d
		count++
	}
	return value, count
}

// digitBytes is the byte length of the first count digits of s.
func digitBytes(s string, count int) int {
	n := 0
	for i, r := range s {
		if count == 0 {
			return i
		}
		if _, ok := cnnum.Digit(r); !ok {
			return i
		}
		count--
		n = i + utf8.RuneLen(r)
	}
	return n
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isBlank covers the full-width space and the no-break spaces of converted documents.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\ufeff' || r == '\u200b'
}

func skipBlanks(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isBlank(r) {
			break
		}
		i += size
	}
	return i
}

func takeWhile(s string, keep func(rune) bool) (taken, rest string) {
	for i, r := range s {
		if !keep(r) {
			return s[:i], s[i:]
		}
	}
	return s, ""
}
