package privacy

// isPhoneShape accepts mainland mobiles 1[3-9]xxxxxxxxx written
// 13812345678, 138 1234 5678, 138-1234-5678, 1381234 5678 or 1381 234 5678,
// optionally after 86 / +86.
// Landlines (023-70700000) start with 0 and never match.
func isPhoneShape(digits string, shape []int) bool {
	switch {
	case equalShape(shape, 11), equalShape(shape, 3, 4, 4), equalShape(shape, 3, 8),
		equalShape(shape, 4, 3, 4), equalShape(shape, 4, 4, 3):
		return isMobile(digits)
	case equalShape(shape, 13), equalShape(shape, 2, 11), equalShape(shape, 2, 3, 4, 4), equalShape(shape, 2, 3, 8):
		return digits[:2] == "86" && isMobile(digits[2:])
	}
	return false
}

func isMobile(d string) bool {
	return len(d) == 11 && allDigits(d) && d[0] == '1' && d[1] >= '3' && d[1] <= '9'
}
