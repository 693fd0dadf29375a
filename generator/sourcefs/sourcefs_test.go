package sourcefs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestConfinement(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	os.MkdirAll(filepath.Join(site, "content/sub"), 0o755)
	os.WriteFile(filepath.Join(site, "content/a.md"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(dir, "outside.txt"), []byte("secret"), 0o644)
	links := map[string]string{
		"content/in.md":      "a.md",
		"content/abs.md":     filepath.Join(site, "content/a.md"),
		"content/out.txt":    "../../outside.txt",
		"content/loop1":      "loop2",
		"content/loop2":      "loop1",
		"content/dir":        "sub",
		"content/etc":        "/etc/ssl",
		"content/sub/up.txt": "../../../outside.txt",
	}
	for l, target := range links {
		if err := os.Symlink(target, filepath.Join(site, l)); err != nil {
			t.Fatal(err)
		}
	}
	fs := New(afero.NewOsFs(), site)
	for name, want := range map[string]string{
		"content/a.md":          "",
		"content/in.md":         "",
		"content/abs.md":        "",
		"content/dir/../a.md":   "",
		"content/missing.md":    "no such file",
		"content/out.txt":       "符号链接指向站点之外（../../outside.txt）",
		"content/sub/up.txt":    "符号链接指向站点之外",
		"content/loop1":         "符号链接层数过多",
		"content/../../outside": "路径在站点文件夹之外",
		// The kernel would follow etc to /etc/ssl, then go up to /etc/passwd.
		"content/etc/../passwd": "no such file",
	} {
		f, err := fs.Open(site + "/" + name) // not Join: it would clean the name
		if f != nil {
			f.Close()
		}
		got := ""
		if err != nil {
			got = err.Error()
		}
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("Open(%s) = %q, want %q", name, got, want)
		}
	}
	// Relative roots work as the CLI gives them (-s .).
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(site)
	rel := New(afero.NewOsFs(), ".")
	if _, err := rel.Open("content/abs.md"); err != nil {
		t.Errorf("relative root, absolute link inside: %v", err)
	}
	if _, err := rel.Open("content/out.txt"); err == nil {
		t.Error("relative root: a link outside was followed")
	}
}

func TestMemMapFs(t *testing.T) {
	mem := afero.NewMemMapFs()
	afero.WriteFile(mem, "/site/content/a.md", []byte("a"), 0o644)
	afero.WriteFile(mem, "/etc/passwd", []byte("x"), 0o644)
	fs := New(mem, "/site")
	if _, err := afero.ReadFile(fs, "/site/content/a.md"); err != nil {
		t.Error(err)
	}
	if _, err := afero.ReadFile(fs, "/site/content/../../etc/passwd"); !IsRefused(err) {
		t.Errorf("err = %v", err)
	}
	if New(fs, "/site") != fs {
		t.Error("wrapping twice")
	}
}
