package docx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/generator/structure"
)

// findAttachments finds the 附件 that follow the main text: a paragraph "附件2" (its title on the
// next paragraph) or "附件2：名词解释". They stay in the page; front matter lists them with the
// anchor the site gives such a paragraph (structure's 附件N). The 附件说明 list inside the body
// ("附件：1.名词解释") is not an attachment, and structure already tells it apart.
func findAttachments(blocks []block, from int) ([]attachment, []string) {
	var out []attachment
	var warnings []string
	seen := map[string]bool{}
	for i := from; i < len(blocks); i++ {
		if blocks[i].table != nil {
			continue
		}
		n, ok := structure.Classify(blocks[i].text)
		if !ok || n.Kind != structure.Annex {
			continue
		}
		title := n.Rest
		if title == "" {
			if i+1 == len(blocks) {
				continue // "附件" as the last line: nothing follows
			}
			if next := blocks[i+1]; next.table == nil {
				if item, ok := structure.Classify(next.text); ok && item.Kind == structure.Item3 {
					continue // "附件：" introducing a numbered list of attachments
				}
				if runeLen(next.text) <= 50 && !strings.Contains(next.text, "。") {
					title = next.text
				}
			}
		}
		anchor := "附件"
		if n.N > 0 {
			anchor += strconv.Itoa(n.N)
		}
		if seen[anchor] {
			warnings = append(warnings, fmt.Sprintf("%s 出现了不止一次，front matter 只列了第一处，请核对附件编号", anchor))
			continue
		}
		seen[anchor] = true
		if title == "" {
			warnings = append(warnings, fmt.Sprintf("%s 没有找到标题，请在 attachments 里补上", anchor))
		}
		out = append(out, attachment{title: strings.Trim(title, "《》"), anchor: anchor, block: i})
	}
	return out, warnings
}
