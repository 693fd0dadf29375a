package disclose

import (
	"strconv"
	"strings"
)

// ParseAmount reads a money amount in 元 as cents: 1,234.50, 1234.5, ￥1,234.50,
// 1234.50元, -200, with full-width digits too. Commas must group by three
// (1,2345 is rejected rather than guessed), and there are at most two decimals.
func ParseAmount(s string) (cents int64, ok bool) { return parseDecimal(s, 2, "元") }

// maxDigits keeps amounts (up to a trillion 元, or 10^9 万元 to six decimals)
// far enough inside int64 that a table's sum cannot overflow.
const maxDigits = 15

// parseDecimal reads s as a fixed-point number with at most decimals digits
// after the point, scaled by 10^decimals; unit may follow the number.
func parseDecimal(s string, decimals int, unit string) (int64, bool) {
	s = normalizeAmount(s)
	s = strings.TrimSuffix(s, unit)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "¥"), "￥")
	negative := false
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		s, negative = rest, true
	} else {
		s = strings.TrimPrefix(s, "+")
	}
	whole, frac, hasPoint := strings.Cut(s, ".")
	if hasPoint && (frac == "" || len(frac) > decimals || !allDigits(frac)) {
		return 0, false
	}
	whole, ok := ungroup(whole)
	if !ok || len(whole)+decimals > maxDigits {
		return 0, false
	}
	var n int64
	for _, c := range whole + frac + strings.Repeat("0", decimals-len(frac)) {
		n = n*10 + int64(c-'0')
	}
	if negative {
		n = -n
	}
	return n, true
}

// normalizeAmount folds full-width characters and drops spaces.
func normalizeAmount(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		case r == '，':
			b.WriteByte(',')
		case r == '．':
			b.WriteByte('.')
		case r == '－' || r == '−':
			b.WriteByte('-')
		case r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ungroup removes thousands separators, checking they group by three.
func ungroup(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	parts := strings.Split(s, ",")
	for i, p := range parts {
		if !allDigits(p) || p == "" || (i > 0 && len(p) != 3) || (i == 0 && len(parts) > 1 && len(p) > 3) {
			return "", false
		}
	}
	return strings.Join(parts, ""), true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// formatAmount writes n (scaled by 10^decimals) as 1,234.50, for messages;
// 万元 amounts keep the decimals they need beyond two.
func formatAmount(n int64, decimals int) string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	digits := strconv.FormatInt(n, 10)
	if len(digits) <= decimals {
		digits = strings.Repeat("0", decimals-len(digits)+1) + digits
	}
	whole, frac := digits[:len(digits)-decimals], digits[len(digits)-decimals:]
	for len(frac) > 2 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	var b strings.Builder
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(whole[i])
	}
	return sign + b.String() + "." + frac
}
