package duty

import "time"

// Progress statuses, as shown on duty pages.
const (
	StatusNotStarted = "未开始"
	StatusOngoing    = "推进中"
	StatusDone       = "已完成"
)

// Progress is one dated report on a task (a 进展 cell may hold several, one per line).
type Progress struct {
	Date   time.Time // zero when the report carries no date
	Text   string
	Status string // StatusNotStarted | StatusOngoing | StatusDone
}

// Task is one row of a duty table or one inline annotation.
type Task struct {
	Number       string // 序号 as written; inline annotations are numbered "1", "2", … within the document
	Text         string // the task; for inline annotations the sentence the annotation closes
	Units        []Unit
	Deadline     string     // 完成时限 as written, may be empty
	DeadlineDate *time.Time // the last day Deadline allows, nil when it names no date (长期坚持)
	Progress     []Progress
	Source       string // "table" | "file" | "inline"
	Row          int    // 1-based: the data row of a table, the spreadsheet row of a file, the annotation's paragraph for inline
}

// Task sources.
const (
	SourceTable  = "table"
	SourceFile   = "file"
	SourceInline = "inline"
)

// Overdue reports whether the deadline has passed (today is a later calendar day) while the
// latest progress report does not say 已完成. Tasks without a dated deadline are never overdue.
func (t Task) Overdue(today time.Time) bool {
	if t.DeadlineDate == nil {
		return false
	}
	if n := len(t.Progress); n > 0 && t.Progress[n-1].Status == StatusDone {
		return false
	}
	y, m, d := today.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).After(*t.DeadlineDate)
}
