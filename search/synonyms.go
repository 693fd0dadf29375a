package search

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxAlternatives caps how many forms one term expands to, so a term that
// contains several abbreviations cannot multiply into hundreds of phrases.
const maxAlternatives = 8

// validateSynonyms rejects groups that could never expand anything, naming
// the group so the site.yaml entry is easy to find.
func validateSynonyms(groups [][]string) error {
	for i, g := range groups {
		if len(g) < 2 {
			return fmt.Errorf("search: synonym group %d %v has fewer than two terms; list at least two equivalent terms", i+1, g)
		}
		for _, m := range g {
			if !hasSearchable(canonical(m)) {
				return fmt.Errorf("search: synonym group %d %v has a term %q without searchable characters; remove it", i+1, g, m)
			}
			if utf8.RuneCountInString(m) > 64 {
				return fmt.Errorf("search: synonym %q in group %d is longer than 64 characters; synonyms are for abbreviations", m, i+1)
			}
		}
	}
	return nil
}

// expandSynonyms returns term (canonical form) first, then every form made by
// replacing a synonym it contains with another member of the same group:
// 村委会主任 also gives 村民委员会主任.
func expandSynonyms(term string, groups [][]string) []string {
	alts := []string{term}
	seen := map[string]bool{term: true}
	for _, g := range groups {
		members := make([]string, 0, len(g))
		for _, m := range g {
			if c := canonical(m); c != "" {
				members = append(members, c)
			}
		}
		for i := 0; i < len(alts) && len(alts) < maxAlternatives; i++ {
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
					if !seen[next] && len(alts) < maxAlternatives {
						seen[next] = true
						alts = append(alts, next)
					}
				}
			}
		}
	}
	return alts
}
