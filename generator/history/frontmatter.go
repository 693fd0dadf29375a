package history

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// SplitFrontMatter separates the front matter from the Markdown body: YAML between a first
// line "---" and the next "---" or "..." line, TOML between "+++" lines, or a JSON object at
// the start. Without a closed front matter everything is body. Unlike generator/frontmatter it
// never fails: an old revision with broken front matter must still be comparable.
func SplitFrontMatter(src []byte) (meta, body []byte) {
	_, meta, body = splitFrontMatter(src)
	return meta, body
}

type metaFormat int

const (
	yamlMeta metaFormat = iota
	tomlMeta
	jsonMeta
)

func splitFrontMatter(src []byte) (format metaFormat, meta, body []byte) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if len(src) > 0 && src[0] == '{' {
		dec := json.NewDecoder(bytes.NewReader(src))
		var obj map[string]json.RawMessage
		if err := dec.Decode(&obj); err != nil {
			return yamlMeta, nil, src
		}
		end := int(dec.InputOffset())
		body = src[end:]
		if rest, ok := bytes.CutPrefix(body, []byte("\r\n")); ok {
			body = rest
		} else {
			body = bytes.TrimPrefix(body, []byte("\n"))
		}
		return jsonMeta, src[:end], body
	}
	first, rest, ok := bytes.Cut(src, []byte("\n"))
	if !ok {
		return yamlMeta, nil, src
	}
	format = yamlMeta
	closing := []string{"---", "..."}
	if isDelimiter(first, "+++") {
		format, closing = tomlMeta, []string{"+++"}
	} else if !isDelimiter(first, "---") {
		return yamlMeta, nil, src
	}
	for off := 0; off <= len(rest); {
		line, _, more := bytes.Cut(rest[off:], []byte("\n"))
		if isDelimiter(line, closing...) {
			end := off + len(line)
			if more {
				end++
			}
			return format, rest[:off], rest[end:]
		}
		if !more {
			break
		}
		off += len(line) + 1
	}
	return yamlMeta, nil, src
}

func isDelimiter(line []byte, delims ...string) bool {
	l := string(bytes.TrimRight(line, " \t\r"))
	for _, d := range delims {
		if l == d {
			return true
		}
	}
	return false
}

// compareMeta lists the top-level keys whose values differ between two front matters.
func compareMeta(oldFormat metaFormat, old []byte, newFormat metaFormat, new []byte) []FieldChange {
	oldFields, okOld := metaFields(oldFormat, old)
	newFields, okNew := metaFields(newFormat, new)
	if !okOld || !okNew {
		// One side is not valid YAML: compare the key lines as text rather than nothing.
		oldFields, newFields = lineFields(old), lineFields(new)
	}
	oldByKey := map[string]string{}
	for _, f := range oldFields {
		oldByKey[f.key] = f.value
	}
	newKeys := map[string]bool{}
	var changes []FieldChange
	for _, f := range newFields {
		newKeys[f.key] = true
		// An absent key and an empty one read the same to a reader.
		if o := oldByKey[f.key]; o != f.value {
			changes = append(changes, FieldChange{Field: f.key, Old: o, New: f.value})
		}
	}
	for _, f := range oldFields {
		if !newKeys[f.key] && f.value != "" {
			newKeys[f.key] = true
			changes = append(changes, FieldChange{Field: f.key, Old: f.value})
		}
	}
	return changes
}

type field struct{ key, value string }

func metaFields(format metaFormat, meta []byte) ([]field, bool) {
	switch format {
	case tomlMeta:
		var m map[string]any
		if err := toml.Unmarshal(meta, &m); err != nil {
			return nil, false
		}
		return mapFields(m), true
	case jsonMeta:
		var m map[string]any
		if err := json.Unmarshal(meta, &m); err != nil {
			return nil, false
		}
		return mapFields(m), true
	}
	return yamlFields(meta)
}

// mapFields lists a decoded TOML or JSON front matter in key order (neither decoder keeps the
// file's order), with values as valueText writes YAML ones.
func mapFields(m map[string]any) []field {
	fields := make([]field, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		var v string
		switch x := m[k].(type) {
		case nil:
		case string:
			v = x
		case time.Time:
			v = x.Format(time.RFC3339)
		case fmt.Stringer: // TOML local dates and times
			v = x.String()
		case bool, int64, float64:
			v = fmt.Sprint(x)
		default:
			if b, err := json.Marshal(x); err == nil {
				v = string(b)
			}
		}
		fields = append(fields, field{k, v})
	}
	return fields
}

// yamlFields decodes a front matter mapping into its keys and canonical value texts, so that
// re-quoting, reflowing a list or editing a comment is not reported as a change.
func yamlFields(meta []byte) (fields []field, ok bool) {
	if len(bytes.TrimSpace(meta)) == 0 {
		return nil, true
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(meta, &doc); err != nil {
		return nil, false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, true
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key := m.Content[i].Value
		if seen[key] {
			continue
		}
		seen[key] = true
		fields = append(fields, field{key, valueText(m.Content[i+1])})
	}
	return fields, true
}

// valueText is a value as a reader should see it: scalars bare, collections in one line of
// flow style, comments dropped.
func valueText(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		if n.Tag == "!!null" {
			return ""
		}
		return n.Value
	}
	flow(n)
	out, err := yaml.Marshal(n)
	if err != nil {
		return ""
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func flow(n *yaml.Node) {
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	switch n.Kind {
	case yaml.SequenceNode, yaml.MappingNode:
		n.Style = yaml.FlowStyle
	case yaml.ScalarNode:
		n.Style = 0 // quoting only where YAML needs it
	}
	for _, c := range n.Content {
		flow(c)
	}
}

// lineFields splits front matter into top-level keys by indentation alone: a line starting in
// column one with "key:" starts a key, indented and list lines continue it.
func lineFields(meta []byte) []field {
	var fields []field
	seen := map[string]bool{}
	cur := -1 // the field continuation lines belong to; -1 after a repeated key
	for _, line := range strings.Split(normalizeText(string(meta)), "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if ok && line[0] != ' ' && line[0] != '\t' && line[0] != '-' && !strings.ContainsAny(key, " \t") {
			cur = -1
			if !seen[key] {
				seen[key] = true
				cur = len(fields)
				fields = append(fields, field{key, strings.TrimSpace(value)})
			}
			continue
		}
		if cur >= 0 {
			fields[cur].value = strings.TrimSpace(fields[cur].value + " " + trimmed)
		}
	}
	return fields
}
