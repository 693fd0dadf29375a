package duty

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Annotation is one inline "（责任单位：…）" in a paragraph of prose.
type Annotation struct {
	Start, End int    // byte offsets of the annotation in the paragraph, brackets included
	TaskText   string // the sentence or clause the annotation closes, without the annotation
	TaskStart  int    // byte offset of TaskText in the paragraph
	Passage    string // everything since the previous annotation (or the paragraph start) that it closes
	Units      []Unit
}

// FindAnnotations finds the unit annotations of a paragraph: an opening bracket ( （ or 【, a label
// (责任单位, 责任部门, 牵头单位, 牵头部门, 配合单位, 责任主体), a colon of either width, the units
// and a closing bracket of any kind (mismatched pairs such as "(…）" occur in real documents;
// brackets inside, as in "各县（市、区）", nest). TaskText is the sentence before the annotation:
// from the previous 。；;！？ or annotation end, trimmed of punctuation and of outline numbering
// such as "（一）".
func FindAnnotations(paragraph string, leadFirst bool) []Annotation {
	var out []Annotation
	prevEnd := 0
	for i := 0; i < len(paragraph); {
		r, size := utf8.DecodeRuneInString(paragraph[i:])
		if r != '(' && r != '（' && r != '【' {
			i += size
			continue
		}
		inner, end, ok := annotationAt(paragraph, i+size)
		if !ok {
			i += size
			continue
		}
		a := Annotation{Start: i, End: end, Units: SplitUnits(inner, leadFirst)}
		a.Passage = strings.TrimSpace(paragraph[prevEnd:i])
		a.TaskStart, a.TaskText = sentenceBefore(paragraph, prevEnd, i)
		out = append(out, a)
		prevEnd, i = end, end
	}
	return out
}

// InlineTasks collects the annotations of a document's paragraphs as tasks numbered "1", "2", …
// in document order; Row is the 1-based paragraph index.
func InlineTasks(paragraphs []string, leadFirst bool) []Task {
	var tasks []Task
	for p, para := range paragraphs {
		for _, a := range FindAnnotations(para, leadFirst) {
			tasks = append(tasks, Task{
				Number: strconv.Itoa(len(tasks) + 1),
				Text:   a.TaskText,
				Units:  a.Units,
				Source: SourceInline,
				Row:    p + 1,
			})
		}
	}
	return tasks
}

var annotationLabels = []string{"责任单位", "责任部门", "牵头单位", "牵头部门", "配合单位", "责任主体"}

// maxAnnotationBytes keeps a stray "（责任单位：" from swallowing the rest of a long paragraph.
const maxAnnotationBytes = 1200

// annotationAt checks whether an annotation's label starts at byte i (just after its opening
// bracket) and returns the text between the bracket and its closer, which keeps the label so that
// SplitUnits can read a 牵头单位 label as a role, and the byte offset after the closer.
func annotationAt(p string, i int) (inner string, end int, ok bool) {
	rest := strings.TrimLeftFunc(p[i:], unicode.IsSpace)
	label := ""
	for _, l := range annotationLabels {
		if strings.HasPrefix(rest, l) {
			label = l
			break
		}
	}
	if label == "" {
		return "", 0, false
	}
	afterLabel := strings.TrimLeftFunc(rest[len(label):], unicode.IsSpace)
	if !strings.HasPrefix(afterLabel, ":") && !strings.HasPrefix(afterLabel, "：") {
		return "", 0, false
	}
	depth := 1
	for j, r := range p[i:] {
		if j > maxAnnotationBytes || r == '\n' {
			return "", 0, false
		}
		switch {
		case isOpenBracket(r):
			depth++
		case isCloseBracket(r):
			depth--
			if depth == 0 {
				return p[i : i+j], i + j + utf8.RuneLen(r), true
			}
		}
	}
	return "", 0, false
}

// sentenceBefore returns the sentence of p[from:to] that ends at to, and its offset.
func sentenceBefore(p string, from, to int) (int, string) {
	s := strings.TrimRightFunc(p[from:to], unicode.IsSpace)
	body := strings.TrimRightFunc(s, isSentenceEnd)
	start := strings.LastIndexFunc(body, isSentenceEnd)
	if start < 0 {
		start = 0
	} else {
		_, size := utf8.DecodeRuneInString(body[start:])
		start += size
	}
	text := s[start:]
	trimmed := strings.TrimLeftFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("，,、：:", r)
	})
	trimmed = cutOutlineNumber(trimmed)
	return from + start + len(text) - len(trimmed), trimmed
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '；', ';', '！', '？', '!', '?':
		return true
	}
	return false
}

var reOutlineNumber = regexp.MustCompile(`^(?:[（(][一二三四五六七八九十百零〇\d]+[)）]|[一二三四五六七八九十百]+、|\d+[.．、])\s*`)

// cutOutlineNumber drops a leading "（一）", "一、" or "1." but not the "1." of "1.5平方米", and
// never the whole text.
func cutOutlineNumber(s string) string {
	m := reOutlineNumber.FindString(s)
	if m == "" || len(m) == len(s) {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[len(m):]); unicode.IsDigit(next) {
		return s
	}
	return s[len(m):]
}
