package build

import (
	"path/filepath"
	"time"

	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/site"
)

// Change is a moment when the site changes by itself, without an edit: a page goes up at its
// publishDate or down at its expiryDate or after its unpublish_after day, a notice period or
// a consultation phase begins or ends (the page's status and the "on notice now" lists change).
// `serve` rebuilds at the next one; CI rebuilds daily for the same reason (docs/publishing.md).
type Change struct {
	At   time.Time
	Path string // the page's source file, relative to the site folder
	What string // 上线, 下线, 公示开始, 公示结束, 阶段「…」开始/结束
}

func (c Change) String() string {
	return c.At.In(content.CST).Format("2006-01-02 15:04") + " " + filepath.ToSlash(c.Path) + " " + c.What
}

// schedule is every future change of the site, by source file.
type schedule map[string][]Change

// next is the earliest change after now, or nil.
func (s schedule) next(now time.Time) *Change {
	var best *Change
	for _, cs := range s {
		for i := range cs {
			if cs[i].At.After(now) && (best == nil || cs[i].At.Before(best.At)) {
				best = &cs[i]
			}
		}
	}
	return best
}

// due reports whether a change the last full build foresaw has come: what is published
// differs from what that build saw, beyond the pages an edit touches.
func (s schedule) due(now time.Time) bool {
	for _, cs := range s {
		for _, c := range cs {
			if !c.At.After(now) {
				return true
			}
		}
	}
	return false
}

// changesOf lists the moments after now at which the page in cp changes by itself. p is its
// decoded page when it is published now, nil otherwise.
func changesOf(opts Options, cp *content.Page, p *site.Page) []Change {
	if cp.Draft && !opts.Drafts {
		return nil // a draft comes up by an edit, never by the clock
	}
	rel, err := filepath.Rel(opts.Source, cp.SrcPath)
	if err != nil {
		rel = cp.SrcPath
	}
	var out []Change
	add := func(at time.Time, what string) {
		if !at.IsZero() && at.After(opts.Now) {
			out = append(out, Change{At: at, Path: rel, What: what})
		}
	}
	if !opts.Future {
		up := cp.Publish
		if up.IsZero() {
			up = cp.Date
		}
		add(up, "上线")
	}
	add(cp.Expiry, "下线")
	if p == nil {
		return out // its notice periods are looked at once it is up
	}
	if d := p.Disclose; d != nil {
		add(dayAfter(d.UnpublishAfter), "下线")
		add(dayStart(d.NoticeStart), "公示开始")
		add(dayAfter(d.NoticeEnd), "公示结束")
	}
	if c := p.Consult; c != nil {
		for _, ph := range c.Phases {
			add(dayStart(ph.Start), "阶段「"+ph.Name+"」开始")
			end := ph.End
			if end.IsZero() {
				end = ph.Start
			}
			add(dayAfter(end), "阶段「"+ph.Name+"」结束")
		}
	}
	return out
}

// dayStart is the midnight, China time, that begins t's calendar day. Notice periods and
// phases are compared by calendar day (consult.SameOrBefore), so they turn at midnight.
func dayStart(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, content.CST)
}

// dayAfter is the midnight that ends t's calendar day: a last day is still shown whole.
func dayAfter(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, content.CST)
}

// scheduleOf lists the changes of every loaded page; pages are the published ones.
func scheduleOf(opts Options, loaded []*content.Page, pages []*site.Page) schedule {
	published := map[*content.Page]*site.Page{}
	for _, p := range pages {
		published[p.Page] = p
	}
	s := schedule{}
	for _, cp := range loaded {
		if cs := changesOf(opts, cp, published[cp]); len(cs) > 0 {
			s[filepath.Clean(cp.SrcPath)] = append(s[filepath.Clean(cp.SrcPath)], cs...)
		}
	}
	return s
}
