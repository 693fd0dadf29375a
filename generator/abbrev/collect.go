package abbrev

import (
	"cmp"
	"slices"
	"strings"

	"github.com/gongkai/gongkai/search/analysis"
)

// Site-wide limits. A short name defined for more than MaxMeanings long
// names means whatever the text at hand says (特区, 合作区) and is no
// synonym; MaxGroups bounds what every query and the static client's
// manifest carry.
const (
	MaxMeanings = 3
	MaxGroups   = 2000
)

// Collector counts the definitions of every text of a site.
type Collector struct {
	defs map[string]map[string]int // short → long → how often defined
}

// Add counts the definitions in one text.
func (c *Collector) Add(text string) {
	if !strings.Contains(text, "称") {
		return // the common case; every marker holds 称
	}
	for _, p := range Find(text) {
		if c.defs == nil {
			c.defs = map[string]map[string]int{}
		}
		if c.defs[p.Short] == nil {
			c.defs[p.Short] = map[string]int{}
		}
		c.defs[p.Short][p.Long]++
	}
}

// Groups returns the synonym groups of the site's definitions: one group per
// long name, its short names first (most often defined first), the long
// name last. A short name keeps its most frequent long name (ties: the
// smallest); one that configured groups already hold defers to them, so a
// site.yaml entry always says what a short name means, and one they already
// expand to its long name needs no group of its own. The most often
// defined groups come first, at most MaxGroups of them.
func (c *Collector) Groups(configured [][]string) [][]string {
	configuredForm := map[string]bool{}
	for _, g := range configured {
		for _, m := range g {
			configuredForm[analysis.Canonical(m)] = true
		}
	}
	// implied: the configured groups already expand short to long
	// (市人大常委会 through 人大常委会).
	implied := func(short, long string) bool {
		return slices.Contains(analysis.ExpandSynonyms(analysis.Canonical(short), configured), analysis.Canonical(long))
	}
	type short struct {
		name string
		n    int
	}
	byLong := map[string][]short{}
	for s, longs := range c.defs {
		if len(longs) > MaxMeanings || configuredForm[analysis.Canonical(s)] {
			continue
		}
		best, n := "", 0
		for l, k := range longs {
			if k > n || k == n && l < best {
				best, n = l, k
			}
		}
		if !implied(s, best) {
			byLong[best] = append(byLong[best], short{s, n})
		}
	}
	type group struct {
		forms []string
		n     int
	}
	groups := make([]group, 0, len(byLong))
	for l, shorts := range byLong {
		slices.SortFunc(shorts, func(a, b short) int { return cmp.Or(b.n-a.n, strings.Compare(a.name, b.name)) })
		g := group{}
		for _, s := range shorts {
			g.forms = append(g.forms, s.name)
			g.n += s.n
		}
		g.forms = append(g.forms, l)
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b group) int {
		return cmp.Or(b.n-a.n, strings.Compare(a.forms[len(a.forms)-1], b.forms[len(b.forms)-1]))
	})
	out := make([][]string, 0, min(len(groups), MaxGroups))
	for _, g := range groups[:min(len(groups), MaxGroups)] {
		out = append(out, g.forms)
	}
	return out
}
