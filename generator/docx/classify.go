package docx

import (
	"regexp"
	"strings"
)

// genres in the order they are tried: the longer name first, so 实施意见 wins over 意见.
var genres = []string{
	"实施意见", "实施方案", "起草说明", "意见", "方案", "规划", "办法", "细则", "决定", "说明", "通知",
	"通报", "通告", "公告", "报告", "请示", "批复", "规定", "条例", "决议", "纪要", "计划", "要点", "纲要", "函",
}

var reTrailingNote = regexp.MustCompile(`[（(][^（()）]{1,10}[)）]$`)

// genreOf reads the 文种 from the end of a title, ignoring a trailing note such as （试行）.
func genreOf(title string) string {
	t := strings.TrimRightFunc(title, isBlank)
	t = reTrailingNote.ReplaceAllString(t, "")
	t = strings.TrimRight(t, "》”\"")
	for _, g := range genres {
		if strings.HasSuffix(t, g) {
			return g
		}
	}
	return ""
}

// Place names inside an issuer, from the largest unit to the smallest: 昆明市 | 五华区 | 某某街道.
// The smallest one gives the level. Words such as 城乡社区 are not places.
var (
	rePlace    = regexp.MustCompile(`^(\p{Han}{1,8}?)(自治区|特别行政区|自治州|自治县|自治旗|省|市|州|盟|县|区|旗|乡|镇|街道|社区|村)`)
	notPlaces  = map[string]bool{"城乡": true, "城市": true, "农村": true, "城": true, "乡": true, "社": true, "小": true, "园": true, "新": true, "辖": true}
	placeLevel = map[string]string{
		"省": "省", "自治区": "省", "特别行政区": "省",
		"市": "市", "州": "市", "盟": "市", "自治州": "市",
		"县": "县", "区": "县", "旗": "县", "自治县": "县", "自治旗": "县",
		"乡": "乡", "镇": "乡", "街道": "乡",
		"村": "村", "社区": "村",
	}
	municipalities = []string{"北京市", "天津市", "上海市", "重庆市"}
)

// levelOf guesses the 层级 of a document from its first issuer.
func levelOf(issuer string) string {
	for _, p := range []string{"中共中央", "国务院", "全国人大", "全国人民代表大会", "中央"} {
		if strings.HasPrefix(issuer, p) {
			return "中央"
		}
	}
	rest := strings.TrimPrefix(issuer, "中共")
	level, places := "", 0
	for places < 6 {
		g := rePlace.FindStringSubmatch(rest)
		if g == nil || notPlaces[g[1]] {
			break
		}
		level = placeLevel[g[2]]
		if places == 0 && g[2] == "市" && contains(municipalities, g[0]) {
			level = "省"
		}
		rest = rest[len(g[0]):]
		if g[2] == "州" { // 州 inside a name: 开州区, 广州市
			for _, unit := range []string{"区", "县", "市"} {
				if after, ok := strings.CutPrefix(rest, unit); ok {
					level, rest = placeLevel[unit], after
					break
				}
			}
		}
		places++
	}
	if level == "" && (strings.HasPrefix(issuer, "国家") || strings.HasSuffix(issuer, "部")) {
		return "中央" // 民政部, 国家发展改革委
	}
	return level
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
