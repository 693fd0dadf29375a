// Package frontmatter splits a content file into its YAML front matter and body, keeping the line
// numbers that errors need.
package frontmatter

import (
	"bytes"
	"fmt"

	"github.com/gongkai/gongkai/generator/config"
	"go.yaml.in/yaml/v3"
)

// Document is a content file split into front matter and body.
type Document struct {
	// Meta is the front matter's mapping node, or nil when the file has none.
	Meta *yaml.Node
	// MetaLine is the line of the file where the YAML text starts (the line after the opening ---).
	MetaLine int
	// Body is the Markdown after the front matter.
	Body []byte
	// BodyLine is the line of the file where Body starts.
	BodyLine int
}

// Parse splits src, read from path, into front matter and body. A file without a leading "---"
// line has no front matter; it is all body.
func Parse(path string, src []byte) (*Document, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	first, rest, ok := cutLine(src)
	if !ok && len(first) == 0 || string(bytes.TrimRight(first, " \t\r")) != "---" {
		return &Document{Body: src, BodyLine: 1}, nil
	}
	var yamlText []byte
	line := 2
	for {
		l, r, more := cutLine(rest)
		if string(bytes.TrimRight(l, " \t\r")) == "---" || string(bytes.TrimRight(l, " \t\r")) == "..." {
			doc := &Document{MetaLine: 2, Body: r, BodyLine: line + 1}
			meta, err := decode(path, yamlText)
			if err != nil {
				return nil, err
			}
			doc.Meta = meta
			return doc, nil
		}
		if !more {
			return nil, fmt.Errorf("%s:1: front matter starts with --- but is never closed; add a line with --- after the last key", path)
		}
		yamlText = append(yamlText, l...)
		yamlText = append(yamlText, '\n')
		rest = r
		line++
	}
}

func decode(path string, yamlText []byte) (*yaml.Node, error) {
	if len(bytes.TrimSpace(yamlText)) == 0 {
		return nil, nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(yamlText, &root); err != nil {
		return nil, config.YAMLError(path, 1, err)
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil, nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: front matter must be a set of `key: value` lines", path, m.Line+1)
	}
	return m, nil
}

// cutLine returns the first line of b (without its newline), the rest, and whether a newline was found.
func cutLine(b []byte) (line, rest []byte, found bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, nil, false
	}
	return b[:i], b[i+1:], true
}
