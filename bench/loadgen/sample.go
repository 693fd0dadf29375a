package main

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"sort"
	"strings"
	"unicode"

	"github.com/spf13/afero"
)

// sampleSubstrings returns n runs of 2–6 consecutive Han characters, each from a random
// Markdown file under dir at a random place, so every query exists in the corpus and most are
// distinct. The lengths are uniform over 2–6 where the run is long enough.
func sampleSubstrings(afs afero.Fs, dir string, n int, rng *rand.Rand) ([]string, error) {
	var files []string
	err := afero.Walk(afs, dir, func(path string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !info.IsDir() && strings.HasSuffix(path, ".md") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("-random: reading the corpus %s: %v (set -corpus)", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("-random: no .md files under %s (set -corpus)", dir)
	}
	sort.Strings(files) // the walk order is already sorted; this keeps -seed reproducible regardless
	texts := map[string][]rune{}
	out := make([]string, 0, n)
	for tries := 0; len(out) < n && tries < 100*n; tries++ {
		path := files[rng.IntN(len(files))]
		rs, ok := texts[path]
		if !ok {
			data, err := afero.ReadFile(afs, path)
			if err != nil {
				return nil, fmt.Errorf("-random: %v", err)
			}
			rs = []rune(string(data))
			texts[path] = rs
		}
		if s, ok := hanRunAt(rs, rng.IntN(len(rs)+1), 2+rng.IntN(5)); ok {
			out = append(out, s)
		}
	}
	if len(out) < n {
		return nil, fmt.Errorf("-random: found only %d Han substrings in %s", len(out), dir)
	}
	return out, nil
}

// hanRunAt returns want Han characters from the first Han character at or after at, fewer
// when the run ends sooner; ok is false when fewer than 2 are left (the caller picks another
// place).
func hanRunAt(rs []rune, at, want int) (string, bool) {
	for at < len(rs) && !unicode.Is(unicode.Han, rs[at]) {
		at++
	}
	end := at
	for end < len(rs) && end-at < want && unicode.Is(unicode.Han, rs[end]) {
		end++
	}
	if end-at < 2 {
		return "", false
	}
	return string(rs[at:end]), true
}
