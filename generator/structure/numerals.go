package structure

import "github.com/gongkai/gongkai/internal/cnnum"

// ParseNumeral reads a number written in Chinese numerals (二十三, 一百零五) or in ASCII or
// full-width digits, not a mix; other packages read 第三十一号 with it.
func ParseNumeral(s string) (int, bool) { return cnnum.Parse(s) }

// The numbering of anchors is shared with the query parser (search/query maps 第13条 to the
// anchor 第十三条), so it lives in internal/cnnum; these names keep this package's code short.
var (
	parseChinese     = cnnum.ParseChinese
	formatChinese    = cnnum.Format
	arabicDigit      = cnnum.Digit
	parseArabic      = cnnum.ParseArabic
	isChineseNumeral = cnnum.IsChinese
)
