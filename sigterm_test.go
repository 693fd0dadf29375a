package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHelperGongkai runs the gongkai command in a subprocess of the tests, with the arguments
// in GONGKAI_TEST_MAIN_ARGS (separated by \x1f). It does nothing in a normal test run.
func TestHelperGongkai(t *testing.T) {
	args := os.Getenv("GONGKAI_TEST_MAIN_ARGS")
	if args == "" {
		t.Skip("run by the tests that signal a gongkai process")
	}
	os.Args = append([]string{"gongkai"}, strings.Split(args, "\x1f")...)
	main()
	os.Exit(0)
}

// gongkaiProcess starts gongkai with args, with its own temp folder.
func gongkaiProcess(t *testing.T, tmp string, args ...string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperGongkai$")
	cmd.Env = append(os.Environ(), "GONGKAI_TEST_MAIN_ARGS="+strings.Join(args, "\x1f"), "TMPDIR="+tmp)
	stderr := &syncBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, stderr
}

// bigSite writes a site of n policy pages of a few kilobytes each.
func bigSite(t *testing.T, dir string, n int) {
	t.Helper()
	files := map[string]string{
		"site.yaml":                  "title: 大站\n",
		"content/_index.md":          "---\ntitle: 首页\n---\n",
		"content/policies/_index.md": "---\ntitle: 政策文件\ntype: policy\n---\n",
	}
	para := strings.Repeat("为进一步加强和改进城乡社区治理工作，推进村务公开和民主管理，结合本地实际，制定本办法。", 12)
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: 办法%d\nwritten: 2024-01-%02d\n---\n", i, i%28+1)
		for j := 1; j <= 8; j++ {
			fmt.Fprintf(&b, "第%d条 %s\n\n", j, para)
		}
		files[fmt.Sprintf("content/policies/p%04d.md", i)] = b.String()
	}
	writeSite(t, dir, files)
}

// leftovers lists what a stopped build may have left: staging folders beside public/ and
// files in its temp folder.
func leftovers(dir, tmp string) []string {
	var out []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "gongkai-staging") || strings.Contains(e.Name(), "gongkai-old") || strings.HasSuffix(e.Name(), "gongkai-commit") {
			out = append(out, e.Name())
		}
	}
	tmps, _ := os.ReadDir(tmp)
	for _, e := range tmps {
		out = append(out, filepath.Join("$TMPDIR", e.Name()))
	}
	return out
}

// TestSIGTERMStopsBuild signals a build of a big site at several moments: it must exit within
// two seconds, leave no staging folder or temp file, and leave public/ as it was.
func TestSIGTERMStopsBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a big site in a subprocess")
	}
	dir := t.TempDir()
	bigSite(t, dir, 1500)
	for _, after := range []time.Duration{300 * time.Millisecond, 1500 * time.Millisecond, 3 * time.Second} {
		t.Run(after.String(), func(t *testing.T) {
			tmp := t.TempDir()
			cmd, stderr := gongkaiProcess(t, tmp, "build", "-s", dir)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				t.Skipf("the build finished in under %s (%v); the site is too small for this machine", after, err)
			case <-time.After(after):
			}
			staged := leftovers(dir, tmp)
			signalled := time.Now()
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-done:
				took := time.Since(signalled)
				t.Logf("stopped %s after SIGTERM (sent %s into the build, while %v existed): %v", took.Round(time.Millisecond), after, staged, err)
				t.Logf("stderr: %.300s", stderr.String())
				if took > 2*time.Second {
					t.Errorf("the build took %s to stop after SIGTERM", took)
				}
				if err == nil {
					t.Error("a stopped build exited 0")
				}
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatal("the build did not stop within 10 s of SIGTERM")
			}
			if left := leftovers(dir, tmp); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
				t.Error("a stopped build published public/")
			}
		})
	}
}

// TestSIGTERMStopsServe signals serve while its first build runs and while it serves: it must
// exit within two seconds and leave no staging folder or temp file.
func TestSIGTERMStopsServe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a big site in a subprocess")
	}
	dir := t.TempDir()
	bigSite(t, dir, 1500)
	for _, when := range []string{"building", "serving"} {
		t.Run(when, func(t *testing.T) {
			tmp := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperGongkai$")
			cmd.Env = append(os.Environ(), "GONGKAI_TEST_MAIN_ARGS="+strings.Join([]string{"serve", "-s", dir, "--addr", "127.0.0.1:0", "--watch"}, "\x1f"), "TMPDIR="+tmp)
			var stdout syncBuffer
			cmd.Stdout = &stdout
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			deadline := time.Now().Add(60 * time.Second)
			for {
				serving := strings.Contains(stdout.String(), "http://127.0.0.1:")
				if when == "building" && serving {
					t.Skip("the first build finished before the signal; the site is too small for this machine")
				}
				if when == "serving" && serving || when == "building" && len(leftovers(dir, tmp)) > 0 {
					break
				}
				if time.Now().After(deadline) {
					_ = cmd.Process.Kill()
					t.Fatalf("serve did not reach %s in 60 s:\n%s", when, stdout.String())
				}
				time.Sleep(20 * time.Millisecond)
			}
			signalled := time.Now()
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			select {
			case <-done:
				if took := time.Since(signalled); took > 2*time.Second {
					t.Errorf("serve took %s to stop after SIGTERM", took)
				}
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatal("serve did not stop within 10 s of SIGTERM")
			}
			if left := leftovers(dir, tmp); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}
