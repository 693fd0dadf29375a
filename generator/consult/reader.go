package consult

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Reader reads typed values out of YAML nodes and collects a Problem, at the
// node's line, for every wrong type instead of stopping at the first. It is
// exported so that disclose decodes its front matter with the same rules.
type Reader struct {
	Problems []Problem
}

// Addf records a problem at line.
func (r *Reader) Addf(line int, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{Line: line, Message: fmt.Sprintf(format, args...)})
}

// Mapping is a YAML mapping with its keys in order; null values count as absent.
type Mapping struct {
	Line int
	keys []*yaml.Node
	vals []*yaml.Node
}

// Get returns the value node of key, or nil when the key is absent or null.
func (m Mapping) Get(key string) *yaml.Node {
	for i, k := range m.keys {
		if k.Value == key {
			return m.vals[i]
		}
	}
	return nil
}

// Mapping resolves node (a document, alias or mapping) to a Mapping. name says
// where the mapping is, for messages. A duplicate key is a problem: YAML would
// silently keep only one of the two values.
func (r *Reader) Mapping(node *yaml.Node, name string) (Mapping, bool) {
	node = resolve(node)
	if node != nil && node.Kind == yaml.DocumentNode {
		if len(node.Content) == 0 {
			return Mapping{Line: node.Line}, true
		}
		node = resolve(node.Content[0])
	}
	if node == nil {
		return Mapping{}, false
	}
	if node.Kind != yaml.MappingNode {
		r.Addf(node.Line, "%s 应为映射（key: value），写的是 %s", name, describe(node))
		return Mapping{Line: node.Line}, false
	}
	m := Mapping{Line: node.Line}
	seen := map[string]int{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := resolve(node.Content[i]), resolve(node.Content[i+1])
		if k == nil || k.Kind != yaml.ScalarNode {
			r.Addf(node.Content[i].Line, "%s 中的键应为文字", name)
			continue
		}
		if first, dup := seen[k.Value]; dup {
			r.Addf(k.Line, "%s 中的键 %s 重复（第一次在第 %d 行）：删去一个", name, k.Value, first)
			continue
		}
		seen[k.Value] = k.Line
		if isNull(v) {
			v = nil
		}
		m.keys = append(m.keys, k)
		m.vals = append(m.vals, v)
	}
	return m, true
}

// OnlyKeys reports every key of m not in allowed; used inside nested mappings,
// where a misspelt key (agre: 612) would otherwise silently read as zero.
func (r *Reader) OnlyKeys(m Mapping, name string, allowed ...string) {
	for _, k := range m.keys {
		if !contains(allowed, k.Value) {
			r.Addf(k.Line, "%s 中没有键 %s：可用的键是 %s", name, k.Value, strings.Join(allowed, "、"))
		}
	}
}

// String reads a scalar as text. Numbers are kept as written (a hotline
// 02370700000 keeps its leading zero); lists, mappings and true/false are wrong.
func (r *Reader) String(node *yaml.Node, name string) string {
	node = resolve(node)
	if node == nil || isNull(node) {
		return ""
	}
	if node.Kind != yaml.ScalarNode || node.Tag == "!!bool" {
		r.Addf(node.Line, "%s 应为文字，写的是 %s", name, describe(node))
		return ""
	}
	return strings.TrimSpace(node.Value)
}

// Strings reads a list of texts.
func (r *Reader) Strings(node *yaml.Node, name string) []string {
	node = resolve(node)
	if node == nil || isNull(node) {
		return nil
	}
	if node.Kind != yaml.SequenceNode {
		r.Addf(node.Line, "%s 应为列表，如 [甲, 乙]，写的是 %s", name, describe(node))
		return nil
	}
	var out []string
	for i, item := range node.Content {
		if s := r.String(item, fmt.Sprintf("%s[%d]", name, i)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Sequence returns the items of a list node, or nil with a problem.
func (r *Reader) Sequence(node *yaml.Node, name string) []*yaml.Node {
	node = resolve(node)
	if node == nil || isNull(node) {
		return nil
	}
	if node.Kind != yaml.SequenceNode {
		r.Addf(node.Line, "%s 应为列表，写的是 %s", name, describe(node))
		return nil
	}
	return node.Content
}

// Record is one mapping of a list, named like comments[0] for messages.
type Record struct {
	Name string
	Mapping
}

// Records reads a list of mappings, each limited to keys; an item that is not
// a mapping is reported and skipped.
func (r *Reader) Records(node *yaml.Node, name string, keys ...string) []Record {
	var out []Record
	for i, item := range r.Sequence(node, name) {
		itemName := fmt.Sprintf("%s[%d]", name, i)
		m, ok := r.Mapping(item, itemName)
		if !ok {
			continue
		}
		r.OnlyKeys(m, itemName, keys...)
		out = append(out, Record{Name: itemName, Mapping: m})
	}
	return out
}

// Int reads a whole number that is not negative (counts of people).
func (r *Reader) Int(node *yaml.Node, name string) (int, bool) {
	node = resolve(node)
	if node == nil || isNull(node) {
		return 0, false
	}
	if node.Kind == yaml.ScalarNode && node.Tag == "!!int" {
		n, err := strconv.ParseInt(strings.ReplaceAll(node.Value, "_", ""), 0, 32)
		if err == nil && n >= 0 {
			return int(n), true
		}
	}
	r.Addf(node.Line, "%s 应为不小于 0 的整数，写的是 %s", name, describe(node))
	return 0, false
}

// Float reads a number.
func (r *Reader) Float(node *yaml.Node, name string) (float64, bool) {
	node = resolve(node)
	if node == nil || isNull(node) {
		return 0, false
	}
	if node.Kind == yaml.ScalarNode && (node.Tag == "!!float" || node.Tag == "!!int") {
		f, err := strconv.ParseFloat(strings.ReplaceAll(node.Value, "_", ""), 64)
		if err == nil && f == f {
			return f, true
		}
	}
	r.Addf(node.Line, "%s 应为数字，如 0.5，写的是 %s", name, describe(node))
	return 0, false
}

// Bool reads true or false.
func (r *Reader) Bool(node *yaml.Node, name string) bool {
	node = resolve(node)
	if node == nil || isNull(node) {
		return false
	}
	if node.Kind == yaml.ScalarNode && node.Tag == "!!bool" {
		b, err := strconv.ParseBool(strings.ToLower(node.Value))
		if err == nil {
			return b
		}
	}
	r.Addf(node.Line, "%s 应为 true 或 false，写的是 %s", name, describe(node))
	return false
}

// dateLayouts are the ways staff write a date; only the calendar day counts.
var dateLayouts = []string{"2006-01-02", "2006-1-2", "2006/1/2", "2006.1.2", "2006年1月2日",
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// Date reads a calendar day. The result is midnight UTC; compare days with
// SameOrBefore so that the build machine's time zone never shifts a notice period.
func (r *Reader) Date(node *yaml.Node, name string) time.Time {
	node = resolve(node)
	if node == nil || isNull(node) {
		return time.Time{}
	}
	if node.Kind == yaml.ScalarNode && (node.Tag == "!!timestamp" || node.Tag == "!!str") {
		if t, ok := ParseDate(node.Value); ok {
			return t
		}
	}
	r.Addf(node.Line, "%s 应为日期，如 2024-05-06，写的是 %s", name, describe(node))
	return time.Time{}
}

// ParseDate parses a calendar day in one of the layouts staff use.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return Day(t), true
		}
	}
	return time.Time{}, false
}

// Day is t's calendar day (in t's own location) as midnight UTC.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// SameOrBefore reports whether a's calendar day is not after b's.
func SameOrBefore(a, b time.Time) bool { return !Day(a).After(Day(b)) }

// resolve follows aliases; the bound guards against a hand-built cyclic alias.
func resolve(node *yaml.Node) *yaml.Node {
	for i := 0; node != nil && node.Kind == yaml.AliasNode && i < 16; i++ {
		node = node.Alias
	}
	if node != nil && node.Kind == yaml.AliasNode {
		return nil
	}
	return node
}

func isNull(node *yaml.Node) bool {
	return node == nil || (node.Kind == yaml.ScalarNode && node.Tag == "!!null")
}

// describe shows what was written, briefly, for messages.
func describe(node *yaml.Node) string {
	switch node.Kind {
	case yaml.MappingNode:
		return "一个映射"
	case yaml.SequenceNode:
		return "一个列表"
	case yaml.ScalarNode:
		v := node.Value
		if r := []rune(v); len(r) > 40 {
			v = string(r[:40]) + "…"
		}
		return strconv.Quote(v)
	}
	return "空值"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
