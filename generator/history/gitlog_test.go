package history

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// logOf builds git log -z output: each commit a header "hash|subject" and changes
// "M\ta.md", "R100\told\tnew".
func logOf(commits ...[]string) string {
	var sb strings.Builder
	for _, c := range commits {
		hash, subject, _ := strings.Cut(c[0], "|")
		fmt.Fprintf(&sb, "\x1e%s\x1f%s\x1f2024-01-02T03:04:05+08:00\x1f作者\x1f%s\x00", hash, hash[:3], subject)
		for i, ch := range c[1:] {
			if i == 0 {
				sb.WriteString("\n")
			}
			sb.WriteString(strings.ReplaceAll(ch, "\t", "\x00") + "\x00")
		}
	}
	return sb.String()
}

func TestParseLog(t *testing.T) {
	tests := []struct {
		name    string
		out     string
		want    []string // "hash subject: S path…" per change, "hash subject" for commits without
		wantErr string
	}{
		{"empty", "", nil, ""},
		{"commits and changes",
			logOf([]string{"ccc|合并"}, []string{"bbb|改名", "M\tcontent/a.md", "R087\tcontent/x.md\tcontent/y.md"}, []string{"aaa|首次\x1f含分隔符", "A\tcontent/x.md"}),
			[]string{"ccc 合并", "bbb 改名: M content/a.md", "bbb 改名: R content/x.md content/y.md", "aaa 首次\x1f含分隔符: A content/x.md"}, ""},
		{"Chinese path with spaces", logOf([]string{"aaa|s", "M\t内容/政策 文件.md"}), []string{"aaa s: M 内容/政策 文件.md"}, ""},
		{"status without commit", "\nM\x00a.md\x00", nil, "此处应为提交或修改状态"},
		{"unknown status", logOf([]string{"aaa|s"}) + "Q\x00a.md\x00", nil, `却是 "Q"`},
		{"rename lacks new path", logOf([]string{"aaa|s"}) + "\nR100\x00a.md\x00", nil, "缺少路径"},
		{"short header", "\x1eaaa\x1fbbb\x00", nil, "缺少哈希"},
		{"bad date", "\x1eaaa\x1fa\x1fyesterday\x1fx\x1fs\x00", nil, "不是 ISO 8601 格式"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			commits, err := parseLog([]byte(tt.out))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range commits {
				head := c.rev.Hash + " " + c.rev.Subject
				if len(c.changes) == 0 {
					got = append(got, head)
				}
				for _, ch := range c.changes {
					got = append(got, head+": "+string(ch.status)+" "+strings.Join(ch.paths, " "))
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestFollow(t *testing.T) {
	out := logOf(
		[]string{"eee|re-added", "A\tp/a.md"},
		[]string{"ddd|deleted", "D\tp/a.md"},
		[]string{"ccc|moved", "R100\tq/b.md\tp/b.md", "M\tp/a.md"},
		[]string{"bbb|edited", "M\tq/b.md", "M\tq/other.md"},
		[]string{"aaa|created", "A\tq/b.md", "A\tp/a.md"},
	)
	commits, err := parseLog([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	got := follow(commits, []string{"a.md", "b.md", "gone.md"}, "p/")
	show := func(revs []Revision) []string {
		var s []string
		for _, r := range revs {
			s = append(s, r.Hash+":"+r.Path)
		}
		return s
	}
	// a.md was deleted and added again: its history starts at the re-add. b.md came from q/,
	// outside the directory Load was given, so its history stops at the move.
	if want := []string{"eee:a.md"}; !slices.Equal(show(got["a.md"]), want) {
		t.Errorf("a.md: %q, want %q", show(got["a.md"]), want)
	}
	if want := []string{"ccc:b.md"}; !slices.Equal(show(got["b.md"]), want) {
		t.Errorf("b.md: %q, want %q", show(got["b.md"]), want)
	}
	got = follow(commits, []string{"p/b.md"}, "")
	if want := []string{"ccc:p/b.md", "bbb:q/b.md", "aaa:q/b.md"}; !slices.Equal(show(got["p/b.md"]), want) {
		t.Errorf("p/b.md from the top: %q, want %q", show(got["p/b.md"]), want)
	}
}

func TestParseStatus(t *testing.T) {
	out := " M content/a.md\x00?? content/新 文件.md\x00R  content/new.md\x00content/old.md\x00bad\x00"
	want := []string{"content/a.md", "content/新 文件.md", "content/new.md"}
	if got := parseStatus([]byte(out)); !slices.Equal(got, want) {
		t.Errorf("parseStatus = %q, want %q", got, want)
	}
}

func TestCommonDir(t *testing.T) {
	tests := []struct {
		paths []string
		want  string
	}{
		{[]string{"content/policies/a.md"}, "content/policies"},
		{[]string{"content/policies/a.md", "content/policies/b.md"}, "content/policies"},
		{[]string{"content/policies/a.md", "content/disclosures/b.md"}, "content"},
		{[]string{"content/p/a.md", "contents/b.md"}, "."},
		{[]string{"a.md", "content/b.md"}, "."},
	}
	for _, tt := range tests {
		if got := commonDir(tt.paths); got != tt.want {
			t.Errorf("commonDir(%q) = %q, want %q", tt.paths, got, tt.want)
		}
	}
}

func TestCheckPath(t *testing.T) {
	for _, p := range []string{"content/a.md", "a.md", "内容/政策 文件.md"} {
		if err := checkPath(p); err != nil {
			t.Errorf("checkPath(%q): %v", p, err)
		}
	}
	for _, p := range []string{"", "/a.md", "../a.md", "..", "a/../b.md", "./a.md", "a//b.md", "a/", "a\\b.md", "a\nb.md"} {
		if err := checkPath(p); err == nil {
			t.Errorf("checkPath(%q) accepted", p)
		}
	}
}

func FuzzParseLog(f *testing.F) {
	f.Add([]byte(logOf([]string{"bbb|s", "M\ta.md", "R100\ta.md\tb.md"}, []string{"aaa|t", "A\ta.md"})))
	f.Add([]byte("\x1e\x1f\x1f\x1f\x1f\x00\nR\x00"))
	f.Fuzz(func(t *testing.T, out []byte) {
		commits, err := parseLog(out)
		if err != nil {
			return
		}
		for _, c := range commits {
			for _, ch := range c.changes {
				if len(ch.paths) == 0 {
					t.Fatalf("change without a path in %q", out)
				}
			}
		}
		follow(commits, []string{"a.md", "b.md"}, "")
		parseStatus(out)
	})
}
