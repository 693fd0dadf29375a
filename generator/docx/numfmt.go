package docx

import (
	"strconv"
	"strings"
)

// formatNumber writes n in one of Word's number formats (w:numFmt). Formats without a Chinese
// use fall back to decimal, as Word itself does for values a format cannot show.
func formatNumber(n int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "koreanCounting":
		return chineseNumber(n, chineseDigits, chineseUnits)
	case "chineseLegalSimplified", "taiwaneseCountingThousand", "japaneseLegal", "koreanLegal":
		return chineseNumber(n, legalDigits, legalUnits)
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		return digitByDigit(n, []rune("〇一二三四五六七八九"))
	case "ideographTraditional":
		return cycle(n, []rune("甲乙丙丁戊己庚辛壬癸"))
	case "ideographZodiac":
		return cycle(n, []rune("子丑寅卯辰巳午未申酉戌亥"))
	case "decimalFullWidth", "decimalFullWidth2":
		return digitByDigit(n, []rune("０１２３４５６７８９"))
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		return enclosed(n, '①', 20)
	case "decimalEnclosedParen":
		return enclosed(n, '⑴', 20)
	case "decimalEnclosedFullstop":
		return enclosed(n, '⒈', 20)
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperLetter", "lowerLetter":
		s := letters(n)
		if format == "lowerLetter" {
			s = strings.ToLower(s)
		}
		return s
	case "upperRoman", "lowerRoman":
		s := roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(n)
}

var (
	chineseDigits = []rune("零一二三四五六七八九")
	chineseUnits  = []rune("十百千万")
	legalDigits   = []rune("零壹贰叁肆伍陆柒捌玖")
	legalUnits    = []rune("拾佰仟万")
)

// chineseNumber writes 1-99999 the way Word's chineseCounting does: 十一, 二十, 一百零五.
func chineseNumber(n int, digits, units []rune) string {
	if n <= 0 || n > 99999 {
		return strconv.Itoa(n)
	}
	if n < 10 {
		return string(digits[n])
	}
	if n < 20 && digits[1] == '一' {
		s := string(units[0]) // 十, 十一 … 十九
		if n > 10 {
			s += string(digits[n-10])
		}
		return s
	}
	var b strings.Builder
	places := []int{10000, 1000, 100, 10, 1}
	placeUnits := []rune{units[3], units[2], units[1], units[0], 0}
	zero := false
	started := false
	for i, p := range places {
		d := n / p % 10
		if d == 0 {
			zero = started
			continue
		}
		if zero {
			b.WriteRune(digits[0])
			zero = false
		}
		b.WriteRune(digits[d])
		if placeUnits[i] != 0 {
			b.WriteRune(placeUnits[i])
		}
		started = true
	}
	return b.String()
}

func digitByDigit(n int, digits []rune) string {
	if n < 0 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		b.WriteRune(digits[c-'0'])
	}
	return b.String()
}

// cycle writes n with a cyclic sequence such as the heavenly stems: 1 甲, 10 癸, 11 甲.
func cycle(n int, seq []rune) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	return string(seq[(n-1)%len(seq)])
}

func enclosed(n int, first rune, max int) string {
	if n < 1 || n > max {
		return strconv.Itoa(n)
	}
	return string(first + rune(n-1))
}

// letters writes 1 A, 26 Z, 27 AA, 28 BB as Word does.
func letters(n int) string {
	if n <= 0 || n > 780 {
		return strconv.Itoa(n)
	}
	return strings.Repeat(string(rune('A'+(n-1)%26)), (n-1)/26+1)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
