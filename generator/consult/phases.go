package consult

import (
	"strings"
	"time"
)

// PhaseNames is the procedure in order; a consultation lists any subset of it.
var PhaseNames = []string{"起草", "征求意见", "结果公示", "审议", "决定", "归档"}

func phaseIndex(name string) int {
	for i, n := range PhaseNames {
		if n == name {
			return i
		}
	}
	return -1
}

// decodePhases reads phases and checks that names follow the procedure's order
// and that dates never go backwards.
func decodePhases(r *Reader, top Mapping) []Phase {
	node := top.Get("phases")
	if node == nil {
		r.Addf(top.Line, "缺少 phases：至少写一个阶段，如 - {name: 征求意见, start: 2024-05-06, end: 2024-05-20}")
		return nil
	}
	var out []Phase
	lastIndex, lastName := -1, ""
	var last Phase
	for _, rec := range r.Records(node, "phases", "name", "start", "end") {
		name, m := rec.Name, rec.Mapping
		p := Phase{
			Name:  r.String(m.Get("name"), name+".name"),
			Start: r.Date(m.Get("start"), name+".start"),
			End:   r.Date(m.Get("end"), name+".end"),
		}
		idx := phaseIndex(p.Name)
		switch {
		case p.Name == "":
			r.Addf(m.Line, "%s 缺少 name：%s 之一", name, strings.Join(PhaseNames, "、"))
			continue
		case idx < 0:
			r.Addf(m.Get("name").Line, "%s 的阶段 %q 不认识：应为 %s 之一", name, p.Name, strings.Join(PhaseNames, "、"))
			continue
		case idx == lastIndex:
			r.Addf(m.Line, "阶段 %s 写了两次：合并为一项", p.Name)
		case idx < lastIndex:
			r.Addf(m.Line, "阶段 %s 应在 %s 之前：按 %s 的顺序排列", p.Name, lastName, strings.Join(PhaseNames, "、"))
		}
		if p.Start.IsZero() {
			if m.Get("start") == nil {
				r.Addf(m.Line, "%s（%s）缺少 start 日期", name, p.Name)
			}
			continue
		}
		if !p.End.IsZero() && p.End.Before(p.Start) {
			r.Addf(m.Get("end").Line, "阶段 %s 的 end %s 早于 start %s：核对日期",
				p.Name, p.End.Format("2006-01-02"), p.Start.Format("2006-01-02"))
			p.End = p.Start
		}
		if len(out) > 0 && p.Start.Before(last.lastDay()) {
			r.Addf(m.Get("start").Line, "阶段 %s 开始于 %s，早于上一阶段 %s 结束的 %s：日期应依次不减",
				p.Name, p.Start.Format("2006-01-02"), last.Name, last.lastDay().Format("2006-01-02"))
		}
		if idx > lastIndex {
			lastIndex, lastName = idx, p.Name
		}
		last = p
		out = append(out, p)
	}
	return out
}

// lastDay is the day a phase ends: its start when only the start was given.
func (p Phase) lastDay() time.Time {
	if p.End.IsZero() {
		return p.Start
	}
	return p.End
}
