package content

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// decodeMeta reads the keys every page may have. Keys it does not know stay in Params for the
// page type's own decoder and for templates; they are never an error here.
func decodeMeta(p *Page, taxonomyKeys []string) error {
	p.Params = map[string]any{}
	p.Terms = map[string][]string{}
	if p.Meta == nil {
		return nil
	}
	// Taxonomy keys are matched without regard to case, as every other key (Tags: is tags:).
	taxonomy := map[string]string{}
	for _, k := range taxonomyKeys {
		taxonomy[strings.ToLower(k)] = k
	}
	n := p.Meta
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i].Value, n.Content[i+1]
		var err error
		switch key {
		case "title":
			p.Title, err = String(val)
		case "summary", "description":
			p.Summary, err = String(val)
		case "slug":
			p.Slug, err = String(val)
		case "type":
			p.Type, err = String(val)
		case "weight":
			p.Weight, err = Int(val)
		case "draft":
			p.Draft, err = Bool(val)
		case "sample":
			p.Sample, err = Bool(val)
		case "date":
			p.Date, err = Date(val)
		case "publishDate":
			p.Publish, err = Date(val)
		case "expiryDate":
			p.Expiry, err = Date(val)
		case "lastmod":
			p.Lastmod, err = Date(val)
		case "unpublish_after":
			p.UnpublishAfter, err = takeDown(val)
		}
		if err != nil {
			return fmt.Errorf("%s:%d: %s: %v", p.SrcPath, p.Line(val.Line), key, err)
		}
		if tk, ok := taxonomy[strings.ToLower(key)]; ok {
			terms, err := Strings(val)
			if err != nil {
				return fmt.Errorf("%s:%d: %s: %v", p.SrcPath, p.Line(val.Line), key, err)
			}
			p.Terms[tk] = terms
		}
		if key == "params" {
			// A page's own fields, for its templates: on typed pages the one place for
			// keys gongkai does not read, since any other unknown key there is an error.
			var own map[string]any
			if err := val.Decode(&own); err != nil {
				return fmt.Errorf("%s:%d: params 应为映射（key: value），如 params: {contact: 张三}", p.SrcPath, p.Line(val.Line))
			}
			for k, v := range own {
				p.Params[k] = v
			}
			continue
		}
		var v any
		if err := val.Decode(&v); err == nil {
			p.Params[key] = v
		}
	}
	return nil
}

// takeDown reads unpublish_after: the page stays up through that day (China Standard Time) and
// comes down at the next midnight, as disclosures have always read it; a value with a time of
// day takes it down at that moment.
func takeDown(n *yaml.Node) (time.Time, error) {
	t, err := Date(n)
	if err != nil || t.IsZero() || strings.Contains(n.Value, ":") {
		return t, err
	}
	return t.AddDate(0, 0, 1), nil
}

// String decodes a scalar as text.
func String(n *yaml.Node) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", fmt.Errorf("应为一段文字，写的是%s", kindName(n))
	}
	return strings.TrimSpace(n.Value), nil
}

// Strings decodes a list of scalars, or one scalar as a list of one.
func Strings(n *yaml.Node) ([]string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" {
			return nil, nil
		}
		return []string{strings.TrimSpace(n.Value)}, nil
	case yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			s, err := String(c)
			if err != nil {
				return nil, fmt.Errorf("列表中的一项：%v", err)
			}
			if s != "" {
				out = append(out, s)
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("应为列表，如 [a, b]，写的是%s", kindName(n))
}

// Int decodes a whole number.
func Int(n *yaml.Node) (int, error) {
	if n.Kind != yaml.ScalarNode {
		return 0, fmt.Errorf("应为数字，写的是%s", kindName(n))
	}
	v, err := strconv.Atoi(strings.TrimSpace(n.Value))
	if err != nil {
		return 0, fmt.Errorf("%q 不是整数；写成如 3", n.Value)
	}
	return v, nil
}

// Bool decodes true/false.
func Bool(n *yaml.Node) (bool, error) {
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(strings.TrimSpace(n.Value)) {
		case "true", "yes", "on":
			return true, nil
		case "false", "no", "off", "":
			return false, nil
		}
	}
	return false, fmt.Errorf("%q 不是 true 或 false；写 true 或 false", n.Value)
}

var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006/01/02",
	"2006年1月2日",
	"2006.01.02",
}

// Date decodes a date such as 2018-08-22 or 2018年8月22日. Dates without a zone are in China
// Standard Time, the zone of every document this tool publishes.
func Date(n *yaml.Node) (time.Time, error) {
	if n.Kind != yaml.ScalarNode {
		return time.Time{}, fmt.Errorf("应为日期，如 2018-08-22，写的是%s", kindName(n))
	}
	return ParseDate(n.Value)
}

// CST is China Standard Time.
var CST = time.FixedZone("CST", 8*3600)

// ParseDate parses the date formats front matter may use.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, l := range dateLayouts {
		if t, err := time.ParseInLocation(l, s, CST); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q 不是日期；写成 YYYY-MM-DD，如 2018-08-22", s)
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "映射（key: value）"
	case yaml.SequenceNode:
		return "列表"
	case yaml.ScalarNode:
		return "单个值"
	}
	return "其他结构"
}

// Lookup returns the value node of key in a mapping node, or nil.
func Lookup(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
