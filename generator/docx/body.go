package docx

import (
	"fmt"
	"strings"
)

// document is the body of a .docx as the reader sees it: paragraphs (numbering written out,
// debris dropped) and tables, in order.
type document struct {
	blocks   []block
	warnings []string
}

// block is a paragraph (table == nil) or a table.
type block struct {
	text  string
	lines []string // the paragraph's lines when it has manual line breaks (a 落款 often does)
	table *table
}

// readDocument reads the main part with its numbering and styles. Damaged numbering or styles only
// cost the automatic numbers, so they are warnings; a damaged main part is an error.
func readDocument(pkg *docPackage) (*document, error) {
	main, err := pkg.mainPart()
	if err != nil {
		return nil, err
	}
	data, err := pkg.read(main)
	if err != nil {
		return nil, err
	}
	root, err := parseXML(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %s 不是有效的 XML：%v；用 Word 或 WPS 打开文件，重新另存为 .docx 后再导入", pkg.name, main, err)
	}
	body := root.child("body")
	if body == nil {
		return nil, fmt.Errorf("%s: %s 没有正文（w:body），文件不是 Word 文字文档；换用正式的 .docx 文件", pkg.name, main)
	}
	doc := &document{}
	w := &walker{notes: map[string]int{}}
	w.num = parseNumbering(optionalPart(pkg, main, "numbering", "numbering.xml", &doc.warnings))
	w.styles = parseStyles(optionalPart(pkg, main, "styles", "styles.xml", &doc.warnings))
	w.blockList(body.kids, &doc.blocks)
	doc.warnings = append(doc.warnings, w.warnings()...)
	return doc, nil
}

func optionalPart(pkg *docPackage, main, relType, usual string, warnings *[]string) *node {
	part := pkg.relatedPart(main, relType, usual)
	if part == "" {
		return nil
	}
	data, err := pkg.read(part)
	if err == nil {
		var root *node
		if root, err = parseXML(data); err == nil {
			return root
		}
	}
	*warnings = append(*warnings, fmt.Sprintf("%s 已损坏（%v），自动编号和样式编号可能没有还原，请核对“一、”“（一）”等序号", part, err))
	return nil
}

// walker carries the state that runs across paragraphs: list counters and open field codes
// (a TOC field spans many paragraphs).
type walker struct {
	num    *numbering
	styles *styles
	fields []field
	notes  map[string]int // what was dropped or accepted, counted for the warnings
}

// field is an open complex field (w:fldChar begin … separate … end).
type field struct {
	instr    strings.Builder
	inResult bool
	debris   bool // PAGE, TOC …: its result is not text of the document
}

func kidsOf(n *node) []*node {
	if n == nil {
		return nil
	}
	return n.kids
}

// blockList reads block-level content: paragraphs, tables and the wrappers around them.
func (w *walker) blockList(kids []*node, out *[]block) {
	for _, k := range kids {
		switch k.name {
		case "p":
			w.paragraph(k, out)
		case "tbl":
			w.table(k, out)
		case "sdt":
			w.blockList(kidsOf(k.child("sdtContent")), out)
		case "customXml", "smartTag":
			w.blockList(k.kids, out)
		case "ins", "moveTo":
			w.notes["ins"]++
			w.blockList(k.kids, out)
		case "del", "moveFrom":
			w.notes["del"]++
		case "AlternateContent":
			w.blockList(choice(k), out)
		}
	}
}

// choice picks the first mc:Choice of an mc:AlternateContent (Word writes the same content again
// in mc:Fallback for old readers), or the fallback when there is no choice.
func choice(ac *node) []*node {
	if c := ac.child("Choice"); c != nil {
		return c.kids
	}
	return kidsOf(ac.child("Fallback"))
}

func (w *walker) paragraph(p *node, out *[]block) {
	label := w.label(p.child("pPr"))
	var b strings.Builder
	var boxes []block
	w.inline(p.kids, &b, &boxes)
	if text := cleanText(b.String()); text != "" {
		blk := block{text: cleanText(label + text)}
		if raw := strings.Split(b.String(), "\n"); len(raw) > 1 {
			for _, l := range raw {
				if l = cleanText(l); l != "" {
					blk.lines = append(blk.lines, l)
				}
			}
		}
		*out = append(*out, blk)
	}
	*out = append(*out, boxes...)
}

// label is the automatic number of a paragraph, from its own numPr or its style's.
func (w *walker) label(pPr *node) string {
	ref := w.styles.numbering(pPr.val("pStyle"))
	if np := pPr.child("numPr"); np != nil {
		if id := np.child("numId"); id != nil {
			ref.numID, ref.set = id.attr("val"), true
		}
		if lv := np.child("ilvl"); lv != nil {
			ref.ilvl = atoiDefault(lv.attr("val"), 0)
		}
	}
	if !ref.set {
		return ""
	}
	return w.num.label(ref.numID, ref.ilvl)
}

// inline reads the content of a paragraph into b; text boxes found in drawings go to boxes, to be
// placed after the paragraph.
func (w *walker) inline(kids []*node, b *strings.Builder, boxes *[]block) {
	for _, k := range kids {
		switch k.name {
		case "r":
			w.run(k, b, boxes)
		case "hyperlink", "smartTag", "customXml", "bdo", "dir":
			w.inline(k.kids, b, boxes)
		case "ins", "moveTo":
			w.notes["ins"]++
			w.inline(k.kids, b, boxes)
		case "del", "moveFrom":
			w.notes["del"]++
		case "sdt":
			w.inline(kidsOf(k.child("sdtContent")), b, boxes)
		case "fldSimple":
			if isDebrisField(k.attr("instr")) {
				w.notes["field"]++
				continue
			}
			w.inline(k.kids, b, boxes)
		case "oMath", "oMathPara":
			if w.visible() {
				mathText(k, b)
			}
		case "AlternateContent":
			w.inline(choice(k), b, boxes)
		}
	}
}

func (w *walker) run(r *node, b *strings.Builder, boxes *[]block) {
	hidden := r.child("rPr").on("vanish")
	for _, k := range r.kids {
		show := w.visible() && !hidden
		switch k.name {
		case "fldChar":
			w.fieldChar(k.attr("fldCharType"))
		case "instrText":
			if n := len(w.fields); n > 0 && !w.fields[n-1].inResult {
				w.fields[n-1].instr.WriteString(k.text)
			}
		case "t":
			if show {
				b.WriteString(k.text)
			}
		case "tab", "ptab":
			if show {
				b.WriteByte('\t')
			}
		case "br", "cr":
			switch k.attr("type") {
			case "page", "column":
				w.notes["break"]++
			default:
				if show {
					b.WriteByte('\n')
				}
			}
		case "noBreakHyphen":
			if show {
				b.WriteByte('-')
			}
		case "sym":
			w.notes["symbol"]++
		case "drawing", "pict", "object", "AlternateContent":
			if !w.textBoxes(k, boxes) {
				w.notes["image"]++
			}
		case "footnoteReference", "endnoteReference":
			w.notes["footnote"]++
		case "commentReference":
			w.notes["comment"]++
		case "delText", "delInstrText":
			w.notes["del"]++
		}
	}
}

// textBoxes reads the paragraphs of text boxes inside a drawing, reporting whether there were any.
func (w *walker) textBoxes(n *node, boxes *[]block) bool {
	if n.name == "txbxContent" {
		w.blockList(n.kids, boxes)
		w.notes["textbox"]++
		return true
	}
	kids := n.kids
	if n.name == "AlternateContent" {
		kids = choice(n)
	}
	found := false
	for _, k := range kids {
		found = w.textBoxes(k, boxes) || found
	}
	return found
}

func mathText(n *node, b *strings.Builder) {
	if n.name == "t" {
		b.WriteString(n.text)
		return
	}
	for _, k := range n.kids {
		mathText(k, b)
	}
}

func (w *walker) fieldChar(kind string) {
	switch kind {
	case "begin":
		w.fields = append(w.fields, field{})
	case "separate":
		if n := len(w.fields); n > 0 {
			f := &w.fields[n-1]
			f.inResult = true
			f.debris = isDebrisField(f.instr.String())
			if f.debris {
				w.notes["field"]++
			}
		}
	case "end":
		if n := len(w.fields); n > 0 {
			w.fields = w.fields[:n-1]
		}
	}
}

// visible reports whether text at this point is shown: not inside a field instruction and not
// the result of a debris field such as a page number.
func (w *walker) visible() bool {
	for i := range w.fields {
		if !w.fields[i].inResult || w.fields[i].debris {
			return false
		}
	}
	return true
}

// debrisFields are field codes whose displayed result is layout, not content.
var debrisFields = map[string]bool{
	"PAGE": true, "NUMPAGES": true, "SECTIONPAGES": true, "SECTION": true, "TOC": true,
	"PAGEREF": true, "INDEX": true, "TOA": true, "FILENAME": true, "NUMWORDS": true,
}

func isDebrisField(instr string) bool {
	f := strings.Fields(instr)
	return len(f) > 0 && debrisFields[strings.ToUpper(f[0])]
}

// warnings turns the counts of dropped things into messages for staff.
func (w *walker) warnings() []string {
	var out []string
	add := func(key, format string) {
		if n := w.notes[key]; n > 0 {
			out = append(out, fmt.Sprintf(format, n))
		}
	}
	add("ins", "文档含修订：已按“接受修订”处理，保留了 %d 处插入")
	add("del", "文档含修订：已按“接受修订”处理，删去了 %d 处删除的文字")
	add("comment", "已丢弃 %d 条批注")
	add("footnote", "文中有 %d 处脚注或尾注引用，脚注内容没有导入，请手工补上")
	add("image", "文中有 %d 处图片、图形或嵌入对象没有导入（只导入文字），请核对是否有需要的内容")
	add("textbox", "读入了 %d 个文本框的文字，放在所在段落之后，请核对位置")
	add("symbol", "有 %d 个符号字体字符（w:sym）没有导入")
	add("nested", "有 %d 个嵌套表格已展开为单元格里的文字")
	add("frame", "有 %d 个只有一列的表格（版式框）已改为普通段落")
	return out
}
