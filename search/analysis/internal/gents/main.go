//go:build gents

// Command gents writes search/analysis/tsfold_table.go, the table that folds
// traditional Chinese characters to simplified ones, from OpenCC's
// dictionaries as the Go module github.com/longbridgeapp/opencc ships them.
// Run it with `go generate ./search/analysis`. The build tag gents keeps it
// out of `go build ./...` and `go test ./...`: gongkai's build only reads the
// generated file and never needs the module's data or a network.
//
// A character is folded only when folding it cannot change simplified text:
//
//   - OpenCC maps it (TSCharacters) to exactly one character, so the fold is
//     one-to-one and keeps positions and offsets;
//   - it is never itself a simplified form: not a value in TSCharacters (乾
//     → 干 乾, 於 → 于 於), not in a simplified phrase of TSPhrases (哪吒,
//     毕昇), not a key of STCharacters (后, 发, 干 are simplified
//     characters in their own right), and not a character of GB 2312, the
//     simplified character set (捱, 甯, 榘 are written in simplified text
//     too; this also keeps 後, 菸, 摺, 醣 as they are). STPhrases keys are
//     not used: OpenCC lists traditional phrases there too, to keep them as
//     they are (索馬里);
//   - both characters are in CJK Unified Ideographs (U+4E00–U+9FFF). This
//     keeps every common character and drops OpenCC's simplifications into
//     the extension blocks (鑪 → 𬬻), which no input method offers and most
//     fonts cannot show; it also makes the fold keep UTF-8 lengths and
//     leaves tokenizing unchanged, as every character of the block is a word
//     of its own to bleve's tokenizer.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const module = "github.com/longbridgeapp/opencc"

// dict is what gents needs of OpenCC's dictionaries (liuzl/da's Dict).
type dict interface {
	PrefixMatch(string) (map[string][]string, error)
}

func main() {
	out := flag.String("o", "tsfold_table.go", "file to write")
	flag.Parse()
	pairs, stats, err := table()
	if err != nil {
		log.Fatal(err)
	}
	src, err := render(pairs, stats)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("gents: %s: %d pairs (%s)", *out, len(pairs), stats)
}

// group returns the dictionary named file (such as "TSCharacters.ocd2") of
// an OpenCC conversion.
func group(cc *opencc.OpenCC, file string) (*opencc.Group, int, error) {
	for _, g := range cc.DictChains {
		if i := slices.Index(g.Files, file); i >= 0 {
			return g, i, nil
		}
	}
	return nil, 0, fmt.Errorf("gents: %s has no dictionary %s; the module's layout changed", cc.Conversion, file)
}

func lookup(d dict, r rune) ([]string, bool) {
	m, err := d.PrefixMatch(string(r))
	if err != nil {
		log.Fatal(err)
	}
	v, ok := m[string(r)]
	return v, ok
}

func isURO(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

func table() (pairs [][2]rune, stats string, err error) {
	t2s, err := opencc.New("t2s")
	if err != nil {
		return nil, "", err
	}
	s2t, err := opencc.New("s2t")
	if err != nil {
		return nil, "", err
	}
	tsg, tsi, err := group(t2s, "TSCharacters.ocd2")
	if err != nil {
		return nil, "", err
	}
	tpg, tpi, err := group(t2s, "TSPhrases.ocd2")
	if err != nil {
		return nil, "", err
	}
	stg, sti, err := group(s2t, "STCharacters.ocd2")
	if err != nil {
		return nil, "", err
	}
	ts, st := tsg.Dicts[tsi], stg.Dicts[sti]

	simplified := map[rune]bool{}
	for _, vs := range tpg.Dicts[tpi].Values {
		for _, v := range vs {
			for _, c := range v {
				simplified[c] = true
			}
		}
	}
	keys := map[rune][]string{}
	for r := rune(0x2E80); r <= 0x3FFFF; r++ {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		if vs, ok := lookup(ts, r); ok {
			keys[r] = vs
			for _, v := range vs {
				for _, c := range v {
					simplified[c] = true
				}
			}
		}
		if _, ok := lookup(st, r); ok {
			simplified[r] = true
		}
	}
	gb, err := gb2312()
	if err != nil {
		return nil, "", err
	}
	var several, selfSimplified, inGB, outside int
	for r, vs := range keys {
		s := []rune(strings.Join(vs, ""))
		switch {
		case len(vs) != 1 || len(s) != 1:
			several++
		case simplified[r]:
			selfSimplified++
		case gb[r]:
			inGB++
		case !isURO(r) || !isURO(s[0]):
			outside++
		case s[0] != r:
			if got, err := t2s.Convert(string(r)); err != nil || got != string(s) {
				return nil, "", fmt.Errorf("gents: t2s converts %c to %q, TSCharacters says %c", r, got, s[0])
			}
			pairs = append(pairs, [2]rune{r, s[0]})
		}
	}
	slices.SortFunc(pairs, func(a, b [2]rune) int { return int(a[0] - b[0]) })
	stats = fmt.Sprintf("OpenCC's %d TSCharacters entries, %d with several candidates, %d themselves simplified forms, %d in GB 2312 and %d outside U+4E00–U+9FFF are left out",
		len(keys), several, selfSimplified, inGB, outside)
	return pairs, stats, nil
}

// gb2312 returns the 6,763 Han characters of GB 2312 (rows 16 to 87).
func gb2312() (map[rune]bool, error) {
	dec := simplifiedchinese.HZGB2312.NewDecoder()
	set := map[rune]bool{}
	for hi := byte(0x30); hi <= 0x77; hi++ {
		for lo := byte(0x21); lo <= 0x7E; lo++ {
			out, err := dec.Bytes([]byte{'~', '{', hi, lo, '~', '}'})
			if rs := []rune(string(out)); err == nil && len(rs) == 1 && unicode.Is(unicode.Han, rs[0]) {
				set[rs[0]] = true
			}
		}
	}
	if len(set) != 6763 {
		return nil, fmt.Errorf("gents: GB 2312 decoded to %d Han characters, want 6763", len(set))
	}
	return set, nil
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == module {
				return d.Version
			}
		}
	}
	return "(unknown version)"
}

// comment wraps text as a // comment of lines up to 76 characters.
func comment(text string) string {
	var lines []string
	line := "//"
	for _, w := range strings.Fields(text) {
		if utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > 76 {
			lines = append(lines, line)
			line = "//"
		}
		line += " " + w
	}
	return strings.Join(append(lines, line), "\n")
}

func render(pairs [][2]rune, stats string) ([]byte, error) {
	var b bytes.Buffer
	source := fmt.Sprintf("Source: OpenCC's dictionaries TSCharacters, TSPhrases and STCharacters "+
		"(https://github.com/BYVoid/OpenCC, Apache License 2.0, copyright BYVoid and the OpenCC contributors) "+
		"as shipped in the Go module %s %s (Apache License 2.0), and GB 2312 (golang.org/x/text). "+
		"internal/gents says which characters are kept: of %s.", module, version(), stats)
	fmt.Fprintf(&b, `// Code generated by "go run -tags gents ./internal/gents"; DO NOT EDIT.
//
%s

package analysis

// tsFoldPairs lists %d traditional characters, each followed by its
// simplified form, in code point order of the traditional ones.
const tsFoldPairs = "" +
`, comment(source), len(pairs))
	const perLine = 24
	for i := 0; i < len(pairs); i += perLine {
		var line strings.Builder
		for _, p := range pairs[i:min(i+perLine, len(pairs))] {
			line.WriteRune(p[0])
			line.WriteRune(p[1])
		}
		sep := " +"
		if i+perLine >= len(pairs) {
			sep = ""
		}
		fmt.Fprintf(&b, "\t%q%s\n", line.String(), sep)
	}
	return format.Source(b.Bytes())
}
