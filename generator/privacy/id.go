package privacy

// isIDShape says whether 18 characters are an ID number as grouped. With a
// right check character any grouping counts: a random number passes region,
// birth date and check together about once in 30,000. With a wrong one (a
// typo, or an ID stored by Excel with its last digits lost) region and birth
// date still point at one person, but only the groupings people use for IDs
// are read that way: 18 in one run, 6-8-4, 6-4-4-4, 4-4-4-4-2.
func isIDShape(shape []int, s string) bool {
	if validID(s) {
		for _, n := range shape {
			if n < 2 {
				return false
			}
		}
		return true
	}
	return looksLikeID(s) && (equalShape(shape, 18) || equalShape(shape, 6, 8, 4) || equalShape(shape, 6, 4, 4, 4) || equalShape(shape, 4, 4, 4, 4, 2))
}

// validID checks an 18-character ID number: region, birth date and the
// ISO 7064 MOD 11-2 check character. A random 18-digit number fails.
func validID(s string) bool {
	return looksLikeID(s) && idCheckChar(s[:17]) == s[17]
}

// looksLikeID checks region and birth date only.
func looksLikeID(s string) bool {
	if len(s) != 18 || !allDigits(s[:17]) || !(s[17] == 'X' || s[17] >= '0' && s[17] <= '9') {
		return false
	}
	return validRegion(s[:2]) && validDate(s[6:14])
}

// validOldID checks a 15-digit ID (before 1999): no check digit, so region and
// a real 19YYMMDD birth date have to keep ordinary numbers out.
func validOldID(s string) bool {
	return len(s) == 15 && allDigits(s) && validRegion(s[:2]) && validDate("19"+s[6:12])
}

// idWeights are 2^(17-i) mod 11 for ISO 7064 MOD 11-2.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

func idCheckChar(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return "10X98765432"[sum%11]
}

// provinces are the first two digits of GB/T 2260 region codes (and 71, 81,
// 82, 83 for Taiwan, Hong Kong, Macao residents).
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

func validRegion(s string) bool { return provinces[s] }

// validDate checks YYYYMMDD with a year from 1800 (GB 11643's own example is
// born in 1880) to 2099; no clock is read, so the same text always gives the
// same findings.
func validDate(s string) bool {
	if len(s) != 8 || !allDigits(s) {
		return false
	}
	y := atoi(s[:4])
	m := atoi(s[4:6])
	d := atoi(s[6:8])
	if y < 1800 || y > 2099 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
