package frontmatter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxJSONDepth bounds nesting so that a hostile file cannot make the converter (or anything
// after it that walks the tree) recurse without end.
const maxJSONDepth = 100

// decodeJSON reads the JSON object at the start of text (Hugo's JSON front matter) into a
// yaml.Node tree with the line of every key and value (relative to text; offset is the line of
// the file before text), and returns how many bytes it used.
func decodeJSON(path string, offset int, text []byte) (*yaml.Node, int, error) {
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.UseNumber()
	c := jsonConverter{dec: dec, text: text, lines: lineCounter{text: text}}
	n, err := c.value(0)
	if err != nil {
		line := lineAt(text, int(dec.InputOffset()))
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line = lineAt(text, int(se.Offset))
		}
		msg := strings.TrimPrefix(err.Error(), "json: ")
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			msg = "对象没有结束（缺少 }）"
		}
		return nil, 0, fmt.Errorf("%s:%d: JSON front matter（文件开头的 {…}）无法读取：%s", path, line+offset, msg)
	}
	return n, int(dec.InputOffset()), nil
}

type jsonConverter struct {
	dec   *json.Decoder
	text  []byte
	lines lineCounter
}

func (c *jsonConverter) value(depth int) (*yaml.Node, error) {
	if depth > maxJSONDepth {
		return nil, fmt.Errorf("嵌套超过 %d 层", maxJSONDepth)
	}
	// The offset before Token is the end of the previous token; skip the separator and
	// whitespace to find the line where this value starts.
	start := int(c.dec.InputOffset())
	for start < len(c.text) && strings.IndexByte(" \t\n,:", c.text[start]) >= 0 {
		start++
	}
	line := c.lines.at(start)
	tok, err := c.dec.Token()
	if err != nil {
		return nil, err
	}
	scalar := func(tag, value string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value, Line: line}
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
			seen := map[string]bool{}
			for c.dec.More() {
				kt, err := c.value(depth + 1)
				if err != nil {
					return nil, err
				}
				if seen[kt.Value] {
					return nil, fmt.Errorf("键 %q 重复：删去一个", kt.Value)
				}
				seen[kt.Value] = true
				kt.Tag, kt.Style = "!!str", 0
				v, err := c.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, kt, v)
			}
			if _, err := c.dec.Token(); err != nil {
				return nil, err
			}
			return n, nil
		case '[':
			n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
			for c.dec.More() {
				v, err := c.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, v)
			}
			if _, err := c.dec.Token(); err != nil {
				return nil, err
			}
			return n, nil
		}
		return nil, fmt.Errorf("此处不应出现 %v", t)
	case string:
		return scalar("!!str", t), nil
	case json.Number:
		if strings.ContainsAny(string(t), ".eE") {
			return scalar("!!float", string(t)), nil
		}
		return scalar("!!int", string(t)), nil
	case bool:
		if t {
			return scalar("!!bool", "true"), nil
		}
		return scalar("!!bool", "false"), nil
	case nil:
		return scalar("!!null", ""), nil
	}
	return nil, fmt.Errorf("此处不应出现 %v", tok)
}
