package duty

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// parseDeadline reads a 完成时限 and returns the last day it allows, in UTC: "2020-12-31" is that
// day, "2021年6月" the end of June, "2020年底" and "2020年" the end of the year, "2021年上半年" and
// "2021年二季度" the end of that half or quarter, "2018—2020年" the end of 2020. A trailing 前, 以前
// or 之前 changes nothing. Anything else (长期坚持, 持续推进, two dates) gives nil: no date, never overdue.
func parseDeadline(s string) *time.Time {
	s = strings.TrimSpace(width.Fold.String(s))
	for _, sfx := range []string{"以前", "之前", "前"} {
		s = strings.TrimSuffix(s, sfx)
	}
	s = strings.TrimSpace(s)
	if m := reDay.FindStringSubmatch(s); m != nil {
		return dateOf(m[1], m[2], m[3])
	}
	if m := reMonth.FindStringSubmatch(s); m != nil {
		return dateOf(m[1], m[2], "")
	}
	if m := rePart.FindStringSubmatch(s); m != nil {
		month, ok := partEnds[m[2]]
		if !ok {
			return nil
		}
		return dateOf(m[1], strconv.Itoa(month), "")
	}
	if m := reRange.FindStringSubmatch(s); m != nil {
		return dateOf(m[2], "12", "")
	}
	return nil
}

var (
	reDay   = regexp.MustCompile(`^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$`)
	reMonth = regexp.MustCompile(`^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?(?:底|末|份)?$`)
	rePart  = regexp.MustCompile(`^(\d{4})\s*年?\s*(年底|年末|底|末||上半年|下半年|年中|第?[一二三四1-4]季度)$`)
	reRange = regexp.MustCompile(`^(\d{4})\s*年?\s*[-—–~～至到]+\s*(\d{4})\s*年?(?:底|末)?$`)
)

var partEnds = map[string]int{
	"": 12, "年底": 12, "年末": 12, "底": 12, "末": 12, "下半年": 12, "上半年": 6, "年中": 6,
	"一季度": 3, "第一季度": 3, "1季度": 3, "第1季度": 3,
	"二季度": 6, "第二季度": 6, "2季度": 6, "第2季度": 6,
	"三季度": 9, "第三季度": 9, "3季度": 9, "第3季度": 9,
	"四季度": 12, "第四季度": 12, "4季度": 12, "第4季度": 12,
}

// dateOf builds the date; an empty day means the last day of the month. Impossible dates give nil.
func dateOf(year, month, day string) *time.Time {
	y, err1 := strconv.Atoi(year)
	m, err2 := strconv.Atoi(month)
	if err1 != nil || err2 != nil || m < 1 || m > 12 {
		return nil
	}
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
	if day == "" {
		return &last
	}
	d, err := strconv.Atoi(day)
	if err != nil || d < 1 || d > last.Day() {
		return nil
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return &t
}
