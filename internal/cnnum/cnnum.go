// Package cnnum reads and writes the numbers of Chinese numbering (第三十一条, 一百零五, （２）):
// Chinese numerals and ASCII or full-width digits. The build writes anchors with Format
// (generator/structure) and the query parser maps 第13条 to the same anchor with it
// (search/query), so there is one copy that both packages import.
package cnnum

import "strings"

// Parse reads a number written in Chinese numerals (二十三, 一百零五) or in ASCII or full-width
// digits (at most four), not a mix.
func Parse(s string) (int, bool) {
	if n, ok := ParseChinese(s); ok {
		return n, true
	}
	return ParseArabic(s, 4)
}

// Chinese numerals as documents write them in numbering: 一 … 九, 十, 百, 千, with 零/〇 as the
// placeholder ("一百零五"). Only the positional forms are read, so "一一" or "一百五" (colloquial
// 150) are rejected rather than guessed.
var chineseDigits = map[rune]int{
	'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

var chineseUnits = map[rune]int{'十': 10, '百': 100, '千': 1000}

// IsChinese reports whether r is a Chinese numeral digit or unit.
func IsChinese(r rune) bool {
	_, d := chineseDigits[r]
	_, u := chineseUnits[r]
	return d || u
}

// ParseChinese reads a Chinese numeral between 1 and 9999.
func ParseChinese(s string) (int, bool) {
	total, digit, lastUnit := 0, -1, 10000
	afterZero, skipped := false, false // 零 just read; 零 read since the last unit
	if s == "" {
		return 0, false
	}
	for _, r := range s {
		if d, ok := chineseDigits[r]; ok {
			if d == 0 {
				if afterZero || digit != -1 || total == 0 {
					return 0, false
				}
				afterZero, skipped = true, true
				continue
			}
			if digit != -1 {
				return 0, false
			}
			digit, afterZero = d, false
			continue
		}
		u, ok := chineseUnits[r]
		if !ok || afterZero || u >= lastUnit {
			return 0, false
		}
		if digit == -1 {
			if u != 10 || total != 0 {
				return 0, false
			}
			digit = 1 // "十一" = 11
		}
		total += digit * u
		digit, lastUnit = -1, u
	}
	if afterZero {
		return 0, false
	}
	if digit != -1 {
		if lastUnit != 10000 && lastUnit != 10 && !skipped {
			return 0, false // "一百五": the colloquial 150 is not a numbering
		}
		total += digit
	}
	return total, total > 0
}

// Format writes n (1..9999) the way numbering is written: 十一, 二十, 一百零五, 一千二百六十.
func Format(n int) string {
	const digits = "零一二三四五六七八九"
	digit := func(d int) string { return string([]rune(digits)[d]) }
	if n <= 0 || n > 9999 {
		return ""
	}
	if n < 10 {
		return digit(n)
	}
	if n < 20 {
		if n == 10 {
			return "十"
		}
		return "十" + digit(n%10)
	}
	var b strings.Builder
	units := []struct {
		v    int
		name string
	}{{1000, "千"}, {100, "百"}, {10, "十"}, {1, ""}}
	pendingZero := false
	for _, u := range units {
		q := n / u.v % 10
		if q == 0 {
			if b.Len() > 0 && n%u.v != 0 {
				pendingZero = true
			}
			continue
		}
		if pendingZero {
			b.WriteString("零")
			pendingZero = false
		}
		b.WriteString(digit(q))
		b.WriteString(u.name)
	}
	return b.String()
}

// Digit reads an ASCII or full-width digit.
func Digit(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// ParseArabic reads a run of ASCII or full-width digits of at most maxDigits digits.
func ParseArabic(s string, maxDigits int) (int, bool) {
	n, count := 0, 0
	for _, r := range s {
		d, ok := Digit(r)
		if !ok {
			return 0, false
		}
		count++
		if count > maxDigits {
			return 0, false
		}
		n = n*10 + d
	}
	return n, count > 0
}
