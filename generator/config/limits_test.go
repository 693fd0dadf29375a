package config

import (
	"strings"
	"testing"
)

func TestLimits(t *testing.T) {
	for _, tc := range []struct {
		yaml string
		want Limits
		err  string
	}{
		{"", DefaultLimits(), ""},
		{"limits: {page_size: 2MB, line_length: 512kb, data_file_size: 1048576, unzipped_size: 1G, front_matter_depth: 8}",
			Limits{PageSize: 2 << 20, LineLength: 512 << 10, DataFileSize: 1 << 20, UnzippedSize: 1 << 30, FrontMatterDepth: 8}, ""},
		{"limits: {page_size: 1 MB}", func() Limits { l := DefaultLimits(); l.PageSize = 1 << 20; return l }(), ""},
		{"limits: {page_size: lots}", Limits{}, `site.yaml:1: "lots" 不是大小`},
		{"limits: {page_size: -5}", Limits{}, "不是大小"},
		{"limits: {page_size: 99999999999GB}", Limits{}, "不是大小"},
		{"limits: {pagesize: 1MB}", Limits{}, `未知的键 "pagesize"`},
	} {
		cfg, err := Parse("site.yaml", []byte(tc.yaml))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: err = %v, want %q", tc.yaml, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.yaml, err)
			continue
		}
		if cfg.Limits != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.yaml, cfg.Limits, tc.want)
		}
	}
	if got := Raise("page_size", ByteSize(3<<20+1)); !strings.Contains(got, "page_size: 4MB") {
		t.Errorf("Raise = %q", got)
	}
}
