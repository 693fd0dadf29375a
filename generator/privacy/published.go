package privacy

import (
	"bytes"
	"html"
	"path"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Format is how a published file writes its text.
type Format int

// Formats of published files.
const (
	Text     Format = iota // plain text, CSV, TSV: read as it is
	HTML                   // markup: entities decoded, tags and comments dropped
	XML                    // RSS, Atom, sitemap: markup whose text is often escaped HTML itself
	JSON                   // string escapes decoded, then read as markup (fields may hold HTML)
	Markdown               // a page source: read as markup, and emphasis, code and escapes between digits dropped
)

// FormatOf says how a published file of this name is read, and ok is false
// for files that carry no text a reader sees as such (images, fonts, the
// binary search packs).
func FormatOf(name string) (f Format, ok bool) {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return HTML, true
	case ".xml", ".rss", ".atom", ".svg":
		return XML, true
	case ".json", ".webmanifest", ".jsonl", ".geojson":
		return JSON, true
	case ".txt", ".csv", ".tsv", ".md", ".markdown", ".ics", ".vcf":
		return Text, true
	}
	return Text, false
}

// Plain is published text as a reader gets it: what the page shows, then
// every attribute value (title, alt, content, href) and comment, each on its
// own after a blank line, with entities and escapes decoded. Inline markup
// (<em>, <span>, a comment) joins what stands on both sides of it, as a
// browser shows 138<!-- -->1234<b>5678</b> as one number; block markup (<p>,
// <td>) separates. origin maps an offset in text back to the offset in data
// it came from, approximately within a decoded entity.
func Plain(data []byte, f Format) (text []byte, origin func(int) int) {
	switch f {
	case HTML:
		m := plainMarkup(data)
		return m.out, m.origin
	case XML:
		first := plainMarkup(data)
		second := plainMarkup(first.out)
		return second.out, func(off int) int { return first.origin(second.origin(off)) }
	case Markdown:
		first := plainMarkup(data)
		second := dropEmphasis(first.out)
		return second.out, func(off int) int { return first.origin(second.origin(off)) }
	case JSON:
		first := unescapeJSON(data)
		second := plainMarkup(first.out)
		return second.out, func(off int) int { return first.origin(second.origin(off)) }
	}
	return data, func(off int) int { return off }
}

// ScanPublished is Scan over a published file: its text as Plain reads it.
// Lines and columns are those of data.
func ScanPublished(data []byte, f Format, allow []string) []Finding {
	if f == Text || !mayHoldNumber(data) {
		return Scan(data, allow)
	}
	text, origin := Plain(data, f)
	found := Scan(text, allow)
	if len(found) == 0 {
		return nil
	}
	var pos position
	offsets := make([]int, len(found))
	for i, fd := range found {
		offsets[i] = origin(offsetOf(text, fd.Line, fd.Col))
	}
	order := make([]int, len(found))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return offsets[order[a]] < offsets[order[b]] })
	for _, i := range order {
		found[i].Line, found[i].Col = pos.at(data, min(offsets[i], len(data)))
	}
	return found
}

// mayHoldNumber is false when data has fewer digit characters than the
// shortest personal number, entities and escapes included (&#49; and \u0031
// hold digits themselves): such a file is passed without decoding it.
func mayHoldNumber(data []byte) bool {
	n := 0
	for _, b := range data {
		if b-'0' <= 9 || b == 0xBC { // 0xBC: the middle byte of a full-width digit
			n++
			if n >= 9 {
				return true
			}
		}
	}
	return false
}

func offsetOf(text []byte, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(text); c++ {
		_, w := utf8.DecodeRune(text[off:])
		off += w
	}
	return off
}

// mapped is decoded text with marks saying where its pieces came from.
type mapped struct {
	out   []byte
	marks []mark
}

type mark struct{ out, in int }

// from notes that what is appended next comes from offset in of the input.
func (m *mapped) from(in int) {
	if n := len(m.marks); n > 0 && m.marks[n-1].out == len(m.out) {
		m.marks[n-1].in = in
		return
	}
	m.marks = append(m.marks, mark{len(m.out), in})
}

func (m *mapped) origin(off int) int {
	i := sort.Search(len(m.marks), func(i int) bool { return m.marks[i].out > off }) - 1
	if i < 0 {
		return off
	}
	return m.marks[i].in + off - m.marks[i].out
}

// inlineTags render inside a line of text: a number split by them reads as one.
var inlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "code": true, "data": true,
	"del": true, "dfn": true, "em": true, "font": true, "i": true, "ins": true, "kbd": true, "mark": true,
	"q": true, "s": true, "samp": true, "small": true, "span": true, "strike": true, "strong": true,
	"sub": true, "sup": true, "time": true, "tt": true, "u": true, "var": true, "wbr": true, "label": true,
	"ruby": true, "rb": true, "rt": true, "rp": true, "nobr": true, "big": true, "output": true,
}

// plainMarkup reads HTML or XML text; attribute values and comments go after
// the text, each on its own.
func plainMarkup(data []byte) mapped {
	var m, tail mapped
	m.out = make([]byte, 0, len(data))
	// A mark per tag and entity: counted first so that the slice never grows.
	m.marks = make([]mark, 0, 1+bytes.Count(data, []byte{'<'})*2+bytes.Count(data, []byte{'&'}))
	m.from(0)
	i := 0
	for i < len(data) {
		j := i
		for j < len(data) && data[j] != '<' && data[j] != '&' {
			j++
		}
		m.out = append(m.out, data[i:j]...)
		if j >= len(data) {
			break
		}
		if data[j] == '&' {
			i = decodeEntity(&m, data, j, 0)
			continue
		}
		i = markup(&m, &tail, data, j)
	}
	for _, mk := range tail.marks {
		m.marks = append(m.marks, mark{mk.out + len(m.out), mk.in})
	}
	m.out = append(m.out, tail.out...)
	return m
}

// decodeEntity appends the character an entity at data[j] stands for and
// returns the offset after it; a lone & is text.
func decodeEntity(m *mapped, data []byte, j, base int) int {
	end := j + 1
	for end < len(data) && end-j < 40 && (isEntityByte(data[end])) {
		end++
	}
	if end < len(data) && data[end] == ';' {
		end++
	}
	ent := string(data[j:end])
	dec := html.UnescapeString(ent)
	if dec == ent {
		m.out = append(m.out, '&')
		return j + 1
	}
	m.out = append(m.out, dec...)
	m.from(base + end)
	return end
}

func isEntityByte(b byte) bool {
	return b == '#' || b-'0' <= 9 || b-'a' < 26 || b-'A' < 26
}

// markup handles what starts with '<' at data[j] and returns the offset after it.
func markup(m, tail *mapped, data []byte, j int) int {
	rest := data[j:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		end := bytes.Index(rest[4:], []byte("-->"))
		body, next := rest[4:], len(data)
		if end >= 0 {
			body, next = rest[4:4+end], j+4+end+3
		}
		addTail(tail, body, j+4)
		m.from(next)
		return next
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		end := bytes.Index(rest, []byte("]]>"))
		body, next := rest[9:], len(data)
		if end >= 0 {
			body, next = rest[9:end], j+end+3
		}
		m.from(j + 9)
		m.out = append(m.out, body...)
		m.from(next)
		return next
	}
	if len(rest) < 2 || !(isASCIILetter(rest[1]) || rest[1] == '/' || rest[1] == '!' || rest[1] == '?') {
		m.out = append(m.out, '<') // "a < b" is text
		return j + 1
	}
	closing := rest[1] == '/'
	k := 1
	if closing {
		k = 2
	}
	nameStart := k
	for k < len(rest) && (isASCIILetter(rest[k]) || rest[k]-'0' <= 9 || rest[k] == '-' || rest[k] == ':') {
		k++
	}
	name := strings.ToLower(string(rest[nameStart:k]))
	end := tagEnd(rest, k)
	addTail(tail, rest[k:end], j+k) // attribute values: title, alt, content, href
	next := j + end + 1
	if end >= len(rest) {
		next = len(data)
	}
	switch {
	case inlineTags[name]:
	case name == "br":
		m.out = append(m.out, '\n')
	default:
		m.out = append(m.out, '\n', '\n')
	}
	m.from(next)
	if !closing && (name == "script" || name == "style" || name == "textarea" || name == "title") {
		return rawText(m, data, next, name, rest[k:end])
	}
	return next
}

// rawText copies the text of a script, style, textarea or title element,
// which holds no markup; the JSON of <script type="application/json"> is
// unescaped.
func rawText(m *mapped, data []byte, from int, name string, attrs []byte) int {
	closeTag := []byte("</" + name)
	end := indexFold(data[from:], closeTag)
	body := data[from:]
	if end >= 0 {
		body = data[from : from+end]
	}
	if name == "script" && bytes.Contains(bytes.ToLower(attrs), []byte("json")) {
		u := unescapeJSON(body)
		for _, mk := range u.marks {
			m.marks = append(m.marks, mark{len(m.out) + mk.out, from + mk.in})
		}
		m.out = append(m.out, u.out...)
	} else if name == "textarea" || name == "title" {
		// Escapable raw text: entities count, tags do not.
		for i := 0; i < len(body); {
			k := bytes.IndexByte(body[i:], '&')
			if k < 0 {
				m.out = append(m.out, body[i:]...)
				break
			}
			m.out = append(m.out, body[i:i+k]...)
			i = decodeEntity(m, data, from+i+k, 0) - from
		}
	} else {
		m.out = append(m.out, body...)
	}
	m.out = append(m.out, '\n', '\n')
	m.from(from + len(body))
	return from + len(body)
}

func indexFold(s, sub []byte) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i] == '<' && bytes.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// tagEnd is the offset of the '>' closing a tag, skipping quoted values.
func tagEnd(rest []byte, k int) int {
	var quote byte
	for ; k < len(rest); k++ {
		c := rest[k]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return k
		}
	}
	return len(rest)
}

// addTail appends a piece read apart from the text (an attribute list, a
// comment) after a blank line, with entities decoded.
func addTail(tail *mapped, piece []byte, in int) {
	if len(bytes.TrimSpace(piece)) == 0 || !hasDigitByte(piece) {
		return
	}
	tail.out = append(tail.out, '\n', '\n')
	tail.from(in)
	for i := 0; i < len(piece); {
		k := bytes.IndexByte(piece[i:], '&')
		if k < 0 {
			tail.out = append(tail.out, piece[i:]...)
			break
		}
		tail.out = append(tail.out, piece[i:i+k]...)
		i = decodeEntity(tail, piece, i+k, in)
	}
}

func hasDigitByte(b []byte) bool {
	for _, c := range b {
		if c-'0' <= 9 || c == 0xBC {
			return true
		}
	}
	return false
}

func isASCIILetter(b byte) bool { return b-'a' < 26 || b-'A' < 26 }

// unescapeJSON decodes the escapes in JSON strings (\u0031, \n, \/), leaving
// the rest as it is.
func unescapeJSON(data []byte) mapped {
	var m mapped
	m.out = make([]byte, 0, len(data))
	m.from(0)
	for i := 0; i < len(data); {
		k := bytes.IndexByte(data[i:], '\\')
		if k < 0 || i+k+1 >= len(data) {
			m.out = append(m.out, data[i:]...)
			break
		}
		m.out = append(m.out, data[i:i+k]...)
		j := i + k
		next := j + 2
		switch c := data[j+1]; c {
		case 'n':
			m.out = append(m.out, '\n')
		case 't':
			m.out = append(m.out, '\t')
		case 'r':
			m.out = append(m.out, '\r')
		case 'b', 'f':
			m.out = append(m.out, ' ')
		case 'u':
			r, n := jsonRune(data[j:])
			if n == 0 {
				m.out = append(m.out, '\\', 'u')
				break
			}
			m.out = utf8.AppendRune(m.out, r)
			next = j + n
		default:
			m.out = append(m.out, c)
		}
		m.from(next)
		i = next
	}
	return m
}

// jsonRune reads \uXXXX (a surrogate pair as one rune) and its length.
func jsonRune(s []byte) (rune, int) {
	r1, ok := hex4(s)
	if !ok {
		return 0, 0
	}
	if utf16.IsSurrogate(r1) {
		if r2, ok := hex4(s[6:]); ok {
			if r := utf16.DecodeRune(r1, r2); r != utf8.RuneError {
				return r, 12
			}
		}
		return utf8.RuneError, 6
	}
	return r1, 6
}

func hex4(s []byte) (rune, bool) {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case c-'0' <= 9:
			r = r*16 + rune(c-'0')
		case c-'a' < 6:
			r = r*16 + rune(c-'a'+10)
		case c-'A' < 6:
			r = r*16 + rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// dropEmphasis removes what Markdown turns into markup between two digits, as 138**1234**5678,
// 138`1234`5678, 138\_1234: a reader sees 13812345678.
func dropEmphasis(text []byte) mapped {
	var m mapped
	m.out = make([]byte, 0, len(text))
	m.from(0)
	i := 0
	for i < len(text) {
		c := text[i]
		if !isEmphasisByte(c) || i == 0 || text[i-1]-'0' > 9 {
			m.out = append(m.out, c)
			i++
			continue
		}
		j := i
		for j < len(text) && j-i < 6 && isEmphasisByte(text[j]) {
			j++
		}
		if j < len(text) && text[j]-'0' <= 9 {
			m.from(j)
			i = j
			continue
		}
		m.out = append(m.out, text[i:j]...)
		i = j
	}
	return m
}

func isEmphasisByte(c byte) bool { return c == '*' || c == '_' || c == '`' || c == '~' || c == '\\' }
