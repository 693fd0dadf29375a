package build

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gongkai/gongkai/generator/publish"
)

// TestHelperBuildProcess is the build that TestKillAtEveryCommitStep runs in a subprocess and
// kills. It does nothing in a normal test run.
func TestHelperBuildProcess(t *testing.T) {
	src := os.Getenv("GONGKAI_TEST_BUILD_SOURCE")
	if src == "" {
		t.Skip("run by TestKillAtEveryCommitStep")
	}
	if _, err := Run(Options{Source: src, Now: testNow, Workers: 2, NoIndex: true}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// crashSite writes a site whose every page says which version it is.
func crashSite(t *testing.T, dir, version string, broken bool) {
	t.Helper()
	writeOS(t, dir, "site.yaml", "title: 崩溃测试\nbaseURL: https://example.org/\n")
	writeOS(t, dir, "content/_index.md", "---\ntitle: 首页\n---\n版本"+version+"\n")
	for _, name := range []string{"a", "b", "c"} {
		writeOS(t, dir, "content/notes/"+name+".md", "---\ntitle: 笔记"+name+"\ndate: 2024-01-01\n---\n版本"+version+"。\n")
	}
	if broken {
		writeOS(t, dir, "content/notes/c.md", "---\ntitle: 笔记c\ntags: [未闭合\n---\n版本"+version+"。\n")
	}
}

var versionRe = regexp.MustCompile(`版本(v\d)`)

// publicVersion returns the version of the complete site in dir/public, or an error when it is
// missing, incomplete (its files differ from want) or mixes versions.
func publicVersion(dir string, want []string) (string, error) {
	got, err := listFiles(filepath.Join(dir, "public"))
	if err != nil {
		return "", err
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		return "", fmt.Errorf("public/ holds %d files, a complete site %d", len(got), len(want))
	}
	version := ""
	for _, page := range []string{"index.html", "notes/a/index.html", "notes/b/index.html", "notes/c/index.html"} {
		b, err := os.ReadFile(filepath.Join(dir, "public", page))
		if err != nil {
			return "", err
		}
		m := versionRe.FindSubmatch(b)
		if m == nil {
			return "", fmt.Errorf("%s has no version", page)
		}
		if version != "" && string(m[1]) != version {
			return "", fmt.Errorf("public/ mixes %s and %s", version, m[1])
		}
		version = string(m[1])
	}
	return version, nil
}

func listFiles(root string) ([]string, error) {
	var out []string
	err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !info.IsDir() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// TestKillAtEveryCommitStep runs a build in a subprocess, kills it with SIGKILL at each step of
// its commit, then runs a failing build and a succeeding one. public/ must hold a complete
// site (the old or the new one) after each, the failing build's message must be true, and
// nothing but the lock file may be left beside public/ at the end.
func TestKillAtEveryCommitStep(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 7 builds in subprocesses")
	}
	for _, step := range publish.Steps {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			crashSite(t, dir, "v1", false)
			if _, err := Run(Options{Source: dir, Now: testNow, Workers: 2, NoIndex: true}); err != nil {
				t.Fatal(err)
			}
			files, err := listFiles(filepath.Join(dir, "public"))
			if err != nil {
				t.Fatal(err)
			}

			crashSite(t, dir, "v2", false)
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperBuildProcess$")
			cmd.Env = append(os.Environ(), "GONGKAI_TEST_BUILD_SOURCE="+dir, "GONGKAI_TEST_PUBLISH_PAUSE="+step)
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			paused := make(chan bool, 1)
			go func() {
				sc := bufio.NewScanner(stderr)
				for sc.Scan() {
					if strings.Contains(sc.Text(), "gongkai-test: paused at "+step) {
						paused <- true
						return
					}
				}
				paused <- false
			}()
			select {
			case ok := <-paused:
				if !ok {
					t.Fatalf("the build ended before step %s", step)
				}
			case <-time.After(60 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatalf("the build did not reach step %s in 60 s", step)
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			_ = cmd.Wait()
			after, killErr := publicVersion(dir, files)
			t.Logf("killed at %s: public/ %s %v", step, after, killErr)

			crashSite(t, dir, "v3", true)
			rep, err := Run(Options{Source: dir, Now: testNow, Workers: 2, NoIndex: true})
			if err == nil {
				t.Fatal("the broken build succeeded")
			}
			v, err := publicVersion(dir, files)
			if err != nil {
				t.Fatalf("killed at %s, then a failing build: %v", step, err)
			}
			if v != "v1" && v != "v2" {
				t.Fatalf("killed at %s, then a failing build: public/ is %s", step, v)
			}
			unchanged := killErr == nil && after == v
			if rep == nil || strings.Contains(rep.Output, "left unchanged") != unchanged {
				t.Errorf("killed at %s: public/ %s before the failing build, %s after, and it says %q", step, after, v, rep.Output)
			}

			crashSite(t, dir, "v4", false)
			if _, err := Run(Options{Source: dir, Now: testNow, Workers: 2, NoIndex: true}); err != nil {
				t.Fatal(err)
			}
			if v, err := publicVersion(dir, files); err != nil || v != "v4" {
				t.Fatalf("after a good build: %s %v", v, err)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".public") && e.Name() != ".public.gongkai-lock" {
					t.Errorf("left beside public/: %s", e.Name())
				}
			}
		})
	}
}

// TestConcurrentBuildsOneDest runs builds into one public/ at once, in this process and in
// subprocesses: each waits for the lock, and public/ ends as one complete site.
func TestConcurrentBuildsOneDest(t *testing.T) {
	dir := t.TempDir()
	crashSite(t, dir, "v1", false)
	var cmds []*exec.Cmd
	for i := 0; i < 2; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperBuildProcess$")
		cmd.Env = append(os.Environ(), "GONGKAI_TEST_BUILD_SOURCE="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	errs := make(chan error, 3)
	for i := 0; i < 3; i++ {
		go func() {
			_, err := Run(Options{Source: dir, Now: testNow, Workers: 2})
			errs <- err
		}()
	}
	for i := 0; i < 3; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("subprocess build: %v", err)
		}
	}
	for _, name := range []string{"index.html", "notes/index.html", "notes/a/index.html", "notes/b/index.html", "notes/c/index.html", "404.html", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(dir, "public", name)); err != nil {
			t.Errorf("after concurrent builds: %v", err)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") && e.Name() != ".public.gongkai-lock" {
			t.Errorf("left beside public/: %s", e.Name())
		}
	}
}
