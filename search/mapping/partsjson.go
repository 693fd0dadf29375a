package mapping

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DecodeParts decodes a record's stored parts, the JSON json.Marshal wrote
// for []Part. It reads that exact shape directly, several times faster than
// encoding/json (a hit on a long law has dozens of parts, decoded for every
// page of hits, and the static export decodes every record's); anything else
// goes to encoding/json.
func DecodeParts(s string) ([]Part, error) {
	if ps, ok := scanParts(s); ok {
		return ps, nil
	}
	var ps []Part
	err := json.Unmarshal([]byte(s), &ps)
	return ps, err
}

// scanParts reads [{"a":…,"s":…,"o":…},…] with "s" optional, as
// json.Marshal writes it; ok is false for anything else.
func scanParts(s string) (ps []Part, ok bool) {
	ps = make([]Part, 0, strings.Count(s, `{"a":`))
	if !ScanParts(s, func(p Part) { ps = append(ps, p) }) {
		return nil, false
	}
	return ps, true
}

// ScanParts calls f for each part DecodeParts would give, in order, without
// making the slice (a hit links to one part of a record holding dozens). It
// reads only the shape json.Marshal writes: when it returns false, f may
// have seen some of the parts and the caller should use DecodeParts.
func ScanParts(s string, f func(Part)) bool {
	r := partsReader{s: s}
	if !r.lit("[") {
		return false
	}
	if r.lit("]") {
		return r.i == len(s)
	}
	for {
		var p Part
		if !r.lit(`{"a":`) || !r.str(&p.Anchor) {
			return false
		}
		if r.lit(`,"s":`) && !r.str(&p.Section) {
			return false
		}
		if !r.lit(`,"o":`) || !r.num(&p.Offset) || !r.lit("}") {
			return false
		}
		f(p)
		if r.lit("]") {
			return r.i == len(s)
		}
		if !r.lit(",") {
			return false
		}
	}
}

type partsReader struct {
	s string
	i int
}

func (r *partsReader) lit(l string) bool {
	if strings.HasPrefix(r.s[r.i:], l) {
		r.i += len(l)
		return true
	}
	return false
}

// str reads a JSON string. The escapes json.Marshal writes (\" \\ \n \r
// \t \b \f \uXXXX) mean the same in Go; any other goes to encoding/json.
func (r *partsReader) str(out *string) bool {
	if !r.lit(`"`) {
		return false
	}
	start, escaped := r.i, false
	for r.i < len(r.s) {
		switch c := r.s[r.i]; {
		case c == '\\':
			if r.i+1 >= len(r.s) || !strings.ContainsRune(`"\bfnrtu`, rune(r.s[r.i+1])) {
				return false
			}
			escaped = true
			r.i += 2
			continue
		case c == '"':
			raw := r.s[start:r.i]
			r.i++
			if !escaped {
				*out = raw
				return utf8.ValidString(raw) // encoding/json replaces bad bytes
			}
			v, err := strconv.Unquote(`"` + raw + `"`)
			*out = v
			return err == nil && utf8.ValidString(v)
		case c < 0x20:
			return false
		}
		r.i++
	}
	return false
}

// num reads an integer written without leading zeros, as JSON wants.
func (r *partsReader) num(out *int) bool {
	start := r.i
	if r.i < len(r.s) && r.s[r.i] == '-' {
		r.i++
	}
	digits := r.i
	for r.i < len(r.s) && r.s[r.i] >= '0' && r.s[r.i] <= '9' {
		r.i++
	}
	if r.i == digits || (r.s[digits] == '0' && r.i-digits > 1) {
		return false
	}
	n, err := strconv.Atoi(r.s[start:r.i])
	*out = n
	return err == nil
}
