package history

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/gongkai/gongkai/generator/frontmatter"
	"strconv"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/content"
	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// Schedule is what one revision's own front matter said about when its page was shown. An old
// revision is judged by what it said then, not by what the page says now: a list committed as
// a draft and published a week later must not have its draft text in the history.
type Schedule struct {
	Draft          bool
	Date           time.Time // the fallback for Publish, as in Hugo
	Publish        time.Time
	Expiry         time.Time
	UnpublishAfter time.Time // shown through that whole day, as disclose.Unpublished decides
}

// PublicAt reports whether a page with this front matter was shown at t, by the rules of
// content.Page.Published and disclose.Disclosure.Unpublished; drafts and future are the
// build's --drafts and --future.
func (s Schedule) PublicAt(t time.Time, drafts, future bool) bool {
	if s.Draft && !drafts {
		return false
	}
	if !future {
		pub := s.Publish
		if pub.IsZero() {
			pub = s.Date
		}
		if !pub.IsZero() && pub.After(t) {
			return false
		}
	}
	if !s.Expiry.IsZero() && !s.Expiry.After(t) {
		return false
	}
	if !s.UnpublishAfter.IsZero() && day(t).After(day(s.UnpublishAfter)) {
		return false
	}
	return true
}

func day(t time.Time) time.Time {
	y, m, d := t.In(content.CST).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Normalize turns the bytes of a revision into the text a reader would get, with the build's
// own decoder (frontmatter.Text): UTF-8 without a byte order mark, UTF-16 with one decoded,
// every line ending "\n". What the build refuses is an error here too, since a revision in such
// an encoding was never published.
func Normalize(src []byte) ([]byte, error) { return frontmatter.Text("", src) }

// ReadSchedule finds draft, publishDate, expiryDate and unpublish_after in the front matter of
// text (from Normalize): YAML between "---" lines, TOML between "+++" lines or a JSON object.
// Keys match whatever their case and separators (Draft, DRAFT, publishdate, publish_date,
// expiry-date), with Hugo's aliases pubdate and unpublishdate, and date standing in for a
// missing publishDate. When a key is given twice in different spellings the stricter value
// wins: a draft if any says so, the latest publish date, the earliest expiry.
//
// It never guesses: front matter it cannot read (broken syntax, no closing delimiter, a date it
// does not know, draft: maybe) is an error, and the caller must then treat the revision as
// not public, since the build refused it at the time.
func ReadSchedule(text []byte) (Schedule, error) {
	values, err := frontMatterValues(text)
	if err != nil {
		return Schedule{}, err
	}
	var s Schedule
	for _, kv := range values {
		key, v := kv.key, kv.value
		var err error
		switch scheduleKey(key) {
		case "draft":
			var d bool
			d, err = boolValue(v)
			s.Draft = s.Draft || d
		case "date":
			err = dateInto(&s.Date, v, later)
		case "publish":
			err = dateInto(&s.Publish, v, later)
		case "expiry":
			err = dateInto(&s.Expiry, v, earlier)
		case "unpublish":
			err = dateInto(&s.UnpublishAfter, v, earlier)
		}
		if err != nil {
			return Schedule{}, fmt.Errorf("%s: %v", key, err)
		}
	}
	return s, nil
}

// scheduleKey maps a front matter key to the schedule field it sets, "" for none.
func scheduleKey(key string) string {
	k := strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || r == ' ' || r == '.' {
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(key)))
	switch k {
	case "draft":
		return "draft"
	case "date":
		return "date"
	case "publishdate", "pubdate":
		return "publish"
	case "expirydate", "unpublishdate":
		return "expiry"
	case "unpublishafter":
		return "unpublish"
	}
	return ""
}

// keyValue is one top-level front matter key. A key can come twice (YAML merge keys, or the same
// key in two spellings), and every occurrence counts.
type keyValue struct {
	key   string
	value any
}

// frontMatterValues decodes the top-level keys of the front matter at the start of text; no
// front matter is none.
func frontMatterValues(text []byte) ([]keyValue, error) {
	// Leading blank lines are skipped: treating "\n---\ndraft: true" as front matter can only
	// hide a revision, never show one.
	text = bytes.TrimLeft(text, " \t\n")
	values := map[string]any{}
	switch {
	case len(text) == 0:
		return nil, nil
	case text[0] == '{':
		dec := json.NewDecoder(bytes.NewReader(text))
		dec.UseNumber()
		if err := dec.Decode(&values); err != nil {
			return nil, fmt.Errorf("JSON front matter 无法读取：%v", err)
		}
		return pairs(values), nil
	}
	first, _, _ := bytes.Cut(text, []byte("\n"))
	var closing []string
	switch strings.TrimRight(string(first), " \t") {
	case "---":
		closing = []string{"---", "..."}
	case "+++":
		closing = []string{"+++"}
	default:
		return nil, nil
	}
	meta, ok := between(text[len(first):], closing)
	if !ok {
		return nil, fmt.Errorf("front matter 以 %s 开始但没有结束", first)
	}
	if closing[0] == "+++" {
		if err := toml.Unmarshal(meta, &values); err != nil {
			return nil, fmt.Errorf("TOML front matter 无法读取：%v", err)
		}
		return pairs(values), nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(meta, &doc); err != nil {
		return nil, fmt.Errorf("YAML front matter 无法读取：%v", err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	top := resolveAlias(doc.Content[0])
	if top == nil || top.Kind != yaml.MappingNode {
		if top != nil && top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
			return nil, nil
		}
		return nil, errors.New("YAML front matter 不是一组 key: value")
	}
	budget := maxMergedKeys
	kvs := yamlValues(top, nil, 0, &budget)
	if budget < 0 {
		// What was left unread could say draft: true.
		return nil, fmt.Errorf("YAML front matter 合并（<<）的键超过 %d 个，或合并嵌套超过 %d 层", maxMergedKeys, maxMergeDepth)
	}
	return kvs, nil
}

// maxMergedKeys bounds the keys read through merge keys, which anchors can make exponential
// (a "billion laughs" of <<: [*a, *a, …]).
const (
	maxMergedKeys = 10_000
	maxMergeDepth = 16
)

func pairs(m map[string]any) []keyValue {
	out := make([]keyValue, 0, len(m))
	for k, v := range m {
		out = append(out, keyValue{k, v})
	}
	return out
}

// yamlValues adds the keys of a YAML mapping to values, with the keys merged in by "<<" (which
// can carry draft: true from an anchor), as scalar texts: yaml.v3 would turn 2024-03-01 into
// midnight UTC, where the build reads it as midnight in China.
func yamlValues(m *yaml.Node, values []keyValue, depth int, budget *int) []keyValue {
	if depth > maxMergeDepth {
		*budget = -1
		return values
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if *budget--; *budget < 0 {
			return values
		}
		key, val := resolveAlias(m.Content[i]), resolveAlias(m.Content[i+1])
		if key == nil || val == nil {
			continue
		}
		if key.Kind == yaml.ScalarNode && key.Tag == "!!merge" {
			for _, src := range append([]*yaml.Node{val}, val.Content...) {
				if src = resolveAlias(src); src != nil && src.Kind == yaml.MappingNode {
					values = yamlValues(src, values, depth+1, budget)
				}
			}
			continue
		}
		var v any
		switch {
		case val.Kind != yaml.ScalarNode:
			v = kindName(val)
		case val.Tag != "!!null":
			v = val.Value
		}
		values = append(values, keyValue{key.Value, v})
	}
	return values
}

func kindName(n *yaml.Node) string {
	if n.Kind == yaml.SequenceNode {
		return "列表"
	}
	return "映射"
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 16; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.AliasNode {
		return nil
	}
	return n
}

// between returns the lines of rest (which starts with the newline after the opening
// delimiter) up to the first line that is one of closing.
func between(rest []byte, closing []string) ([]byte, bool) {
	for off := 0; off < len(rest); {
		line, _, more := bytes.Cut(rest[off+1:], []byte("\n"))
		l := strings.TrimRight(string(line), " \t")
		for _, c := range closing {
			if l == c {
				return rest[:off+1], true
			}
		}
		if !more {
			break
		}
		off += 1 + len(line)
	}
	return nil, false
}

// boolValue reads a draft flag. Only what the build reads as false (false, no, off, empty) is
// false; a number is true unless it is 0, which the build refuses, so that a revision whose flag
// the build may not have read is never shown.
func boolValue(v any) (bool, error) {
	var num string
	switch x := v.(type) {
	case nil:
		return false, nil
	case bool:
		return x, nil
	case string:
		switch s := strings.ToLower(strings.TrimSpace(x)); s {
		case "true", "yes", "on":
			return true, nil
		case "false", "no", "off", "":
			return false, nil
		default:
			num = s
		}
	case int64, uint64, float64, json.Number:
		num = fmt.Sprint(x)
	default:
		return false, fmt.Errorf("%v 不是 true 或 false", v)
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f == 0 {
		return false, fmt.Errorf("%v 不是 true 或 false", v)
	}
	return true, nil
}

func later(a, b time.Time) bool   { return a.After(b) }
func earlier(a, b time.Time) bool { return a.Before(b) }

// dateInto decodes v and stores it in *dst when *dst is unset or replace(v, *dst).
func dateInto(dst *time.Time, v any, replace func(a, b time.Time) bool) error {
	var t time.Time
	switch x := v.(type) {
	case nil:
		return nil
	case time.Time:
		t = x
	case toml.LocalDate:
		t = time.Date(x.Year, time.Month(x.Month), x.Day, 0, 0, 0, 0, content.CST)
	case toml.LocalDateTime:
		t = time.Date(x.Year, time.Month(x.Month), x.Day, x.Hour, x.Minute, x.Second, x.Nanosecond, content.CST)
	case string:
		var err error
		if t, err = content.ParseDate(x); err != nil {
			return err
		}
	default:
		return fmt.Errorf("%v 不是日期", v)
	}
	if t.IsZero() {
		return nil
	}
	if dst.IsZero() || replace(t, *dst) {
		*dst = t
	}
	return nil
}
