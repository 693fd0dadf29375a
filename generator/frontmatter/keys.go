package frontmatter

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/width"
)

// Keys are the top-level front matter keys gongkai reads, by page type; "" holds the keys every
// page may have. docs/content.md documents each of them, and the decoders of each type (content,
// policy, consult, disclose) read them by these spellings.
var Keys = map[string][]string{
	"": {"title", "summary", "description", "slug", "type", "weight", "draft", "sample", "date",
		"publishDate", "expiryDate", "unpublish_after", "lastmod", "allow_numbers", "params"},
	"policy": {"doc_number", "issuers", "issuer", "written", "published", "effective", "index_no",
		"topics", "genre", "level", "status", "amends", "amended_by", "repeals", "repealed_by",
		"attachments", "interpretation", "source", "duty_lead", "duties_file"},
	"consultation": {"subject", "concerns", "organizer", "supervisors", "channels", "phases",
		"electorate", "rule", "tallies", "comments", "outcome", "attachments"},
	"disclosure": {"village", "category", "period", "notice", "responsible", "hotline"},
}

// aliases are Hugo's other names for the date keys, so that a page written for Hugo is taken
// down or held back as its author meant.
var aliases = map[string]string{
	"pubdate":       "publishDate",
	"unpublishdate": "expiryDate",
}

// guarded are the keys whose misspelling would publish what should not be: a page meant as a
// draft, scheduled for later or due to come down. Near misses of these are errors on every page.
var guarded = []string{"draft", "date", "publishDate", "expiryDate", "unpublish_after", "pubdate", "unpublishdate"}

// fold is how keys are compared, as Hugo does: case does not matter, and an underscore between
// words is optional (publishDate, publishdate, publish_date, PUBLISH_DATE are one key). Other
// separators (-, space, .) are not folded: they are flagged as near misses instead, so that
// one spelling stays the documented one.
func fold(key string) string {
	return strings.ReplaceAll(strings.ToLower(key), "_", "")
}

// canonical maps each folded spelling to the key's documented spelling.
var canonical = func() map[string]string {
	m := map[string]string{}
	for _, keys := range Keys {
		for _, k := range keys {
			m[fold(k)] = k
		}
	}
	for a, k := range aliases {
		m[a] = k
	}
	return m
}()

// Canonical returns the documented spelling of key, or "" when gongkai does not read it.
func Canonical(key string) string { return canonical[fold(key)] }

// canonicalize rewrites the top-level keys of meta to their documented spelling, so that every
// decoder after this one matches keys exactly. Two spellings of one key, and near misses of a
// guarded key, are errors: either would let a page out that its author meant to hold back.
func canonicalize(path string, offset int, meta *yaml.Node) error {
	var errs []string
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(meta.Content); i += 2 {
		k := meta.Content[i]
		if k.Kind != yaml.ScalarNode {
			errs = append(errs, fmt.Sprintf("%s:%d: front matter 的键应为文字", path, k.Line+offset))
			continue
		}
		if k.Value == "<<" && k.Tag == "!!merge" {
			// A merge key would hide its keys (a draft: true) from every decoder.
			errs = append(errs, fmt.Sprintf("%s:%d: front matter 不支持合并键 <<：把键逐个写出", path, k.Line+offset))
			continue
		}
		if c := Canonical(k.Value); c != "" {
			if first, dup := seen[c]; dup {
				errs = append(errs, fmt.Sprintf("%s:%d: 键 %s 与第 %d 行的 %s 是同一个键（键不区分大小写）：删去一个",
					path, k.Line+offset, k.Value, first.Line+offset, first.Value))
				continue
			}
			seen[c] = &yaml.Node{Value: k.Value, Line: k.Line}
			k.Value = c
			continue
		}
		if g := nearGuarded(k.Value); g != "" {
			errs = append(errs, fmt.Sprintf("%s:%d: 不认识的键 %s：是 %s 吗？写错的 %s 会让页面按未设置处理，请改为 %s",
				path, k.Line+offset, k.Value, g, g, g))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return nil
}

// nearGuarded returns the guarded key that key is one separator or one edit away from, or "".
// For date, four letters long, a changed letter is not counted: data or rate are plausible
// names of a page's own parameters, while dates, dat or dtae are not.
//
// Full-width letters (ｄｒａｆｔ) and invisible characters (a zero-width space) are folded
// first: they look like the key to the clerk who typed them.
func nearGuarded(key string) string {
	k := strings.ToLower(width.Fold.String(key))
	k = strings.Map(func(r rune) rune {
		if strings.ContainsRune("_- .·", r) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, k)
	for _, g := range guarded {
		gf := fold(g)
		if k == gf {
			return canonical[gf]
		}
		if n := len([]rune(k)) - len(gf); n > 1 || n < -1 {
			continue
		}
		d := editDistance(k, gf)
		if d == 1 && (len(gf) > 4 || len(k) != len(gf) || isTransposition(k, gf)) {
			return canonical[gf]
		}
	}
	return ""
}

// Unknown lists the top-level keys of meta that pages of type typ do not read (neither a key of
// every page, nor of typ, nor one of extra, such as the site's taxonomies), each with the closest
// key that typ does read. Only typed pages call it: a plain page's own keys are its params.
func Unknown(meta *yaml.Node, typ string, extra ...string) []UnknownKey {
	if meta == nil || meta.Kind != yaml.MappingNode {
		return nil
	}
	known := append(append(append([]string(nil), Keys[""]...), Keys[typ]...), extra...)
	var out []UnknownKey
	for i := 0; i+1 < len(meta.Content); i += 2 {
		k := meta.Content[i]
		if containsFold(known, k.Value) {
			continue
		}
		out = append(out, UnknownKey{Key: k.Value, Line: k.Line, Suggest: closest(k.Value, known)})
	}
	return out
}

// UnknownKey is a key a typed page does not read; Line is the front matter line (1 = first).
type UnknownKey struct {
	Key     string
	Line    int
	Suggest string // the closest known key, or "" when none is close
}

func containsFold(list []string, k string) bool {
	for _, x := range list {
		if fold(x) == fold(k) {
			return true
		}
	}
	return false
}

// closest returns the known key nearest to key, when it is near enough to be what was meant
// (at most a third of its letters changed).
func closest(key string, known []string) string {
	k := fold(key)
	limit := max(1, len([]rune(k))/3)
	best, bestD := "", limit+1
	sorted := append([]string(nil), known...)
	sort.Strings(sorted)
	for _, c := range sorted {
		if d := editDistance(k, fold(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance (Levenshtein with adjacent
// transpositions) between a and b, counted in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		if a == b {
			return 0
		}
		return 64
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func isTransposition(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i+1 < len(a); i++ {
		if a[i] != b[i] {
			return a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
		}
	}
	return false
}
