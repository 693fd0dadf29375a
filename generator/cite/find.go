package cite

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/cnnum"
)

// Citation is a reference to another document found in text.
type Citation struct {
	Title     string // inside 《》; "" for a bare 文号
	DocNumber string // the 文号 as written; "" if none
	Key       string // normalised 文号 (中发〔2017〕13号); "" if none
	Alias     string // the short name written, when the citation uses a name 以下简称 defined
	Start     int    // byte offset in the text where the citation starts
	End       int    // byte offset just after the title and the 文号 or its bracket
}

// Find returns the citations in text in order: 《title》 with an optional bracketed 文号 after it
// (any bracket, even a mismatched closer), bare 文号, 令 numbers, and later uses of a name that
// "（以下简称《X》）" defined, which carry the full title and 文号.
func Find(text string) []Citation {
	return NewFinder().Find(text)
}

// Finder remembers the aliases defined in earlier text, so a document can be read paragraph by
// paragraph and 《意见》 in the fifth still resolves to the title defined in the first.
type Finder struct {
	aliases map[string]Citation
}

// NewFinder returns a finder that knows no aliases yet.
func NewFinder() *Finder {
	return &Finder{aliases: map[string]Citation{}}
}

// Find returns the citations in text and learns the aliases it defines.
func (f *Finder) Find(text string) []Citation {
	s := scanner{text: text, f: f}
	s.scan()
	sort.Slice(s.out, func(i, j int) bool { return s.out[i].Start < s.out[j].Start })
	return s.out
}

type scanner struct {
	text    string
	f       *Finder
	out     []Citation
	lastEnd int // nothing before this offset belongs to a new citation
}

const (
	maxTitleRunes = 200
	maxAliasRunes = 30
	citeOpeners   = "（(〔[【［"
	citeClosers   = "）)〕]】］》"
	quoteOpeners  = "“\"「『‘'"
	quoteClosers  = "”\"」』’'"
)

func (s *scanner) scan() {
	for i := 0; i < len(s.text); {
		r, size := utf8.DecodeRuneInString(s.text[i:])
		next := i + size
		switch {
		case r == '《':
			if end, ok := s.titleCitation(i); ok {
				next = end
			}
		case strings.ContainsRune(quoteOpeners, r):
			if end, ok := s.quotedAlias(i, size); ok {
				next = end
			}
		case strings.ContainsRune(yearOpeners, r):
			if end, ok := s.bareDocNumber(i); ok {
				next = end
			}
		case r == '令':
			if end, ok := s.orderNumber(i, size); ok {
				next = end
			}
		}
		i = next
	}
}

// titleCitation reads 《title》 and what follows it at i; it returns where scanning resumes.
func (s *scanner) titleCitation(i int) (int, bool) {
	open := i + len("《")
	close, runes := -1, 0
	for j, r := range s.text[open:] {
		if runes++; r == '《' || r == '\n' || runes > maxTitleRunes {
			return 0, false // nested or runaway: the inner 《 gets its own try
		}
		if r == '》' {
			close = open + j
			break
		}
	}
	if close < 0 {
		return 0, false
	}
	title := strings.TrimFunc(s.text[open:close], isBlank)
	after := close + len("》")
	if title == "" {
		return after, true
	}
	if c, ok := s.f.aliases[title]; ok {
		c.Alias, c.Start, c.End = title, i, after
		s.add(c)
		return after, true
	}
	c := Citation{Title: title, Start: i, End: after}
	resume := after
	if tail, ok := s.bracketAfterTitle(after, &c); ok {
		resume = tail
	}
	s.add(c)
	return resume, true
}

// bracketAfterTitle reads "（中发〔2017〕13号）", "(湘发[2017]30号)", "（中发〔2017〕13号》",
// "（中发〔2017〕13号，以下简称《意见》）" or "（以下简称“意见”）" after a title, filling c.
func (s *scanner) bracketAfterTitle(at int, c *Citation) (int, bool) {
	i := skipBlanks(s.text, at)
	r, size := utf8.DecodeRuneInString(s.text[i:])
	if !strings.ContainsRune(citeOpeners, r) {
		return 0, false
	}
	inner := skipBlanks(s.text, i+size)
	if start, end, ok := s.docNumberAt(inner); ok {
		c.DocNumber = s.text[start:end]
		c.Key, _ = NormalizeDocNumber(c.DocNumber)
		c.End = end
		j := skipBlanks(s.text, end)
		r, size = utf8.DecodeRuneInString(s.text[j:])
		switch {
		case strings.ContainsRune(citeClosers, r):
			c.End = j + size
			return c.End, true
		case strings.ContainsRune("，,、；;", r):
			if aliasEnd, ok := s.aliasDefinition(skipBlanks(s.text, j+size), *c); ok {
				return aliasEnd, true
			}
		}
		return c.End, true
	}
	if aliasEnd, ok := s.aliasDefinition(inner, *c); ok {
		return aliasEnd, true
	}
	return 0, false
}

// docNumberAt reads a 文号 or 令 number at i, after words such as 见 that may lead into it, and
// returns where it starts and ends.
func (s *scanner) docNumberAt(i int) (start, end int, ok bool) {
	run, rest := takeWhile(s.text[i:], isHan)
	if run == "" {
		return 0, 0, false
	}
	after := i + len(run)
	if _, _, n, err := parseYearSeq(rest); err == nil {
		start, ok = issuerBefore(s.text, after, i, false)
		end = after + n
	} else if j := strings.Index(run, "令"); j >= 0 {
		end, ok = s.orderTail(i + j + len("令"))
		if ok {
			start, ok = issuerBefore(s.text, i+j+len("令"), i, true)
		}
	}
	if !ok {
		return 0, 0, false
	}
	_, ok = NormalizeDocNumber(s.text[start:end])
	return start, end, ok
}

// aliasDefinition reads "以下简称《X》" up to the closing bracket and records X as a name for c.
func (s *scanner) aliasDefinition(i int, c Citation) (int, bool) {
	rest := s.text[i:]
	var ok bool
	for _, lead := range []string{"以下简称", "以下称", "下称", "简称"} {
		if rest, ok = strings.CutPrefix(rest, lead); ok {
			break
		}
	}
	if !ok {
		return 0, false
	}
	rest = strings.TrimLeft(rest, "：: \u3000")
	name, tail, ok := quotedName(rest)
	if !ok {
		// Unquoted: "（以下简称组织法）" runs to the closing bracket.
		j := strings.IndexAny(rest, "）)")
		if j <= 0 {
			return 0, false
		}
		name, tail = rest[:j], rest[j:]
	}
	name = strings.TrimFunc(name, isBlank)
	if name == "" || utf8.RuneCountInString(name) > maxAliasRunes || strings.ContainsAny(name, "\n《》") {
		return 0, false
	}
	c.Start, c.End, c.Alias = 0, 0, ""
	s.f.aliases[name] = c
	end := len(s.text) - len(tail)
	if r, size := utf8.DecodeRuneInString(tail); strings.ContainsRune(citeClosers, r) {
		end += size
	}
	return end, true
}

// quotedName reads 《X》, “X”, "X" or 「X」 at the start of s.
func quotedName(s string) (name, tail string, ok bool) {
	r, size := utf8.DecodeRuneInString(s)
	var closer rune
	switch {
	case r == '《':
		closer = '》'
	case strings.ContainsRune(quoteOpeners, r):
		closer = matchingQuote(r)
	default:
		return "", "", false
	}
	j := strings.IndexRune(s[size:], closer)
	if j < 0 {
		return "", "", false
	}
	return s[size : size+j], s[size+j+utf8.RuneLen(closer):], true
}

func matchingQuote(open rune) rune {
	opens, closes := []rune(quoteOpeners), []rune(quoteClosers)
	for i, r := range opens {
		if r == open {
			return closes[i]
		}
	}
	return open
}

// quotedAlias resolves “X” when X is a defined alias.
func (s *scanner) quotedAlias(i, size int) (int, bool) {
	if len(s.f.aliases) == 0 {
		return 0, false
	}
	name, tail, ok := quotedName(s.text[i:])
	if !ok {
		return 0, false
	}
	c, known := s.f.aliases[strings.TrimFunc(name, isBlank)]
	if !known {
		return 0, false
	}
	c.Alias, c.Start, c.End = name, i, len(s.text)-len(tail)
	s.add(c)
	return c.End, true
}

// bareDocNumber reads a 文号 whose year bracket starts at i, looking back for its issuer.
func (s *scanner) bareDocNumber(i int) (int, bool) {
	_, _, n, err := parseYearSeq(s.text[i:])
	if err != nil {
		return 0, false
	}
	start, ok := issuerBefore(s.text, i, s.lastEnd, false)
	if !ok {
		return 0, false
	}
	if r, _ := utf8.DecodeRuneInString(s.text[i:]); (r == '（' || r == '(') && !looksLikeIssuerCode(s.text[start:i]) {
		return 0, false // "安置房（2020）5号地块" is prose; round brackets need a code such as 中发
	}
	return s.addDocNumber(start, i+n)
}

// looksLikeIssuerCode: a short run ending the way 机关代字 do (中发, 国办函, 公通字, 民电).
func looksLikeIssuerCode(issuer string) bool {
	issuer = strings.TrimRightFunc(issuer, isBlank)
	last, _ := utf8.DecodeLastRuneInString(issuer)
	return utf8.RuneCountInString(issuer) <= 6 && strings.ContainsRune("发字函办通规复电令", last)
}

// orderNumber reads 国务院令第711号 or 主席令（第三十一号） around the 令 at i.
func (s *scanner) orderNumber(i, size int) (int, bool) {
	end, ok := s.orderTail(i + size)
	if !ok {
		return 0, false
	}
	start, ok := issuerBefore(s.text, i+size, s.lastEnd, true)
	if !ok {
		return 0, false
	}
	return s.addDocNumber(start, end)
}

// orderTail reads "第711号", " 第711号" or "（第三十一号）" after 令 and returns its end.
func (s *scanner) orderTail(i int) (int, bool) {
	j := skipBlanks(s.text, i)
	closer := ""
	if r, size := utf8.DecodeRuneInString(s.text[j:]); r == '（' || r == '(' {
		closer = map[rune]string{'（': "）", '(': ")"}[r]
		j = skipBlanks(s.text, j+size)
	}
	rest, ok := strings.CutPrefix(s.text[j:], "第")
	if !ok {
		return 0, false
	}
	number, tail := takeWhile(rest, func(r rune) bool {
		_, d := cnnum.Digit(r)
		return d || strings.ContainsRune("零〇一二三四五六七八九十百千", r)
	})
	tail, ok = strings.CutPrefix(tail, "号")
	if number == "" || !ok {
		return 0, false
	}
	if closer != "" {
		if tail, ok = strings.CutPrefix(tail, closer); !ok {
			return 0, false
		}
	}
	return len(s.text) - len(tail), true
}

func (s *scanner) addDocNumber(start, end int) (int, bool) {
	written := s.text[start:end]
	key, ok := NormalizeDocNumber(written)
	if !ok {
		return 0, false
	}
	s.add(Citation{DocNumber: written, Key: key, Start: start, End: end})
	return end, true
}

func (s *scanner) add(c Citation) {
	s.out = append(s.out, c)
	s.lastEnd = c.End
}
