package history

import (
	"fmt"
	"html/template"
	"strings"
)

// RenderHTML renders a comparison for readers, without JavaScript: unchanged paragraphs more
// than context paragraphs away from a change are collapsed into one "……（未改动的 N 段）" line
// (a lone one is shown instead, as it takes no more room),
// insertions are <ins> and deletions <del>, each starting with a visually hidden 新增：/删除：
// (class "sr", which the theme must hide visually) so that screen readers announce them.
// All text is HTML-escaped; newlines inside a paragraph become <br>.
//
// Classes for the theme: diff, diff-same, diff-added, diff-removed, diff-changed, diff-skip,
// diff-none, sr.
func RenderHTML(blocks []Block, context int) template.HTML {
	context = max(context, 0)
	show := make([]bool, len(blocks))
	changes := 0
	for i, b := range blocks {
		if b.Kind == Same {
			continue
		}
		changes++
		for j := max(0, i-context); j <= min(len(blocks)-1, i+context); j++ {
			show[j] = true
		}
	}
	var sb strings.Builder
	sb.WriteString("<div class=\"diff\">\n")
	if changes == 0 {
		sb.WriteString("<p class=\"diff-none\">两个版本的正文相同。</p>\n</div>\n")
		return template.HTML(sb.String())
	}
	for i := 0; i < len(blocks); {
		if show[i] {
			writeBlock(&sb, blocks[i])
			i++
			continue
		}
		j := i
		for j < len(blocks) && !show[j] {
			j++
		}
		if j-i == 1 {
			// Saying "one paragraph hidden" takes as much room as the paragraph.
			writeBlock(&sb, blocks[i])
		} else {
			fmt.Fprintf(&sb, "<p class=\"diff-skip\">……（未改动的 %d 段）</p>\n", j-i)
		}
		i = j
	}
	sb.WriteString("</div>\n")
	return template.HTML(sb.String())
}

func writeBlock(sb *strings.Builder, b Block) {
	fmt.Fprintf(sb, "<p class=\"diff-%s\">", b.Kind)
	for _, s := range b.Spans {
		switch s.Op {
		case Equal:
			writeText(sb, s.Text)
		case Insert:
			sb.WriteString("<ins><span class=\"sr\">新增：</span>")
			writeText(sb, s.Text)
			sb.WriteString("</ins>")
		case Delete:
			sb.WriteString("<del><span class=\"sr\">删除：</span>")
			writeText(sb, s.Text)
			sb.WriteString("</del>")
		}
	}
	sb.WriteString("</p>\n")
}

func writeText(sb *strings.Builder, text string) {
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			sb.WriteString("<br>")
		}
		sb.WriteString(template.HTMLEscapeString(line))
	}
}
