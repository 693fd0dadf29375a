// Package frontmatter splits a content file into its front matter and body, keeping the line
// numbers that errors need. It reads what Hugo users write: YAML between --- lines, TOML between
// +++ lines, or a JSON object at the start of the file; in UTF-8 (with or without a byte order
// mark) or UTF-16 with one; with any line endings. Whatever the format, the front matter comes
// out as one yaml.Node mapping whose top-level keys have their documented spelling (see Keys),
// so the decoders after this package see one representation.
//
// A file that starts like front matter but cannot be read is an error, never body text: a
// draft: true that fell into the body would publish the draft with its flag on show.
package frontmatter

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/gongkai/gongkai/generator/config"
	"go.yaml.in/yaml/v3"
)

// Formats of front matter.
const (
	YAML = "yaml"
	TOML = "toml"
	JSON = "json"
)

// Document is a content file split into front matter and body.
type Document struct {
	// Meta is the front matter's mapping node, or nil when the file has none. Node lines count
	// from MetaLine: line 1 of a node is line MetaLine of the file.
	Meta *yaml.Node
	// MetaLine is the line of the file where the front matter text starts (the line after the
	// opening --- or +++, or the line of a JSON object's {).
	MetaLine int
	// Format is YAML, TOML or JSON, or "" for a file without front matter.
	Format string
	// Body is the Markdown after the front matter.
	Body []byte
	// BodyLine is the line of the file where Body starts.
	BodyLine int
	// Text is the whole file as read (decoded to UTF-8, with \n line endings): what the
	// privacy guard must scan, whatever the file's encoding.
	Text []byte
}

// Parse splits src, read from path, into front matter and body. A file whose first non-blank
// line is not ---, +++ or { has no front matter; it is all body.
func Parse(path string, src []byte) (*Document, error) {
	text, err := Text(path, src)
	if err != nil {
		return nil, err
	}
	doc, err := split(path, text)
	if err != nil {
		return nil, err
	}
	doc.Text = text
	if doc.Meta != nil {
		if doc.Meta.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%s:%d: front matter 应为一组 key: value（写的是列表或单个值；TOML 的 key = value 要写在 +++ 之间）", path, doc.MetaLine+doc.Meta.Line-1)
		}
		if err := canonicalize(path, doc.MetaLine-1, doc.Meta); err != nil {
			return nil, err
		}
	}
	return doc, nil
}

func split(path string, text []byte) (*Document, error) {
	// As Hugo does, blank lines before the front matter are skipped.
	rest, line := text, 1
	for {
		l, r, more := cutLine(rest)
		if !more || len(bytes.TrimSpace(l)) > 0 {
			break
		}
		rest, line = r, line+1
	}
	first, after, _ := cutLine(rest)
	switch trimmed := bytes.TrimSpace(first); {
	case string(trimmed) == "---":
		return delimited(path, after, line, "---", YAML)
	case string(trimmed) == "+++":
		return delimited(path, after, line, "+++", TOML)
	case bytes.HasPrefix(trimmed, []byte("{")):
		meta, n, err := decodeJSON(path, line-1, rest)
		if err != nil {
			return nil, err
		}
		body := rest[n:]
		bodyLine := line + bytes.Count(rest[:n], []byte("\n"))
		if i := bytes.IndexByte(body, '\n'); i >= 0 && len(bytes.TrimSpace(body[:i])) == 0 {
			body, bodyLine = body[i+1:], bodyLine+1
		}
		return &Document{Meta: meta, MetaLine: line, Format: JSON, Body: body, BodyLine: bodyLine}, nil
	case looksLikeKey(first):
		return nil, fmt.Errorf("%s:%d: 文件以 %s 开头，看来是 front matter 但缺少开头的 --- 行：在第一行前加一行 ---（并在最后一个键后加一行 ---）",
			path, line, bytes.TrimSpace(first))
	}
	return &Document{Body: text, BodyLine: 1}, nil
}

// delimited reads front matter between a delimiter line (already consumed; it was on line
// open) and the next line holding only the delimiter (or "..." for YAML).
func delimited(path string, rest []byte, open int, delim, format string) (*Document, error) {
	var metaText []byte
	line := open + 1
	for {
		l, r, more := cutLine(rest)
		t := string(bytes.TrimSpace(l))
		if t == delim || (format == YAML && t == "...") {
			doc := &Document{MetaLine: open + 1, Format: format, Body: r, BodyLine: line + 1}
			var err error
			switch format {
			case YAML:
				doc.Meta, err = decodeYAML(path, open, metaText)
			case TOML:
				if len(bytes.TrimSpace(metaText)) > 0 {
					doc.Meta, err = decodeTOML(path, open, metaText)
				}
			}
			if err != nil {
				return nil, err
			}
			return doc, nil
		}
		if !more {
			return nil, fmt.Errorf("%s:%d: front matter 以 %s 开始但没有结束：在最后一个键后加一行 %s", path, open, delim, delim)
		}
		metaText = append(metaText, l...)
		metaText = append(metaText, '\n')
		rest = r
		line++
	}
}

func decodeYAML(path string, offset int, yamlText []byte) (*yaml.Node, error) {
	if len(bytes.TrimSpace(yamlText)) == 0 {
		return nil, nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(yamlText, &root); err != nil {
		return nil, config.YAMLError(path, offset, err)
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil, nil
	}
	return root.Content[0], nil
}

// keyLine matches a first line such as "title: 通知" or "draft = true": front matter that lost
// its opening delimiter. Only keys gongkai reads count, so that Markdown prose is never taken.
var keyLine = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z0-9_-]*)\s*[:=]`)

func looksLikeKey(line []byte) bool {
	m := keyLine.FindSubmatch(line)
	return m != nil && (Canonical(string(m[1])) != "" || nearGuarded(string(m[1])) != "")
}

// cutLine returns the first line of b (without its newline), the rest, and whether a newline was found.
func cutLine(b []byte) (line, rest []byte, found bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, nil, false
	}
	return b[:i], b[i+1:], true
}
