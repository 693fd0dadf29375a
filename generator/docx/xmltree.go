package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/unicode"
)

// node is an XML element reduced to what the converter needs: the local name (Word's prefixes
// vary between w:, ns0: and none), attributes, children and, for text-bearing elements, the text.
type node struct {
	name  string
	attrs []xml.Attr
	kids  []*node
	text  string
}

// maxDepth bounds nesting; deeper elements are dropped so hostile input cannot exhaust the stack.
const maxDepth = 256

// textElements hold character data the converter reads; whitespace elsewhere is layout.
var textElements = map[string]bool{"t": true, "instrText": true, "delText": true, "delInstrText": true}

// parseXML reads a whole XML part into a tree. It accepts UTF-16 parts (a BOM says so).
func parseXML(data []byte) (*node, error) {
	data, err := toUTF8(data)
	if err != nil {
		return nil, err
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "unicode":
			return input, nil // already UTF-8 after toUTF8
		}
		return nil, fmt.Errorf("不支持的编码 %q", label)
	}
	root := &node{name: "#document"}
	stack := []*node{root}
	skip := 0 // depth inside an element dropped for being too deep
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("第 %d 行：%v", lineAt(data, d.InputOffset()), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 || len(stack) > maxDepth {
				skip++
				continue
			}
			n := &node{name: t.Name.Local, attrs: t.Attr}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if top := stack[len(stack)-1]; skip == 0 && textElements[top.name] {
				top.text += string(t)
			}
		}
	}
	if len(root.kids) == 0 {
		return nil, fmt.Errorf("没有找到 XML 元素")
	}
	return root.kids[0], nil
}

func toUTF8(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("UTF-16 文字有误：%v", err)
		}
		return out, nil
	}
	return data, nil
}

func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// attr returns the value of the attribute with the given local name ("" when absent).
func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// hasAttr reports whether the attribute is present at all.
func (n *node) hasAttr(local string) bool {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return true
		}
	}
	return false
}

// child returns the first child with the given local name, or nil.
func (n *node) child(name string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// children returns every child with the given local name.
func (n *node) children(name string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

// path follows a chain of first children: n.path("pPr", "numPr", "numId").
func (n *node) path(names ...string) *node {
	for _, name := range names {
		n = n.child(name)
	}
	return n
}

// val is the w:val attribute of the element at the path, "" if any step is missing.
func (n *node) val(names ...string) string {
	if c := n.path(names...); c != nil {
		return c.attr("val")
	}
	return ""
}

// on reads an OOXML toggle such as <w:vanish/> or <w:b w:val="false"/>.
func (n *node) on(name string) bool {
	c := n.child(name)
	if c == nil {
		return false
	}
	switch c.attr("val") {
	case "false", "0", "off":
		return false
	}
	return true
}
