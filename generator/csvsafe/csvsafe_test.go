package csvsafe

import "testing"

func TestCell(t *testing.T) {
	for in, want := range map[string]string{
		"":                           "",
		"市民政局":                       "市民政局",
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`,
		"+1+cmd|' /C calc'!A0":       "'+1+cmd|' /C calc'!A0",
		"-2+3":                       "'-2+3",
		"@SUM(A1)":                   "'@SUM(A1)",
		"\t=1":                       "'\t=1",
		"\r=1":                       "'\r=1",
		"  =1+1":                     "'  =1+1",
		"\u3000＝１＋１":                 "'\u3000＝１＋１",
		"＋1":                         "'＋1",
		"－1":                         "'－1",
		"＠x":                         "'＠x",
		"-12":                        "-12",
		"+3.5":                       "+3.5",
		"-5%":                        "-5%",
		"2024-03-01":                 "2024-03-01",
		"a=b":                        "a=b",
	} {
		if got := Cell(in); got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzCell(f *testing.F) {
	f.Add("=1")
	f.Add("市民政局")
	f.Fuzz(func(t *testing.T, s string) {
		got := Cell(s)
		if got != s && got != "'"+s {
			t.Fatalf("Cell(%q) = %q: only an apostrophe may be added", s, got)
		}
	})
}
