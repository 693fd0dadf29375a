package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/generator/frontmatter"
	"github.com/spf13/pflag"
)

// The README is what a new user follows, so its commands and its site.yaml are run here as
// written: when the README or the commands drift apart, this fails.

const (
	readmeStart = "<!-- readme-test:start"
	readmeEnd   = "<!-- readme-test:end -->"
)

// readmeSection returns the part of README.md between the readme-test markers.
func readmeSection(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i, j := strings.Index(s, readmeStart), strings.Index(s, readmeEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q section", readmeStart, readmeEnd)
	}
	return s[i:j]
}

// fencedBlocks returns the contents of the ```lang blocks in s, in order.
func fencedBlocks(s, lang string) []string {
	re := regexp.MustCompile("(?s)```" + lang + "\n(.*?)```")
	var out []string
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// readmeCommands returns the gongkai command lines of the section's shell blocks, comments cut.
func readmeCommands(section string) [][]string {
	var cmds [][]string
	for _, block := range fencedBlocks(section, "sh") {
		for _, line := range strings.Split(block, "\n") {
			line, _, _ = strings.Cut(line, "#")
			f := strings.Fields(line)
			if len(f) > 0 && f[0] == "gongkai" {
				cmds = append(cmds, f[1:])
			}
		}
	}
	return cmds
}

// runGongkai runs one command line as the binary would, failing the test on an error.
func runGongkai(t *testing.T, args []string) string {
	t.Helper()
	out, err := execGongkai(args...)
	if err != nil {
		t.Fatalf("gongkai %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// execGongkai runs one command line through a fresh root command, and returns what it wrote
// (stdout and stderr together) and its error.
func execGongkai(args ...string) (string, error) {
	root := rootCmd()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), err
}

// TestReadmeStartYourOwnSite follows "Start your own site" in a new folder: site.yaml from the
// README, the Word document imported with the README's command, its draft line deleted as the
// README says, then every other gongkai command of the section (serve, which does not return,
// is left to serve_test.go). The imported policy must be a page of the built site.
func TestReadmeStartYourOwnSite(t *testing.T) {
	section := readmeSection(t)
	yamls := fencedBlocks(section, "yaml")
	if len(yamls) != 1 {
		t.Fatalf("README's start-your-own-site section has %d yaml blocks, want the one site.yaml", len(yamls))
	}
	cmds := readmeCommands(section)
	var names []string
	for _, c := range cmds {
		names = append(names, c[0])
	}
	for _, want := range []string{"import", "check", "build"} {
		if !strings.Contains(" "+strings.Join(names, " ")+" ", " "+want+" ") {
			t.Fatalf("README's five steps have no `gongkai %s` (commands: %v)", want, names)
		}
	}
	docx, err := filepath.Abs("testdata/readme/notice.docx")
	if err != nil {
		t.Fatal(err)
	}

	site := filepath.Join(t.TempDir(), "my-gongkai")
	if err := os.MkdirAll(site, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "site.yaml"), []byte(yamls[0]), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(site)

	imported := ""
	for _, args := range cmds {
		if args[0] == "serve" {
			continue
		}
		for i, a := range args {
			if strings.HasSuffix(a, ".docx") {
				args[i] = docx // the README's path stands for the user's own Word file
			}
		}
		out := runGongkai(t, args)
		if args[0] != "import" {
			continue
		}
		m := regexp.MustCompile(`(?:Wrote|已写入) (\S+\.md)[ （(]+draft: true`).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("gongkai import did not say which file it wrote:\n%s", out)
		}
		imported = m[1]
		src, err := os.ReadFile(imported)
		if err != nil {
			t.Fatal(err)
		}
		// README step 3: "delete the line draft: true".
		undrafted := strings.Replace(string(src), "draft: true\n", "", 1)
		if undrafted == string(src) {
			t.Fatalf("%s has no line `draft: true` for the reader to delete:\n%s", imported, src)
		}
		if err := os.WriteFile(imported, []byte(undrafted), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if imported == "" {
		t.Fatal("no import ran")
	}

	rel, err := filepath.Rel(filepath.Join("content"), imported)
	if err != nil {
		t.Fatal(err)
	}
	page := filepath.Join("public", strings.TrimSuffix(rel, ".md"), "index.html")
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatalf("the imported policy was not published: %v", err)
	}
	for _, want := range []string{
		"某某县人民政府办公室关于做好2026年城乡居民最低生活保障工作的通知", // title from the Word header
		"某政办发〔2026〕3号", // 文号
		"（一）做到应保尽保",    // body text
		"某某省某某县人民路1号",  // organization address from the README's site.yaml
	} {
		if !strings.Contains(string(html), want) {
			t.Errorf("%s lacks %q", page, want)
		}
	}
}

// TestReadmeListsEveryFlag keeps the README's command table complete: a row for every command,
// naming every flag it takes (serve and check may say "the flags of `build`" for those).
func TestReadmeListsEveryFlag(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if m := regexp.MustCompile("^\\| `gongkai ([a-z]+)").FindStringSubmatch(line); m != nil {
			rows[m[1]] = line
		}
	}
	root := rootCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Hidden || c.Name() == "help" {
			continue
		}
		row, ok := rows[c.Name()]
		if !ok {
			t.Errorf("README's command table has no row for `gongkai %s`", c.Name())
			continue
		}
		if c.Name() == "completion" {
			continue
		}
		ofBuild := strings.Contains(row, "the flags of `build`")
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Hidden || f.Name == "help" {
				return
			}
			if strings.Contains(row, "--"+f.Name+" ") || strings.Contains(row, "--"+f.Name+"`") {
				return
			}
			if ofBuild && buildCmd().Flags().Lookup(f.Name) != nil && strings.Contains(rows["build"], "--"+f.Name) {
				return
			}
			t.Errorf("README's row for `gongkai %s` lacks --%s", c.Name(), f.Name)
		})
	}
}

// TestContentDocListsEveryKey keeps docs/content.md, which the README sends readers to for the
// fields of each page type, in step with the keys the build reads: every key must be named in
// the first column of one of its tables.
func TestContentDocListsEveryKey(t *testing.T) {
	data, err := os.ReadFile("docs/content.md")
	if err != nil {
		t.Fatal(err)
	}
	named := map[string]bool{}
	word := regexp.MustCompile(`[A-Za-z_]+`)
	for _, line := range strings.Split(string(data), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 || !strings.HasPrefix(line, "|") {
			continue
		}
		for _, w := range word.FindAllString(cells[1], -1) {
			named[w] = true
		}
	}
	for typ, keys := range frontmatter.Keys {
		for _, k := range keys {
			if !named[k] {
				t.Errorf("docs/content.md has no table row for the %q key %s", typ, k)
			}
		}
	}
}
