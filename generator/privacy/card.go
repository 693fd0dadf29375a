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

// cardPrefixes are issuer ranges of cards seen in China: UnionPay 62, Visa 4,
// Mastercard 51-55, JCB 35, Diners/Discover 30, 36, 38, 39. Requiring one of
// them (and the Luhn check) keeps long serial numbers out.
var cardPrefixes = []string{"62", "4", "51", "52", "53", "54", "55", "35", "30", "36", "38", "39"}

// validCard checks the issuer range and the Luhn digit. An 18-digit number
// shaped like an ID (region and birth date) is never taken for a card: it is
// far more likely an ID with a wrong check digit than an 18-digit card.
func validCard(d string) bool {
	if !allDigits(d) || (len(d) == 18 && validRegion(d[:2]) && validDate(d[6:14])) {
		return false
	}
	known := false
	for _, p := range cardPrefixes {
		known = known || strings.HasPrefix(d, p)
	}
	return known && luhn(d)
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
