package build

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/tools/txtar"
)

// symlinkSite writes a small site into a temp folder on disk, where links are real.
func symlinkSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	ar := txtar.Parse([]byte(`
-- site.yaml --
title: 测试
-- content/_index.md --
# 首页
-- content/notice.md --
---
title: 通知
---
正文。
-- content/files/shared.txt --
共享附件
`))
	for _, f := range ar.Files {
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func buildDir(dir string) error {
	_, err := Run(Options{SrcFs: afero.NewOsFs(), Source: dir, Now: testNow, Workers: 2, NoIndex: true})
	return err
}

func TestSymlinksOutsideTheSiteAreRefused(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("PLANTED-SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	secretDir := filepath.Dir(secret)
	for _, tc := range []struct{ name, link, target string }{
		{"file as attachment", "content/passwd.txt", secret},
		{"file as page", "content/leak.md", secret},
		{"relative escape", "content/up.txt", "../../" + filepath.Base(secretDir) + "/secret.txt"},
		{"folder", "content/outside", secretDir},
		{"static file", "static/env.txt", "/proc/self/environ"},
		{"theme layout", "themes/default/layouts/x.html", secret},
		{"link through an inner link", "content/chain.txt", "files/hop"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := symlinkSite(t)
			if tc.name == "relative escape" {
				// content/up.txt → ../../<secretDir>/secret.txt only resolves if both temp dirs
				// share a parent; make the target absolute-free but certainly outside.
				tc.target = "../../../../../../../../../../../.." + secret
			}
			if tc.name == "link through an inner link" {
				if err := os.Symlink(secret, filepath.Join(dir, "content/files/hop")); err != nil {
					t.Fatal(err)
				}
			}
			link := filepath.Join(dir, tc.link)
			if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(tc.target, link); err != nil {
				t.Fatal(err)
			}
			err := buildDir(dir)
			if err == nil {
				t.Fatalf("build passed; want the link %s refused", tc.link)
			}
			if !strings.Contains(err.Error(), "符号链接指向站点之外") {
				t.Fatalf("error %q does not say the link leads outside the site", err)
			}
			assertNoFileContains(t, dir, "PLANTED-SECRET")
		})
	}
}

func TestSymlinkInsideTheSiteIsFollowed(t *testing.T) {
	dir := symlinkSite(t)
	if err := os.Symlink("files/shared.txt", filepath.Join(dir, "content/copy.txt")); err != nil {
		t.Fatal(err)
	}
	if err := buildDir(dir); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "public/copy.txt"))
	if err != nil || string(b) != "共享附件\n" {
		t.Fatalf("public/copy.txt = %q, %v; want the linked file's content", b, err)
	}
}

func TestSpecialFilesAreRefused(t *testing.T) {
	dir := symlinkSite(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "content/pipe.txt"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	err := buildDir(dir)
	if err == nil || !strings.Contains(err.Error(), "不是普通文件") {
		t.Fatalf("err = %v; want the FIFO refused", err)
	}
}

// assertNoFileContains fails if any file below dir holds s.
func assertNoFileContains(t *testing.T, dir, s string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		if b, _ := os.ReadFile(p); strings.Contains(string(b), s) {
			t.Errorf("%s holds %q", p, s)
		}
		return nil
	})
}
