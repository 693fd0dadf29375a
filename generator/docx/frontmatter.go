package docx

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

type source struct{ File, SHA256 string }

// writeFrontMatter writes the policy front matter (docs/architecture.md) in the style of the
// example content: flow lists for issuers, one line per attachment, and a comment naming the
// guessed fields. The page is a draft until staff have checked it.
func writeFrontMatter(out *bytes.Buffer, m meta, src source) error {
	doc := &yaml.Node{Kind: yaml.MappingNode}
	if len(m.guessed) > 0 {
		doc.HeadComment = "以下字段由 gongkai import 推测，请核对：" + strings.Join(m.guessed, ", ")
	}
	add := func(key string, value *yaml.Node) { doc.Content = append(doc.Content, str(key), value) }
	add("title", str(m.title))
	add("type", str("policy"))
	if m.docNumber != "" {
		add("doc_number", str(m.docNumber))
	}
	if len(m.issuers) > 0 {
		list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, s := range m.issuers {
			list.Content = append(list.Content, str(s))
		}
		add("issuers", list)
	}
	if m.written != "" {
		add("written", date(m.written))
		add("date", date(m.written))
	}
	if m.genre != "" {
		add("genre", str(m.genre))
	}
	if m.level != "" {
		add("level", str(m.level))
	}
	add("status", str("现行有效"))
	if len(m.attachments) > 0 {
		list := &yaml.Node{Kind: yaml.SequenceNode}
		for _, a := range m.attachments {
			list.Content = append(list.Content, flowMap("title", a.title, "anchor", a.anchor))
		}
		add("attachments", list)
	}
	if m.dutyLeadFirst {
		add("duty_lead", str("first"))
	}
	add("source", flowMap("file", src.File, "sha256", src.SHA256))
	add("draft", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})

	var y bytes.Buffer
	enc := yaml.NewEncoder(&y)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	out.WriteString("---\n")
	out.Write(y.Bytes())
	out.WriteString("---\n\n")
	return nil
}

// str is a string scalar; the explicit tag makes the encoder quote text that YAML would read as
// something else (true, 2018, "- x").
func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: strings.ToValidUTF8(s, "\uFFFD")}
}

func date(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: s}
}

func flowMap(kv ...string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, s := range kv {
		n.Content = append(n.Content, str(s))
	}
	return n
}
