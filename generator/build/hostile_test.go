package build

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/gongkai/gongkai/generator/privacy"
	"github.com/gongkai/gongkai/search/index"
	"github.com/gongkai/gongkai/search/static"
	"github.com/spf13/afero"
	"golang.org/x/tools/txtar"
)

// The hostile corpus (testdata/hostile/*.txtar at the repository root) holds sites built to leak:
// personal numbers spelt every way, drafts, markers that must never be published. Each is built on
// the OS filesystem with its search index, and then every byte the build left anywhere in the
// site folder is searched for the planted strings: file and folder names, file contents (gzip
// decompressed), every stored field of every document of the bleve index and every record of the
// static packs. A planted number is also looked for with separators and markup stripped, so that a
// number published split (138<b>1234</b>5678, 138 1234 5678) is still found.
//
// Header lines of an archive, before its first file:
//
//	expect: ok | error
//	error: <substring the build error must contain>   (repeatable)
//	planted: TOKEN ...                                 (repeatable)
//	exact: TOKEN ...                                   (repeatable: looked for as written only, for
//	                                                    text whose harmless form differs by one mark,
//	                                                    such as a formula defused by an apostrophe)
//
// A planted string an `error:` line names is the build's own message (it quotes the line it
// refuses), so the error may show it.
func TestHostileCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "hostile", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no testdata/hostile/*.txtar at the repository root")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runHostile(t, file)
		})
	}
}

type hostileCase struct {
	expectOK bool
	errors   []string
	planted  []string
	exact    []string
}

func parseHostile(t *testing.T, ar *txtar.Archive) hostileCase {
	var c hostileCase
	expect := ""
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		if i := strings.Index(value, " #"); i >= 0 {
			value = value[:i]
		}
		value = strings.TrimSpace(value)
		switch strings.TrimSpace(key) {
		case "expect":
			expect = value
		case "error":
			c.errors = append(c.errors, value)
		case "planted":
			c.planted = append(c.planted, strings.Fields(value)...)
		case "exact":
			c.exact = append(c.exact, strings.Fields(value)...)
		}
	}
	switch expect {
	case "ok":
		c.expectOK = true
	case "error":
	default:
		t.Fatalf("header needs `expect: ok` or `expect: error`, got %q", expect)
	}
	return c
}

func runHostile(t *testing.T, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	ar := txtar.Parse(data)
	c := parseHostile(t, ar)
	root := t.TempDir()
	site := filepath.Join(root, "site")
	sources := map[string]bool{} // source files and their folders: their names are the input
	for _, f := range ar.Files {
		p := filepath.Join(site, filepath.FromSlash(f.Name))
		for d := p; d != root && d != "/"; d = filepath.Dir(d) {
			sources[d] = true
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		sources[p] = true
	}
	_, err = Run(Options{SrcFs: afero.NewOsFs(), Source: site, Now: testNow, Workers: 2})
	switch {
	case c.expectOK && err != nil:
		t.Errorf("build failed, want ok: %v", err)
	case !c.expectOK && err == nil:
		t.Errorf("build succeeded, want an error")
	case !c.expectOK:
		for _, want := range c.errors {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("the error does not say %q:\n%v", want, err)
			}
		}
	}
	if err != nil {
		for _, p := range c.planted {
			// A number in a source's name has to be shown for staff to find the file.
			inName := false
			for _, f := range ar.Files {
				inName = inName || strings.Contains(f.Name, p)
			}
			for _, e := range c.errors {
				inName = inName || strings.Contains(e, p)
			}
			if !inName && strings.Contains(err.Error(), p) {
				t.Errorf("the error message shows planted %q", p)
			}
		}
	}
	g := newLeakGrep(c.planted, c.exact)
	// Everything the build left in the site folder and beside it, sources excepted.
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == root {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if sources[p] {
			return nil
		}
		g.check(t, rel, "name", []byte(d.Name()), privacy.Text)
		if d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		g.checkFile(t, rel, b)
		return nil
	})
	g.checkIndex(t, filepath.Join(site, "public", IndexPath))
	g.checkStatic(t, filepath.Join(site, "public", StaticPath))
}

type leakGrep struct {
	planted  []string
	stripped []string // planted with separators removed, "" when too short to look for safely
}

func newLeakGrep(planted, exact []string) *leakGrep {
	g := &leakGrep{planted: planted}
	for _, p := range planted {
		s := stripSeparators(p)
		if len(s) < 8 {
			s = ""
		}
		g.stripped = append(g.stripped, s)
	}
	for _, p := range exact {
		g.planted = append(g.planted, p)
		g.stripped = append(g.stripped, "")
	}
	return g
}

// stripSeparators keeps letters, digits and Han characters, with full-width digits made ASCII.
func stripSeparators(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		case r >= '0' && r <= '9', r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r == '*', r >= 0x4e00 && r <= 0x9fff:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (g *leakGrep) checkFile(t *testing.T, rel string, b []byte) {
	t.Helper()
	if strings.HasSuffix(rel, ".gz") {
		if zr, err := gzip.NewReader(bytes.NewReader(b)); err == nil {
			if plain, err := io.ReadAll(zr); err == nil {
				inner := strings.TrimSuffix(rel, ".gz")
				f, _ := privacy.FormatOf(inner)
				g.check(t, rel, "gunzipped", plain, f)
			}
		}
	}
	f, _ := privacy.FormatOf(rel)
	g.check(t, rel, "content", b, f)
}

// check looks for every planted string in data as it is and, after markup is read and
// separators are dropped, in its text.
func (g *leakGrep) check(t *testing.T, where, what string, data []byte, f privacy.Format) {
	t.Helper()
	var stripped string
	for i, p := range g.planted {
		if bytes.Contains(data, []byte(p)) {
			t.Errorf("planted %q is published: %s (%s)", p, where, what)
			continue
		}
		if g.stripped[i] == "" {
			continue
		}
		if stripped == "" {
			text, _ := privacy.Plain(data, f)
			if f == privacy.Text {
				text, _ = privacy.Plain(data, privacy.HTML) // entities and tags in any text file
			}
			stripped = stripSeparators(string(text)) + "\x00" + stripSeparators(string(data))
		}
		if strings.Contains(stripped, g.stripped[i]) {
			t.Errorf("planted %q is published with separators or markup in between: %s (%s)", p, where, what)
		}
	}
}

// checkIndex reads every stored field of every document of the bleve index.
func (g *leakGrep) checkIndex(t *testing.T, dir string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, index.ManifestName))
	if err != nil {
		return // no index published
	}
	var man struct{ Shards []string }
	if err := json.Unmarshal(raw, &man); err != nil {
		t.Fatalf("index manifest: %v", err)
	}
	for _, name := range man.Shards {
		ix, err := bleve.OpenUsing(filepath.Join(dir, name), map[string]interface{}{"read_only": true})
		if err != nil {
			t.Fatalf("opening index shard %s: %v", name, err)
		}
		n, _ := ix.DocCount()
		req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), int(n)+1, 0, false)
		req.Fields = []string{"*"}
		res, err := ix.Search(req)
		if err != nil {
			t.Fatalf("reading index shard %s: %v", name, err)
		}
		for _, hit := range res.Hits {
			var b strings.Builder
			b.WriteString(hit.ID)
			for k, v := range hit.Fields {
				fmt.Fprintf(&b, "\n%s: %v", k, v)
			}
			g.check(t, "index "+name+" doc "+hit.ID, "stored fields", []byte(b.String()), privacy.Text)
		}
		_ = ix.Close()
	}
}

// checkStatic decodes every record of the static packs as the browser client does.
func (g *leakGrep) checkStatic(t *testing.T, dir string) {
	t.Helper()
	r, err := static.OpenReader(afero.NewOsFs(), dir)
	if err != nil {
		if _, statErr := os.Stat(dir); statErr == nil {
			t.Fatalf("static packs: %v", err)
		}
		return
	}
	for gid := 0; gid < r.Manifest().Records; gid++ {
		rec, err := r.Record(gid)
		if err != nil {
			t.Fatalf("static record %d: %v", gid, err)
		}
		g.check(t, fmt.Sprintf("static record %d", gid), "decoded", []byte(fmt.Sprintf("%+v", *rec)), privacy.Text)
	}
}
