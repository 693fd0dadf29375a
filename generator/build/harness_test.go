package build

import (
	"io/fs"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
	"golang.org/x/tools/txtar"
)

// testSite is a site described as a txtar archive, built on an in-memory filesystem.
type testSite struct {
	t   *testing.T
	fs  afero.Fs
	rep *Report
	err error
}

// testNow is the build date of every test build, so that tests do not depend on the clock.
var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// buildTxtar writes the archive's files under /site on a MemMapFs and builds it into
// /site/public.
func buildTxtar(t *testing.T, archive string, opts ...func(*Options)) *testSite {
	t.Helper()
	fs := afero.NewMemMapFs()
	writeArchive(t, fs, archive)
	return rebuild(t, fs, opts...)
}

// writeArchive writes the archive's files under /site.
func writeArchive(t *testing.T, fs afero.Fs, archive string) {
	t.Helper()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		if err := afero.WriteFile(fs, path.Join("/site", f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func rebuild(t *testing.T, fs afero.Fs, opts ...func(*Options)) *testSite {
	t.Helper()
	o := Options{SrcFs: fs, Source: "/site", Now: testNow, Workers: 2, NoIndex: true}
	for _, f := range opts {
		f(&o)
	}
	rep, err := Run(o)
	return &testSite{t: t, fs: fs, rep: rep, err: err}
}

func withIndex(o *Options) { o.NoIndex = false }

func (s *testSite) ok() *testSite {
	s.t.Helper()
	if s.err != nil {
		s.t.Fatalf("build failed: %v", s.err)
	}
	return s
}

// file returns the content of an output file, failing the test if it is missing.
func (s *testSite) file(name string) string {
	s.t.Helper()
	b, err := afero.ReadFile(s.fs, path.Join("/site/public", name))
	if err != nil {
		s.t.Fatalf("output %s: %v", name, err)
	}
	return string(b)
}

func (s *testSite) exists(name string) bool {
	ok, _ := afero.Exists(s.fs, path.Join("/site/public", name))
	return ok
}

// contains asserts that an output file contains every string.
func (s *testSite) contains(name string, want ...string) {
	s.t.Helper()
	got := s.file(name)
	for _, w := range want {
		if !strings.Contains(got, w) {
			s.t.Errorf("%s does not contain %q", name, w)
		}
	}
}

// lacks asserts that an output file contains none of the strings.
func (s *testSite) lacks(name string, unwanted ...string) {
	s.t.Helper()
	got := s.file(name)
	for _, w := range unwanted {
		if strings.Contains(got, w) {
			s.t.Errorf("%s contains %q", name, w)
		}
	}
}

// everyFile calls f for every output file with its content.
func (s *testSite) everyFile(f func(name, content string)) {
	s.t.Helper()
	err := afero.Walk(s.fs, "/site/public", func(p string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := afero.ReadFile(s.fs, p)
		if err != nil {
			return err
		}
		f(strings.TrimPrefix(p, "/site/public/"), string(b))
		return nil
	})
	if err != nil {
		s.t.Fatal(err)
	}
}

// writeFile writes a source file of the site.
func writeFile(s *testSite, name, content string) error {
	return afero.WriteFile(s.fs, path.Join("/site", name), []byte(content), 0o644)
}
