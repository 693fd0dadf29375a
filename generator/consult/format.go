package consult

import (
	"math"
	"strconv"
)

// formatNumber writes x with at most two decimals and no trailing zeros: 546.5, 1093.
func formatNumber(x float64) string {
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}

// formatThreshold keeps four decimals so that 60.003 is not shown as 60,
// which would make "同意 60 人，未超过 60" look wrong.
func formatThreshold(x float64) string {
	return strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64)
}

// formatPercent writes a percentage such as 50% or 66.67%.
func formatPercent(p float64) string { return formatNumber(p) + "%" }

// formatShare writes a share with one decimal, as shown next to counts: 56.0%.
func formatShare(p float64) string { return strconv.FormatFloat(p, 'f', 1, 64) + "%" }
