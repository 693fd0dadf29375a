package search

import "strings"

// Bag is a near-miss term of a relaxed search (SPEC14 §4): its text as
// typed, and whether it matched any record as typed.
type Bag struct {
	Text  string
	Found bool
}

// Suggestion is the 您是不是要找 query for query (trimmed) from its Bag
// terms and the titles of the first relaxed documents, in order: what
// Search puts in Result.Suggest, for a caller merging several results.
func Suggestion(query string, bags []Bag, titles []string) string {
	texts := make([]string, len(bags))
	found := make([]bool, len(bags))
	for i, b := range bags {
		texts[i], found[i] = b.Text, b.Found
	}
	return suggestion(query, texts, found, titles)
}

// suggestion is the 您是不是要找 query (SPEC14 §4): for each Bag term w, in
// query order, that matched nothing as typed (found[i] false), the first
// of the relaxed documents' titles that holds a w' one character away from
// w (oneEditIn) gives query with w replaced by w'. The first found wins;
// "" when none.
func suggestion(q string, bags []string, found []bool, titles []string) string {
	for i, w := range bags {
		if i < len(found) && found[i] {
			continue
		}
		if !strings.Contains(q, w) {
			continue
		}
		for _, title := range titles {
			if w2, ok := oneEditIn(title, w); ok {
				return strings.Replace(q, w, w2, 1)
			}
		}
	}
	return ""
}

// oneEditIn finds in title a substring w' exactly one edit from w: the
// same length with one character different, one character more, or one
// fewer. Start positions are tried left to right, and at each one
// character more (a character the query left out: 村民委会 → 村民委员会, not
// 村民委员), then the same length, then one fewer.
func oneEditIn(title, w string) (string, bool) {
	t, ws := []rune(title), []rune(w)
	n := len(ws)
	if n == 0 {
		return "", false
	}
	for i := range t {
		for _, l := range []int{n + 1, n, n - 1} {
			if l <= 0 || i+l > len(t) {
				continue
			}
			if cand := t[i : i+l]; oneEdit(cand, ws) {
				return string(cand), true
			}
		}
	}
	return "", false
}

// oneEdit reports whether a is exactly one substitution, insertion or
// deletion away from b.
func oneEdit(a, b []rune) bool {
	switch len(a) - len(b) {
	case 0:
		diff := 0
		for i := range a {
			if a[i] != b[i] {
				diff++
			}
		}
		return diff == 1
	case 1, -1:
		long, short := a, b
		if len(a) < len(b) {
			long, short = b, a
		}
		i := 0
		for i < len(short) && long[i] == short[i] {
			i++
		}
		for j := i; j < len(short); j++ {
			if long[j+1] != short[j] {
				return false
			}
		}
		return true
	}
	return false
}
