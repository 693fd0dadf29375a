package static

import (
	"fmt"
	"unicode/utf8"

	"github.com/gongkai/gongkai/search/mapping"
)

// part is one unit of a grouped record (search.Part), its offset in runes.
type part struct {
	anchor, section string
	rune            int
}

// decodeParts reads search's stored parts, turning byte offsets into rune
// offsets, which the client counts in.
func decodeParts(js, body string) ([]part, error) {
	ps, err := mapping.DecodeParts(js)
	if err != nil {
		return nil, fmt.Errorf("stored parts are not JSON: %w", err)
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
