package publish

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// siteFiles are the files of a complete test site; every one holds the site's version.
var siteFiles = []string{"index.html", "a/index.html", "b/c/index.html", "css/style.css"}

func writeSite(t *testing.T, fs afero.Fs, dir, version string) {
	t.Helper()
	for _, f := range siteFiles {
		if err := writeFile(fs, filepath.Join(dir, f), version); err != nil {
			t.Fatal(err)
		}
	}
}

func writeFile(fs afero.Fs, name, content string) error {
	if err := fs.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return afero.WriteFile(fs, name, []byte(content), 0o644)
}

// siteVersion returns the version of the complete site in dir, or an error saying how it is
// incomplete or mixed.
func siteVersion(fs afero.Fs, dir string) (string, error) {
	version := ""
	for _, f := range siteFiles {
		b, err := afero.ReadFile(fs, filepath.Join(dir, f))
		if err != nil {
			return "", fmt.Errorf("%s is not a complete site: %v", dir, err)
		}
		if version != "" && string(b) != version {
			return "", fmt.Errorf("%s mixes versions %s and %s", dir, version, b)
		}
		version = string(b)
	}
	return version, nil
}

// crash is what the hook panics with to stop a commit as a kill would.
type crash struct{ step string }

// die forgets a stage as its process's death would: its lock is released (the kernel drops a
// flock) and it is no longer alive, but nothing it wrote is removed.
func (s *Stage) die() {
	live.Lock()
	delete(live.stages, s.me.ID)
	live.Unlock()
	s.lock.Release()
}

func filesystems(t *testing.T) map[string]func() (afero.Fs, string) {
	return map[string]func() (afero.Fs, string){
		"mem": func() (afero.Fs, string) { return afero.NewMemMapFs(), "/site/public" },
		"os":  func() (afero.Fs, string) { return afero.NewOsFs(), filepath.Join(t.TempDir(), "public") },
	}
}

// TestCrashAtEveryCommitStep stops a publish at each step of its commit, then runs a failing
// build and a succeeding one: the destination must always hold a complete site, the failing
// build's note must be true, and nothing may be left beside it at the end.
func TestCrashAtEveryCommitStep(t *testing.T) {
	for name, newFs := range filesystems(t) {
		for _, step := range Steps {
			t.Run(name+"/"+step, func(t *testing.T) {
				fs, dest := newFs()
				writeSite(t, fs, dest, "v1")

				s, err := Begin(fs, dest, Options{hook: func(at string) {
					if at == step {
						panic(crash{at})
					}
				}})
				if err != nil {
					t.Fatal(err)
				}
				writeSite(t, s.Fs(), "/", "v2")
				func() {
					defer func() {
						if r := recover(); r == nil {
							t.Fatalf("the commit did not reach step %s", step)
						} else if _, ok := r.(crash); !ok {
							panic(r)
						}
					}()
					_ = s.Commit()
				}()
				s.die()

				// A failing build: it begins, writes part of a site, and gives up.
				before, beforeErr := siteVersion(fs, dest)
				f, err := Begin(fs, dest, Options{Wait: time.Second})
				if err != nil {
					t.Fatal(err)
				}
				_ = afero.WriteFile(f.Fs(), "index.html", []byte("v3"), 0o644)
				f.Abort()
				after, err := siteVersion(fs, dest)
				if err != nil {
					t.Fatalf("after a crash at %s and a failing build: %v", step, err)
				}
				if after != "v1" && after != "v2" {
					t.Fatalf("after a failing build the site is %q", after)
				}
				note := f.Note()
				if strings.Contains(note, "left unchanged") != (beforeErr == nil && before == after) {
					t.Errorf("crash at %s: site %q/%v before the failing build, %q after, but its note says %q", step, before, beforeErr, after, note)
				}
				t.Logf("crash at %s: public/ %q, then the failing build's note: %s", step, after, note)

				// A succeeding build publishes its site and leaves only the lock file beside it.
				g, err := Begin(fs, dest, Options{Wait: time.Second})
				if err != nil {
					t.Fatal(err)
				}
				writeSite(t, g.Fs(), "/", "v4")
				if err := g.Commit(); err != nil {
					t.Fatal(err)
				}
				if v, err := siteVersion(fs, dest); err != nil || v != "v4" {
					t.Fatalf("after a good build: %q, %v", v, err)
				}
				assertOnlyLock(t, fs, dest)
			})
		}
	}
}

func assertOnlyLock(t *testing.T, fs afero.Fs, dest string) {
	t.Helper()
	entries, _ := afero.ReadDir(fs, filepath.Dir(dest))
	for _, e := range entries {
		if n := e.Name(); n != filepath.Base(dest) && n != "."+filepath.Base(dest)+".gongkai-lock" {
			t.Errorf("left beside %s: %s", dest, n)
		}
	}
}

// TestConcurrentBuildsOneDest runs builds into one destination at once: each waits for the
// one before, and the destination always ends complete.
func TestConcurrentBuildsOneDest(t *testing.T) {
	for name, newFs := range filesystems(t) {
		t.Run(name, func(t *testing.T) {
			fs, dest := newFs()
			var wg sync.WaitGroup
			errs := make(chan error, 6)
			for i := 0; i < 6; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					s, err := Begin(fs, dest, Options{Wait: 30 * time.Second})
					if err != nil {
						errs <- err
						return
					}
					defer s.Abort()
					for j, f := range siteFiles {
						if j == 2 {
							time.Sleep(5 * time.Millisecond) // let the others try in between
						}
						if err := writeFile(s.Fs(), f, fmt.Sprint("v", i)); err != nil {
							errs <- err
							return
						}
					}
					errs <- s.Commit()
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Error(err)
				}
			}
			if _, err := siteVersion(fs, dest); err != nil {
				t.Fatal(err)
			}
			assertOnlyLock(t, fs, dest)
		})
	}
}

// TestBusyNamesTheHolder: a build that cannot get the lock in time says who holds it.
func TestBusyNamesTheHolder(t *testing.T) {
	for name, newFs := range filesystems(t) {
		t.Run(name, func(t *testing.T) {
			fs, dest := newFs()
			s, err := Begin(fs, dest, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Abort()
			start := time.Now()
			_, err = Begin(fs, dest, Options{Wait: 200 * time.Millisecond})
			if !errors.Is(err, ErrBusy) {
				t.Fatalf("second build: %v, want ErrBusy", err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("waited %s for a 200ms wait", d)
			}
			for _, want := range []string{fmt.Sprint("pid ", os.Getpid()), hostname(), "started " + s.me.Start.Local().Format("2006-01-02")} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not name %q", err, want)
				}
			}
			// A cancelled wait stops at once.
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			if _, err := Begin(fs, dest, Options{Context: ctx, Wait: time.Minute}); !errors.Is(err, context.Canceled) {
				t.Errorf("cancelled wait: %v", err)
			}
		})
	}
}

// TestStaleStagesRemovedLiveKept: a staging folder is removed only when its owner is dead.
func TestStaleStagesRemovedLiveKept(t *testing.T) {
	fs := afero.NewMemMapFs()
	dest := "/site/public"
	h := hostname()
	dead := "/site/.public.gongkai-staging-" + h + "-999999999-x1"                    // no such process
	legacy := "/site/.public.gongkai-staging-lq2w3e"                                  // an older version's name
	other := "/site/.public.gongkai-staging-elsewhere.example-42-x2"                  // another host: cannot tell
	mine := "/site/.public.gongkai-staging-" + h + fmt.Sprintf("-%d-x3", os.Getpid()) // this process, not open
	for _, d := range []string{dead, legacy, other, mine} {
		writeSite(t, fs, d, "junk")
	}
	s, err := Begin(fs, dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A second stage of this process that is open stays while the first sweeps.
	for _, d := range []string{dead, legacy, mine} {
		if ok, _ := afero.Exists(fs, d); ok {
			t.Errorf("%s was not removed", d)
		}
	}
	if ok, _ := afero.Exists(fs, other); !ok {
		t.Errorf("%s (another host's) was removed", other)
	}
	if ok, _ := afero.Exists(fs, s.Dir()); !ok || !alive(mustOwner(t, s.Dir())) {
		t.Errorf("the open stage %s is not alive", s.Dir())
	}
	s.Abort()
	if alive(mustOwner(t, s.Dir())) {
		t.Error("an aborted stage still counts as alive")
	}
}

func mustOwner(t *testing.T, dir string) owner {
	o, ok := parseStageOwner(strings.TrimPrefix(filepath.Base(dir), ".public.gongkai-staging-"))
	if !ok {
		t.Fatalf("cannot parse %s", dir)
	}
	return o
}

// TestCancelledStageRefusesWrites: once the build's context is done, no file is created.
func TestCancelledStageRefusesWrites(t *testing.T) {
	fs := afero.NewMemMapFs()
	ctx, cancel := context.WithCancel(context.Background())
	s, err := Begin(fs, "/public", Options{Context: ctx})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	cancel()
	if err := afero.WriteFile(s.Fs(), "/a.html", nil, 0o644); !errors.Is(err, context.Canceled) {
		t.Errorf("write after cancel: %v", err)
	}
	if err := s.Commit(); !errors.Is(err, context.Canceled) {
		t.Errorf("commit after cancel: %v", err)
	}
}

// TestCrashDuringRecovery: the build that finishes an interrupted publish is itself killed in
// the middle of it; the build after it still ends with a complete site.
func TestCrashDuringRecovery(t *testing.T) {
	for _, first := range []string{"journal", "dest-moved"} {
		for _, second := range []string{"dest-moved", "stage-moved", "old-removed"} {
			t.Run(first+"/"+second, func(t *testing.T) {
				fs, dest := afero.NewMemMapFs(), "/site/public"
				writeSite(t, fs, dest, "v1")
				crashAt := func(step string) Options {
					return Options{Wait: time.Second, hook: func(at string) {
						if at == step {
							panic(crash{at})
						}
					}}
				}
				s, err := Begin(fs, dest, crashAt(first))
				if err != nil {
					t.Fatal(err)
				}
				writeSite(t, s.Fs(), "/", "v2")
				crashed := func(f func()) (did bool) {
					defer func() {
						if r := recover(); r != nil {
							if _, ok := r.(crash); !ok {
								panic(r)
							}
							did = true
						}
					}()
					f()
					return false
				}
				if !crashed(func() { _ = s.Commit() }) {
					t.Fatal("the first build did not crash")
				}
				s.die()
				var r *Stage
				if crashed(func() { r, _ = Begin(fs, dest, crashAt(second)) }) {
					// The recovering build died holding the lock: its process is gone.
					memLocks.Lock()
					delete(memLocks.held, memKey{fs, sibling(dest, "gongkai-lock")})
					memLocks.Unlock()
				} else if r != nil {
					r.Abort() // recovery did not pass that step: it finished, and so does this build
				}
				g, err := Begin(fs, dest, Options{Wait: time.Second})
				if err != nil {
					t.Fatal(err)
				}
				if v, err := siteVersion(fs, dest); err != nil || v != "v2" {
					t.Errorf("after two crashes: %q %v", v, err)
				}
				g.Abort()
			})
		}
	}
}
