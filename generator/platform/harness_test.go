package platform

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
	"golang.org/x/tools/txtar"
)

// testNow is the time of every test build: 2026-11-23, when the 镇 低保 list (11-18 to 11-25)
// and the 社区 third-quarter accounts (11-20 to 12-20) are on notice and the second quarter's
// (08-10 to 08-20) is not.
var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// testPlatform is testdata/platform (and any txtar changes) on a MemMapFs under /p.
type testPlatform struct {
	t  *testing.T
	fs afero.Fs
}

func newTestPlatform(t *testing.T, archive string) *testPlatform {
	t.Helper()
	p := &testPlatform{t: t, fs: afero.NewMemMapFs()}
	src := filepath.Join("..", "..", "testdata", "platform")
	err := filepath.WalkDir(src, func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, file)
		return afero.WriteFile(p.fs, path.Join("/p", filepath.ToSlash(rel)), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	p.write(archive)
	return p
}

// write writes the archive's files under /p; an empty file is removed.
func (p *testPlatform) write(archive string) {
	p.t.Helper()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		name := path.Join("/p", f.Name)
		if len(f.Data) == 0 {
			if err := p.fs.Remove(name); err != nil {
				p.t.Fatal(err)
			}
			continue
		}
		if err := afero.WriteFile(p.fs, name, f.Data, 0o644); err != nil {
			p.t.Fatal(err)
		}
	}
}

func (p *testPlatform) opts(more ...func(*Options)) Options {
	o := Options{Fs: p.fs, Root: "/p", Now: testNow, NoIndex: true, Tool: "test"}
	for _, f := range more {
		f(&o)
	}
	return o
}

func (p *testPlatform) build(more ...func(*Options)) (*Report, error) {
	p.t.Helper()
	return Build(p.opts(more...))
}

func (p *testPlatform) mustBuild(more ...func(*Options)) *Report {
	p.t.Helper()
	rep, err := p.build(more...)
	if err != nil {
		p.t.Fatalf("platform build failed: %v", err)
	}
	return rep
}

// file is an output file under /p/public.
func (p *testPlatform) file(name string) string {
	p.t.Helper()
	b, err := afero.ReadFile(p.fs, path.Join("/p/public", name))
	if err != nil {
		p.t.Fatalf("output %s: %v", name, err)
	}
	return string(b)
}

func (p *testPlatform) contains(name string, want ...string) {
	p.t.Helper()
	got := p.file(name)
	for _, w := range want {
		if !strings.Contains(got, w) {
			p.t.Errorf("%s does not contain %q", name, w)
		}
	}
}

func (p *testPlatform) lacks(name string, unwanted ...string) {
	p.t.Helper()
	got := p.file(name)
	for _, w := range unwanted {
		if strings.Contains(got, w) {
			p.t.Errorf("%s contains %q", name, w)
		}
	}
}

// statuses is each site's status in a report, "name=status" joined by spaces.
func statuses(rep *Report) string {
	var out []string
	for _, s := range rep.Sites {
		out = append(out, s.Name+"="+string(s.Status))
	}
	return strings.Join(out, " ")
}

// tree is every file under dir with its content, lock files left out (they stay beside the
// folders they lock, whoever built them).
func tree(t *testing.T, afs afero.Fs, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := afero.Walk(afs, dir, func(file string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() || strings.HasSuffix(file, ".gongkai-lock") {
			return err
		}
		b, err := afero.ReadFile(afs, file)
		if err != nil {
			return err
		}
		out[strings.TrimPrefix(file, dir+"/")] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
