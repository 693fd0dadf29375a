package disclose

import (
	"time"

	"github.com/gongkai/gongkai/generator/consult"
)

// Notice statuses, as shown on the notice board.
const (
	StatusOnNotice = "公示中"
	StatusEnded    = "公示已结束"
	StatusUpcoming = "即将公示"
)

// NoticeStatus compares today's calendar day with the notice period; both
// the first and the last day are on notice.
func (d *Disclosure) NoticeStatus(today time.Time) string {
	switch {
	case d.NoticeStart.IsZero() || !consult.SameOrBefore(d.NoticeStart, today):
		return StatusUpcoming
	case d.NoticeEnd.IsZero() || consult.SameOrBefore(today, d.NoticeEnd):
		return StatusOnNotice
	}
	return StatusEnded
}

// OnNotice reports whether the page is on public notice (公示中) today.
func (d *Disclosure) OnNotice(today time.Time) bool { return d.NoticeStatus(today) == StatusOnNotice }

// Unpublished reports whether today is past unpublish_after: the page must
// then vanish from every output (HTML, lists, feeds, open data, search index).
// On the day itself it is still published.
func (d *Disclosure) Unpublished(today time.Time) bool {
	return !d.UnpublishAfter.IsZero() && !consult.SameOrBefore(today, d.UnpublishAfter)
}
