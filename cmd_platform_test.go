package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlatformCommands: build in a platform folder builds its sites and portal, says what it
// did, and exits with status 2 when a site failed and the others were published.
func TestPlatformCommands(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "p")
	if err := os.CopyFS(dir, os.DirFS("testdata/platform")); err != nil {
		t.Fatal(err)
	}
	run := execGongkai
	out, err := run("build", "-s", dir, "--no-index")
	if err != nil || !strings.Contains(out, "平台：3 个站点已发布，0 个没有变化，0 个失败") {
		t.Fatalf("build: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "xian", "index.html")); err != nil {
		t.Error(err)
	}
	out, err = run("sites", "-s", dir, "--json")
	if err != nil || out != `["shequ","xian","zhen"]`+"\n" {
		t.Errorf("sites --json: %v %q", err, out)
	}
	if err := os.WriteFile(filepath.Join(dir, "sites", "zhen", "content", "policies", "2026-3.md"), []byte("---\ntitle: x\ntype: policy\nlevel: 省里\n---\n正文\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = run("build", "-s", dir, "--no-index")
	var coded interface{ ExitCode() int }
	if !errors.As(err, &coded) || coded.ExitCode() != 2 || !strings.Contains(err.Error(), "站点 zhen") || !strings.Contains(err.Error(), "2026-3.md:4:") {
		t.Errorf("a failed site: want exit status 2 naming zhen and file:line, got %v\n%s", err, out)
	}
	if _, err := run("build", "-s", dir, "--site", "nope"); err == nil || errors.As(err, &coded) {
		t.Errorf("--site of no site is an error of status 1: %v", err)
	}
	if _, err := run("check", "-s", dir); err == nil || !strings.Contains(err.Error(), "这是平台文件夹") {
		t.Errorf("check in a platform folder: %v", err)
	}
	if _, err := run("build", "--site", "xian"); err == nil || !strings.Contains(err.Error(), "只用于平台文件夹") {
		t.Errorf("--site outside a platform: %v", err)
	}
}
