package frontmatter

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"
)

// decodeTOML reads TOML front matter (between +++ lines, as Hugo writes it) into the same
// yaml.Node tree YAML front matter gives, so that every decoder after this one is unchanged.
// Values come from go-toml's decoder, which enforces the TOML spec (duplicate keys, redefined
// tables); their lines come from its parser, key by key, and are relative to the TOML text.
func decodeTOML(path string, offset int, text []byte) (*yaml.Node, error) {
	lines, crowded := tomlLines(text)
	if crowded > 0 {
		return nil, fmt.Errorf("%s:%d: TOML front matter 的一个表中超过 %d 个键：front matter 不是放数据的地方，把表格放进 duties_file 等文件",
			path, crowded+offset, maxTOMLKeys)
	}
	var v map[string]any
	if err := toml.Unmarshal(text, &v); err != nil {
		line := 1
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, _ = de.Position()
		}
		return nil, fmt.Errorf("%s:%d: TOML front matter（+++ 之间）无法读取：%s；按 TOML 写成 key = \"value\"", path, line+offset, tomlMessage(err))
	}
	return tomlNode(v, "", 1, lines), nil
}

func tomlMessage(err error) string {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		return de.Error()
	}
	return err.Error()
}

// maxTOMLKeys bounds the keys of one table: go-toml checks each new key against its siblings
// one by one, so 50,000 keys in one table (a 1 MB file) took 18 s to decode.
const maxTOMLKeys = 1000

// tomlLines maps each key path (parts joined by NUL, array-of-tables items by their index) to
// the line where it is defined. Keys inside inline tables and arrays take their parent's line.
// crowded is the line of the first key past maxTOMLKeys in one table, or 0. A syntax error
// stops the scan early; the decoder reports it.
func tomlLines(text []byte) (lines map[string]int, crowded int) {
	lines = map[string]int{}
	perTable := map[string]int{}
	items := map[string]int{} // array-of-tables path → items seen
	var p unstable.Parser
	p.Reset(text)
	lc := &lineCounter{text: text}
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			parts, line := keyParts(lc, e.Key())
			table = ""
			for i, part := range parts {
				table = join(table, part)
				if n, ok := items[table]; ok && i < len(parts)-1 {
					table = join(table, strconv.Itoa(n-1))
				}
				setLine(lines, table, line)
			}
			if e.Kind == unstable.ArrayTable {
				n := items[table]
				items[table] = n + 1
				table = join(table, strconv.Itoa(n))
				setLine(lines, table, line)
			}
		case unstable.KeyValue:
			parts, line := keyParts(lc, e.Key())
			key := table
			for _, part := range parts {
				key = join(key, part)
				setLine(lines, key, line)
			}
			perTable[table]++
			if crowded == 0 && (perTable[table] > maxTOMLKeys || inlineKeys(e.Value()) > maxTOMLKeys) {
				crowded = line
			}
		}
	}
	return lines, crowded
}

// inlineKeys is the largest number of keys in one inline table within value.
func inlineKeys(value *unstable.Node) int {
	most, n := 0, 0
	for it := value.Children(); it.Next(); {
		c := it.Node()
		switch value.Kind {
		case unstable.InlineTable:
			n++
			most = max(most, inlineKeys(c.Value()))
		case unstable.Array:
			most = max(most, inlineKeys(c))
		}
	}
	return max(most, n)
}

// keyParts returns the parts of a dotted key and the line of its first part. (The parser's
// Shape would give the line too, but counts from the start of the text on every call.)
func keyParts(lc *lineCounter, it unstable.Iterator) ([]string, int) {
	var parts []string
	line := 0
	for it.Next() {
		n := it.Node()
		parts = append(parts, string(n.Data))
		if line == 0 && n.Raw.Length > 0 {
			line = lc.at(int(n.Raw.Offset))
		}
	}
	return parts, line
}

func join(path, part string) string {
	if path == "" {
		return part
	}
	return path + "\x00" + part
}

func setLine(lines map[string]int, key string, line int) {
	if _, ok := lines[key]; !ok && line > 0 {
		lines[key] = line
	}
}

// tomlNode converts a decoded TOML value. Mapping keys keep the order of the file (by line);
// keys on one line (an inline table) are sorted by name.
func tomlNode(v any, path string, parentLine int, lines map[string]int) *yaml.Node {
	line := parentLine
	if l, ok := lines[path]; ok {
		line = l
	}
	scalar := func(tag, value string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value, Line: line}
	}
	switch x := v.(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		lineOf := func(k string) int {
			if l, ok := lines[join(path, k)]; ok {
				return l
			}
			return line
		}
		sort.Slice(keys, func(i, j int) bool {
			li, lj := lineOf(keys[i]), lineOf(keys[j])
			if li != lj {
				return li < lj
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			child := tomlNode(x[k], join(path, k), line, lines)
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k, Line: lineOf(k)}, child)
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
		for i, item := range x {
			n.Content = append(n.Content, tomlNode(item, join(path, strconv.Itoa(i)), line, lines))
		}
		return n
	case []map[string]any:
		items := make([]any, len(x))
		for i := range x {
			items[i] = x[i]
		}
		return tomlNode(items, path, parentLine, lines)
	case string:
		return scalar("!!str", x)
	case bool:
		return scalar("!!bool", strconv.FormatBool(x))
	case int64:
		return scalar("!!int", strconv.FormatInt(x, 10))
	case float64:
		switch {
		case math.IsNaN(x):
			return scalar("!!float", ".nan")
		case math.IsInf(x, 1):
			return scalar("!!float", ".inf")
		case math.IsInf(x, -1):
			return scalar("!!float", "-.inf")
		}
		return scalar("!!float", strconv.FormatFloat(x, 'g', -1, 64))
	case time.Time:
		return scalar("!!timestamp", x.Format(time.RFC3339Nano))
	case toml.LocalDate:
		return scalar("!!timestamp", x.String())
	case toml.LocalDateTime:
		return scalar("!!timestamp", strings.Replace(x.String(), "T", " ", 1))
	case toml.LocalTime:
		return scalar("!!str", x.String())
	case nil:
		return scalar("!!null", "")
	}
	return scalar("!!str", fmt.Sprint(v))
}
