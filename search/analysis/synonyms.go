package analysis

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxAlternatives caps how many forms one term expands to, so a term that
// contains several abbreviations cannot multiply into hundreds of phrases.
const MaxAlternatives = 8

// ValidateSynonyms rejects groups that could never expand anything, naming
// the group so the site.yaml entry is easy to find.
func ValidateSynonyms(groups [][]string) error {
	for i, g := range groups {
		if len(g) < 2 {
			return fmt.Errorf("search: synonym group %d %v has fewer than two terms; list at least two equivalent terms", i+1, g)
		}
		for _, m := range g {
			if !HasSearchable(Canonical(m)) {
				return fmt.Errorf("search: synonym group %d %v has a term %q without searchable characters; remove it", i+1, g, m)
			}
			if utf8.RuneCountInString(m) > 64 {
				return fmt.Errorf("search: synonym %q in group %d is longer than 64 characters; synonyms are for abbreviations", m, i+1)
			}
		}
	}
	return nil
}

// ExpandSynonyms returns term (canonical form) first, then every form made by
// replacing a synonym it contains with another member of the same group:
// 村委会主任 also gives 村民委员会主任.
func ExpandSynonyms(term string, groups [][]string) []string {
	alts := []string{term}
	seen := map[string]bool{term: true}
	for _, g := range groups {
		members := make([]string, 0, len(g))
		for _, m := range g {
			if c := Canonical(m); c != "" {
				members = append(members, c)
			}
		}
		for i := 0; i < len(alts) && len(alts) < MaxAlternatives; i++ {
			alt := alts[i]
			for _, m := range members {
				if !strings.Contains(alt, m) {
					continue
				}
				for _, other := range members {
					if other == m {
						continue
					}
					next := strings.ReplaceAll(alt, m, other)
					if !seen[next] && len(alts) < MaxAlternatives {
						seen[next] = true
						alts = append(alts, next)
					}
				}
			}
		}
	}
	return alts
}

// DefaultSynonyms returns the abbreviation groups used when site.yaml gives
// none: the abbreviations of the seed documents and their long forms.
func DefaultSynonyms() [][]string {
	return [][]string{
		{"居委会", "居民委员会"},
		{"村委会", "村民委员会"},
		{"村务公开", "村（居）务公开", "居务公开"},
		{"低保", "最低生活保障"},
		{"发改委", "发展改革委", "发展和改革委员会"},
		{"住建局", "住房城乡建设局", "住房和城乡建设局"},
		{"人社局", "人力资源社会保障局", "人力资源和社会保障局"},
	}
}
