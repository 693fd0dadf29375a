package consult

import "time"

// Statuses a consultation shows to residents.
const (
	StatusNotStarted = "未开始"
	StatusOpen       = "征求意见中"
	StatusResults    = "结果公示中"
	StatusReview     = "审议中"
	StatusClosed     = "已结束"
)

// Status says where the procedure stands on today's calendar day. 起草 is
// not yet visible to residents (未开始); the gap after comments close or after
// results are posted is 审议中 (being counted or reviewed); from 决定 on, or
// after the last phase, it is 已结束.
func (c *Consultation) Status(today time.Time) string {
	current := -1
	for i, p := range c.Phases {
		if SameOrBefore(p.Start, today) {
			current = i
		}
	}
	if current < 0 {
		if len(c.Phases) == 0 && c.Outcome != "" {
			return StatusClosed
		}
		return StatusNotStarted
	}
	p := c.Phases[current]
	switch p.Name {
	case "决定", "归档":
		return StatusClosed
	}
	if SameOrBefore(today, p.lastDay()) {
		switch p.Name {
		case "起草":
			return StatusNotStarted
		case "征求意见":
			return StatusOpen
		case "结果公示":
			return StatusResults
		}
		return StatusReview
	}
	if current == len(c.Phases)-1 {
		return StatusClosed
	}
	if p.Name == "起草" {
		return StatusNotStarted
	}
	return StatusReview
}

// OpenForComment reports whether today falls within the 征求意见 phase.
func (c *Consultation) OpenForComment(today time.Time) bool {
	for _, p := range c.Phases {
		if p.Name == "征求意见" && SameOrBefore(p.Start, today) && SameOrBefore(today, p.lastDay()) {
			return true
		}
	}
	return false
}
