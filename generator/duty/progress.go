package duty

import (
	"regexp"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// parseProgress reads a 进展 cell: one report per line, each optionally starting with a date
// ("2020-06-30", "2020年6月30日", "2020年6月") and carrying its status in words (已完成, 未开始, …).
func parseProgress(cell string) []Progress {
	var out []Progress
	for _, line := range strings.Split(cleanCell(cell), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		p := Progress{Text: line}
		if m := reProgressDate.FindStringSubmatch(width.Fold.String(line)); m != nil {
			if d := progressDate(m[1], m[2], m[3]); d != nil {
				p.Date = *d
				p.Text = strings.TrimLeft(line[foldedPrefixLen(line, len(m[0])):], " \u3000:：、,，-")
			}
		}
		p.Status = statusOf(p.Text)
		out = append(out, p)
	}
	return out
}

var reProgressDate = regexp.MustCompile(`^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:(?:[-/.]|月)\s*(\d{1,2})\s*日?|月)?`)

// progressDate is the day a report was written; a month alone means its first day.
func progressDate(y, m, d string) *time.Time {
	if d == "" {
		d = "1"
	}
	return dateOf(y, m, d)
}

func statusOf(text string) string {
	for _, w := range []string{"未开始", "未启动", "尚未开始", "尚未启动", "未开展", "尚未开展"} {
		if strings.Contains(text, w) {
			return StatusNotStarted
		}
	}
	for _, w := range []string{"未完成", "尚未完成", "未全部完成"} {
		if strings.Contains(text, w) {
			return StatusOngoing
		}
	}
	if strings.HasPrefix(text, "完成") {
		return StatusDone
	}
	for _, w := range []string{"已完成", "已全部完成", "已办结"} {
		if strings.Contains(text, w) {
			return StatusDone
		}
	}
	return StatusOngoing
}

// foldedPrefixLen is the byte length in s of the prefix whose width-folded form is n bytes long.
func foldedPrefixLen(s string, n int) int {
	folded := 0
	for i, r := range s {
		if folded >= n {
			return i
		}
		folded += len(width.Fold.String(string(r)))
	}
	return len(s)
}
