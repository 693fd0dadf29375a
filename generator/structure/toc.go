package structure

// TOC returns the units worth listing in a table of contents. The coarse units (编, 章, 节, 附件,
// 专栏, headings and 一、) are always listed; finer kinds are added one at a time (条, then （一）,
// 1., （1）) while the list stays at most tocLimit long, so a 200-article law lists its chapters
// and a short notice lists its items.
func (o *Outline) TOC() []Unit {
	const tocLimit = 50
	groups := [][]Kind{{Article}, {Item2}, {Item3}, {Item4}}
	include := map[Kind]bool{Part: true, Chapter: true, Section: true, Annex: true, Box: true, Heading: true, Item1: true}
	count := o.count(include)
	for _, g := range groups {
		next := map[Kind]bool{}
		for k := range include {
			next[k] = true
		}
		for _, k := range g {
			next[k] = true
		}
		n := o.count(next)
		if n > tocLimit && n > count {
			break
		}
		include, count = next, n
	}
	var out []Unit
	for _, u := range o.Units {
		if include[u.Kind] && u.Anchor != "" {
			out = append(out, u)
		}
	}
	return out
}

func (o *Outline) count(kinds map[Kind]bool) int {
	n := 0
	for _, u := range o.Units {
		if kinds[u.Kind] {
			n++
		}
	}
	return n
}
