package main

import (
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/gongkai/gongkai/generator/progress"
)

// The progress line speaks the site's language and, with the laws corpus's numbers, fits an
// 80-column terminal, where a longer line would wrap and could not be redrawn in place.
func TestProgressLineText(t *testing.T) {
	laws := progress.Snapshot{Read: 3476, Converted: 3476, Pages: 3476, Rendered: 12034, Indexed: 22167, Records: 22167, Elapsed: 15400 * time.Millisecond}
	for _, c := range []struct {
		text cliText
		want string
	}{
		{cliText{}, "已读 3476 页，已转换 3476/3476，已写 12034 个文件，已索引 22167/22167 条，15s"},
		{cliText{en: true}, "pages 3476, converted 3476/3476, files written 12034, indexed 22167/22167, 15s"},
	} {
		got := c.text.progress(laws)
		if got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
		if w := progress.Width(got); w >= 80 {
			t.Errorf("%q takes %d cells", got, w)
		}
		if c.text.en && strings.IndexFunc(got, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			t.Errorf("English line has Chinese: %q", got)
		}
	}
	early := cliText{}.progress(progress.Snapshot{Read: 12, Elapsed: time.Second})
	if want := "已读 12 页，已转换 0，已写 0 个文件，已索引 0 条，1s"; early != want {
		t.Errorf("before the totals are known: %q, want %q", early, want)
	}
}
