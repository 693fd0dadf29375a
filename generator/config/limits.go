package config

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Limits bound what one source file may cost the build, so that a careless export or a hostile
// file fails in seconds with a message instead of filling the memory of the machine that builds.
// Each can be raised in site.yaml under `limits:`; sizes take a number of bytes or a number with
// KB, MB or GB (powers of 1024).
type Limits struct {
	// PageSize is the largest Markdown file read as a page.
	PageSize ByteSize `yaml:"page_size"`
	// LineLength is the longest line a page may have. Text without line breaks is what Word
	// exports and scrapers produce; one line of many megabytes is almost always a mistake.
	LineLength ByteSize `yaml:"line_length"`
	// FrontMatterDepth is how deeply lists and mappings may nest in front matter.
	FrontMatterDepth int `yaml:"front_matter_depth"`
	// DataFileSize is the largest duties_file (CSV or xlsx) as it is on disk.
	DataFileSize ByteSize `yaml:"data_file_size"`
	// UnzippedSize is the most an xlsx or docx read as a duties_file or imported may expand to.
	UnzippedSize ByteSize `yaml:"unzipped_size"`
}

// DefaultLimits let the largest documents of a law corpus build (a few MB each) with room to
// spare, and stop a zip bomb before it expands.
func DefaultLimits() Limits {
	return Limits{
		PageSize:         16 << 20,
		LineLength:       1 << 20,
		FrontMatterDepth: 32,
		DataFileSize:     32 << 20,
		UnzippedSize:     128 << 20,
	}
}

// WithDefaults fills the limits site.yaml leaves out.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits()
	if l.PageSize <= 0 {
		l.PageSize = d.PageSize
	}
	if l.LineLength <= 0 {
		l.LineLength = d.LineLength
	}
	if l.FrontMatterDepth <= 0 {
		l.FrontMatterDepth = d.FrontMatterDepth
	}
	if l.DataFileSize <= 0 {
		l.DataFileSize = d.DataFileSize
	}
	if l.UnzippedSize <= 0 {
		l.UnzippedSize = d.UnzippedSize
	}
	return l
}

// Raise is the hint every limit error ends with: which key of site.yaml to raise, and to what.
func Raise(key string, value any) string {
	if b, ok := value.(ByteSize); ok {
		value = b.RoundUp()
	}
	return fmt.Sprintf("如确属需要，可在 site.yaml 中提高上限，例如 `limits: {%s: %v}`", key, value)
}

// ByteSize is a size in bytes, written in site.yaml as 1048576, 1024KB, 1MB or 1GB.
type ByteSize int64

// UnmarshalYAML reads a number of bytes, or a number followed by KB, MB or GB.
func (b *ByteSize) UnmarshalYAML(n *yaml.Node) error {
	s := strings.ToUpper(strings.TrimSpace(n.Value))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v <= 0 || v > (1<<50)/mult {
		return fmt.Errorf("line %d: %q 不是大小；写字节数，或如 16MB", n.Line, n.Value)
	}
	*b = ByteSize(v * mult)
	return nil
}

// String writes the size as people read it: 16MB, 512KB, 100 bytes.
func (b ByteSize) String() string {
	switch {
	case b >= 1<<30 && b%(1<<30) == 0:
		return fmt.Sprintf("%dGB", b>>30)
	case b >= 1<<20 && b%(1<<20) == 0:
		return fmt.Sprintf("%dMB", b>>20)
	case b >= 1<<10 && b%(1<<10) == 0:
		return fmt.Sprintf("%dKB", b>>10)
	case b >= 1<<20:
		return fmt.Sprintf("%.1fMB", float64(b)/(1<<20))
	}
	return fmt.Sprintf("%d 字节", int64(b))
}

// RoundUp is a size at least b in whole MB (or KB below a MB), to suggest as a new limit.
func (b ByteSize) RoundUp() ByteSize {
	if b < 1<<20 {
		return (b + 1<<10 - 1) &^ (1<<10 - 1)
	}
	return (b + 1<<20 - 1) &^ (1<<20 - 1)
}
