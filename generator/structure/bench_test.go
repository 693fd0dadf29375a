package structure

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// syntheticLaw is a 10-chapter, 200-article law with items, about 40 KB.
func syntheticLaw() []byte {
	var b strings.Builder
	b.WriteString("# 中华人民共和国示例法\n\n")
	for a := 1; a <= 200; a++ {
		if a%20 == 1 {
			b.WriteString("## 第" + formatChinese(a/20+1) + "章 示例章\n\n")
		}
		b.WriteString("第" + formatChinese(a) + "条 为了规范示例活动，保障当事人的合法权益，根据宪法，制定本法。\n\n")
		if a%5 == 0 {
			b.WriteString("（一）第一项内容；\n（二）第二项内容；\n（三）第三项内容。\n\n")
		}
	}
	return []byte(b.String())
}

func BenchmarkTransformer(b *testing.B) {
	src := syntheticLaw()
	p := newMarkdown().Parser()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		pc := parser.NewContext()
		p.Parse(text.NewReader(src), parser.WithContext(pc))
		if o := OutlineFrom(pc); len(o.Units) < 200 {
			b.Fatalf("only %d units", len(o.Units))
		}
	}
}
