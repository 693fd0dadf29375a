package site

import "time"

// Task is one duty: a task and the units responsible for it, found in a document.
type Task struct {
	ID           string // anchor of the task's row in the page's duty table, e.g. "任务-3"
	Number       string
	Text         string
	Deadline     string
	DeadlineDate *time.Time
	Status       string // last progress status: 未开始 / 推进中 / 已完成, or ""
	Progress     []Progress
	Source       string // table, file or inline
	Page         *Page
	Anchor       string // where the task is in the text, "" if nowhere
	Line         int    // line in the source file, for messages
	Units        []*TaskUnit
	overdue      bool
}

// Progress is one dated progress entry of a task.
type Progress struct {
	Date   time.Time
	Text   string
	Status string
}

// TaskUnit is one unit named for a task.
type TaskUnit struct {
	Name    string // as resolved: the registered name when known
	Written string // as written in the document
	Lead    bool
	Clause  bool // a clause such as 各有关部门参与, not a department
	Dept    *Department
}

// IsOverdue reports whether the deadline passed on the build date and the task is not done.
func (t *Task) IsOverdue() bool { return t.overdue }

// Link is the URL of the task: its place in the text, or its row in the duty table.
func (t *Task) Link() string {
	if t.Anchor != "" {
		return t.Page.URL + "#" + t.Anchor
	}
	return t.Page.URL + "#" + t.ID
}

// Department is a responsible unit with every task it has across the site.
type Department struct {
	Name       string
	Aliases    []string
	Level      string
	Slug       string
	URL        string
	Registered bool
	Tasks      []*TaskRole
	Lead       int
	Part       int
	Overdue    int
	Documents  int
}

// TaskRole is a task seen from one department: 牵头 or 参与.
type TaskRole struct {
	Task *Task
	Role string
	Lead bool
}

// Indicator is one row of an indicator table (类别/维度/指标/目标值/属性).
type Indicator struct {
	Category, Dimension, Name, Target, Kind string
	Page                                    *Page
}
