package consult

import (
	"testing"
	"time"
)

func TestStatus(t *testing.T) {
	c, problems := decode(t, seedYAML)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	gap, problems := decode(t, "organizer: o\nphases:\n  - {name: 征求意见, start: 2024-05-06, end: 2024-05-20}\n  - {name: 结果公示, start: 2024-05-25, end: 2024-05-31}\n")
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	day := func(s string) time.Time { d, _ := ParseDate(s); return d }
	tests := []struct {
		c     *Consultation
		today string
		want  string
		open  bool
	}{
		{c, "2024-03-31", StatusNotStarted, false},
		{c, "2024-04-01", StatusNotStarted, false}, // drafting is not yet public
		{c, "2024-05-05", StatusNotStarted, false},
		{c, "2024-05-06", StatusOpen, true},
		{c, "2024-05-20", StatusOpen, true},
		{c, "2024-05-21", StatusResults, false},
		{c, "2024-05-27", StatusResults, false},
		{c, "2024-05-28", StatusReview, false}, // after 公示, before 决定
		{c, "2024-06-03", StatusClosed, false},
		{c, "2030-01-01", StatusClosed, false},
		{gap, "2024-05-21", StatusReview, false},
		{gap, "2024-05-31", StatusResults, false},
		{gap, "2024-06-01", StatusClosed, false}, // past every phase
		{&Consultation{}, "2024-05-06", StatusNotStarted, false},
		{&Consultation{Outcome: Passed}, "2024-05-06", StatusClosed, false},
	}
	for _, tt := range tests {
		if got := tt.c.Status(day(tt.today)); got != tt.want {
			t.Errorf("%v Status(%s) = %s, want %s", tt.c.Phases, tt.today, got, tt.want)
		}
		if got := tt.c.OpenForComment(day(tt.today)); got != tt.open {
			t.Errorf("OpenForComment(%s) = %v, want %v", tt.today, got, tt.open)
		}
	}
}

// A build at 23:30 in Beijing is still the same calendar day, whatever UTC says.
func TestStatusUsesCalendarDay(t *testing.T) {
	c, _ := decode(t, seedYAML)
	beijing := time.FixedZone("CST", 8*3600)
	lateOnLastDay := time.Date(2024, 5, 20, 23, 30, 0, 0, beijing)
	if !c.OpenForComment(lateOnLastDay) {
		t.Error("last day of 征求意见 late in the evening should still be open")
	}
	earlyNextDay := time.Date(2024, 5, 21, 0, 30, 0, 0, beijing) // still 2024-05-20 in UTC
	if c.OpenForComment(earlyNextDay) {
		t.Error("the day after 征求意见 ends, in Beijing, should be closed")
	}
}
