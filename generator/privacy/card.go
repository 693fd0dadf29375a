package privacy

import "strings"

// isCardShape accepts 16-19 digits in one run or grouped by four
// (6222 0212 3456 7890 123).
func isCardShape(shape []int) bool {
	total := 0
	for _, n := range shape {
		total += n
	}
	if total < 16 || total > 19 {
		return false
	}
	if len(shape) == 1 {
		return true
	}
	for i, n := range shape {
		if n != 4 && (i < len(shape)-1 || n > 4) {
			return false
		}
	}
	return true
}

// cardPrefixes are issuer ranges of cards seen in China: UnionPay 62 and 81,
// the domestic cards issued before UnionPay (ICBC 9558, ABC 9559, BOC 6013,
// other banks 95, 94, 60), Visa 4, Mastercard 51-55 and 2221-2720, JCB 35,
// Amex 34, 37, Diners/Discover 30, 36, 38, 39, 65. Requiring one of them and
// the Luhn check keeps long serial numbers out; 91… (统一社会信用代码 written
// in digits only) is not among them.
var cardPrefixes = []string{"62", "81", "60", "65", "94", "95", "4", "51", "52", "53", "54", "55", "34", "35", "37", "30", "36", "38", "39"}

// bankPrefixes are ranges held only by bank cards: a number of card length
// there is a card even when its Luhn digit is wrong (a typo is still someone's
// account).
var bankPrefixes = []string{"62", "9558", "9559", "6013", "95595", "95596", "95597", "95598", "95599"}

// validCard checks the issuer range and the Luhn digit. An 18-digit number
// shaped like an ID (region and birth date) is never taken for a card: it is
// an ID, with or without a wrong check digit.
func validCard(d string) bool {
	if !allDigits(d) || len(d) < 16 || len(d) > 19 || looksLikeID(d) {
		return false
	}
	for _, p := range bankPrefixes {
		if strings.HasPrefix(d, p) {
			return true
		}
	}
	if !luhn(d) {
		return false
	}
	for _, p := range cardPrefixes {
		if strings.HasPrefix(d, p) {
			return true
		}
	}
	if p := atoi(d[:4]); p >= 2221 && p <= 2720 && len(d) == 16 {
		return true
	}
	return false
}

func luhn(d string) bool {
	sum := 0
	double := false
	for i := len(d) - 1; i >= 0; i-- {
		n := int(d[i] - '0')
		if double {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
		double = !double
	}
	return sum%10 == 0
}
