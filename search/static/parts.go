package static

import (
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/gongkai/gongkai/search"
)

// part is one unit of a grouped record (search.Part), its offset in runes.
type part struct {
	anchor, section string
	rune            int
}

// decodeParts reads search's stored parts, turning byte offsets into rune
// offsets, which the client counts in.
func decodeParts(js, body string) ([]part, error) {
	ps, ok := parsePartsFast(js)
	if !ok {
		if err := json.Unmarshal([]byte(js), &ps); err != nil {
			return nil, fmt.Errorf("stored parts are not JSON: %w", err)
		}
	}
	out := make([]part, 0, len(ps))
	byteAt, runeAt := 0, 0
	for _, p := range ps {
		off := min(max(p.Offset, 0), len(body))
		if off < byteAt { // parts out of order: count from the start
			byteAt, runeAt = 0, 0
		}
		runeAt += utf8.RuneCountInString(body[byteAt:off])
		byteAt = off
		out = append(out, part{anchor: p.Anchor, section: p.Section, rune: runeAt})
	}
	return out, nil
}

// parsePartsFast parses the JSON that json.Marshal writes for []search.Part,
// several times faster than encoding/json, which was a tenth of the export's
// time. Anything else reports ok false, and encoding/json takes over.
func parsePartsFast(js string) (out []search.Part, ok bool) {
	p := &jsonScan{s: js}
	if !utf8.ValidString(js) || !p.eat('[') {
		return nil, false
	}
	if p.eat(']') {
		return nil, p.i == len(js)
	}
	for {
		var part search.Part
		if !p.eat('{') {
			return nil, false
		}
		for {
			key, ok := p.str()
			if !ok || !p.eat(':') {
				return nil, false
			}
			switch key {
			case "a":
				part.Anchor, ok = p.str()
			case "s":
				part.Section, ok = p.str()
			case "o":
				part.Offset, ok = p.num()
			default:
				return nil, false
			}
			if !ok {
				return nil, false
			}
			if p.eat('}') {
				break
			}
			if !p.eat(',') {
				return nil, false
			}
		}
		out = append(out, part)
		if p.eat(']') {
			return out, p.i == len(js)
		}
		if !p.eat(',') {
			return nil, false
		}
	}
}

type jsonScan struct {
	s string
	i int
}

func (p *jsonScan) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *jsonScan) num() (int, bool) {
	j := p.i
	for j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' {
		j++
	}
	n, err := strconv.Atoi(p.s[p.i:j])
	p.i = j
	return n, err == nil
}

// str reads a JSON string, decoding the escapes json.Marshal writes.
func (p *jsonScan) str() (string, bool) {
	if !p.eat('"') {
		return "", false
	}
	start := p.i
	for p.i < len(p.s) && p.s[p.i] != '"' && p.s[p.i] != '\\' && p.s[p.i] >= 0x20 {
		p.i++
	}
	if p.i < len(p.s) && p.s[p.i] == '"' { // no escapes: the common case
		p.i++
		return p.s[start : p.i-1], true
	}
	var b []byte
	b = append(b, p.s[start:p.i]...)
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return string(b), true
		case c < 0x20:
			return "", false
		case c != '\\':
			b = append(b, c)
			p.i++
			continue
		}
		if p.i+1 >= len(p.s) {
			return "", false
		}
		e := p.s[p.i+1]
		p.i += 2
		switch e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return "", false
			}
			if r >= 0xd800 && r < 0xdc00 && p.i+1 < len(p.s) && p.s[p.i] == '\\' && p.s[p.i+1] == 'u' {
				save := p.i
				p.i += 2
				if r2, ok := p.hex4(); ok && r2 >= 0xdc00 && r2 < 0xe000 {
					r = utf16.DecodeRune(r, r2)
				} else {
					p.i = save // not a pair: the next escape stands alone
				}
			}
			b = utf8.AppendRune(b, r)
		default:
			return "", false
		}
	}
	return "", false
}

func (p *jsonScan) hex4() (rune, bool) {
	if p.i+4 > len(p.s) {
		return 0, false
	}
	n, err := strconv.ParseUint(p.s[p.i:p.i+4], 16, 32)
	p.i += 4
	return rune(n), err == nil
}
