// Package publish writes a build into a staging folder beside the destination and swaps it in
// only when the whole build succeeded, so that a failed, interrupted or concurrent build leaves a
// complete site in the destination: the previous one or the new one, never a mix or nothing.
//
// Three files beside the destination (public/ here) make that hold under every interleaving:
//
//	.public.gongkai-lock                         one build at a time (see Lock)
//	.public.gongkai-staging-<host>-<pid>-<id>/   the build being written, named by its owner
//	.public.gongkai-commit                       the commit journal, while the swap runs
//
// The swap is two renames (public → .public.gongkai-old-<id>, staging → public), and a crash
// between them would leave no public/. So the swap is first written down: a journal naming
// the staging and old folders, written to a temporary file and renamed into place (atomic).
// From then on the publish is decided, and finishing it is idempotent: every step looks at
// what exists and does only what is left (see finish). The next build, holding the lock,
// finds the journal and finishes the interrupted publish before anything else. A symlink swap
// (public → .public.<id>, replaced by renaming a new symlink over it) would need one rename
// only, but afero's MemMapFs has no symlinks, every test of the pipeline runs on it, and a
// public/ that is a symlink surprises rsync and web servers that refuse to follow links.
package publish

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/afero"
)

// Options tunes Begin.
type Options struct {
	Context context.Context // stops waiting for the lock, and writes into the stage, when done
	Wait    time.Duration   // how long to wait for another build; DefaultWait when 0

	hook func(step string) // tests: called at each step of the commit
}

// Stage is an output folder being written, and the lock on its destination.
type Stage struct {
	fs     afero.Fs
	ctx    context.Context
	dest   string
	parent string
	base   string
	dir    string
	me     owner
	lock   *Lock
	hook   func(string)

	// mu keeps Abort (from AbortAll, on a signal) from removing the stage while Commit is
	// moving it: a half-removed stage renamed into place would publish a partial site.
	mu        sync.Mutex
	recovered string // what Begin did to finish an interrupted publish, for Note
	lost      string // where the previous site is when a failed commit could not put it back
	committed bool
	released  bool // Abort ran: the stage is gone and the lock given up
}

// Begin locks dest, finishes a publish that a crash interrupted, removes what dead builds
// left, and creates an empty staging folder for this build.
func Begin(fs afero.Fs, dest string, opts Options) (*Stage, error) {
	dest = filepath.Clean(dest)
	parent, base := filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	if opts.Context == nil {
		opts.Context = context.Background()
	}
	if opts.Wait <= 0 {
		opts.Wait = DefaultWait
	}
	me := newOwner()
	lock, err := acquire(opts.Context, fs, dest, opts.Wait, me)
	if err != nil {
		return nil, err
	}
	s := &Stage{fs: fs, ctx: opts.Context, dest: dest, parent: filepath.Clean(parent), base: base, me: me, lock: lock, hook: opts.hook}
	if err := s.recover(); err != nil {
		lock.Release()
		return nil, err
	}
	s.sweep()
	live.Lock()
	live.stages[me.ID] = s
	live.Unlock()
	s.dir = s.sibling("gongkai-staging-" + me.Host + "-" + strconv.Itoa(me.PID) + "-" + me.ID)
	if err := fs.MkdirAll(s.dir, 0o755); err != nil {
		s.Abort()
		return nil, fmt.Errorf("%s: 无法创建临时输出文件夹：%v", s.dir, err)
	}
	return s, nil
}

// Fs is the staging folder as a filesystem rooted at "/". Once the build's context is done,
// creating files in it fails, which stops the render workers at their next file.
func (s *Stage) Fs() afero.Fs { return cancelFs{afero.NewBasePathFs(s.fs, s.dir), s.ctx} }

// Dir is the staging folder's path in the underlying filesystem.
func (s *Stage) Dir() string { return s.dir }

// Dest is the folder the stage will replace.
func (s *Stage) Dest() string { return s.dest }

// Commit replaces dest with the staging folder and releases the lock.
func (s *Stage) Commit() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.released {
		return errors.New("构建在发布输出之前被中止")
	}
	if err := s.ctx.Err(); err != nil {
		return err
	}
	j := journal{Stage: filepath.Base(s.dir), Old: "." + s.base + ".gongkai-old-" + s.me.ID, Owner: s.me}
	s.step("begin")
	if err := s.writeJournal(j); err != nil {
		return fmt.Errorf("%s: 无法写入发布日志：%v", s.sibling("gongkai-commit"), err)
	}
	did, err := s.finish(j)
	s.committed = did == "completed"
	if err != nil {
		if s.committed {
			s.lost = "the new site was published in " + s.dest + "; the next build removes what this one left beside it"
		}
		return err
	}
	s.abort()
	return nil
}

// Abort removes the staging folder (unless it was committed) and releases the lock. It is
// safe to call more than once, and after Commit.
func (s *Stage) Abort() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.abort()
}

func (s *Stage) abort() {
	if s.released {
		return
	}
	s.released = true
	if s.dir != "" && !s.committed {
		// Render workers may still be finishing a file: a second pass removes what they
		// created while the first ran.
		for i := 0; i < 3; i++ {
			if s.fs.RemoveAll(s.dir) == nil {
				if ok, _ := afero.Exists(s.fs, s.dir); !ok {
					break
				}
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	live.Lock()
	delete(live.stages, s.me.ID)
	live.Unlock()
	s.lock.Release()
}

// Note says, as a clause for a failed build's message, what became of dest: unchanged, or
// changed by finishing an interrupted publish, or missing with the previous site beside it.
func (s *Stage) Note() string {
	switch {
	case s.lost != "":
		return s.lost
	case s.recovered != "":
		return s.recovered
	}
	return "the previous output was left unchanged"
}

// sibling is the path of a file or folder beside dest that belongs to it.
func (s *Stage) sibling(suffix string) string {
	return filepath.Join(s.parent, "."+s.base+"."+suffix)
}

func sibling(dest, suffix string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+"."+suffix)
}

// sweep removes what dead builds left beside dest: staging folders whose owner process is
// gone, old folders no journal names (a crash after the swap), an unfinished journal. A
// legacy old folder (.public.old) is put back when dest is missing, since the build that
// moved it aside did not keep a journal.
func (s *Stage) sweep() {
	entries, err := afero.ReadDir(s.fs, s.parent)
	if err != nil {
		return
	}
	stagePrefix := "." + s.base + ".gongkai-staging-"
	oldPrefix := "." + s.base + ".gongkai-old-"
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(s.parent, name)
		switch {
		case name == "."+s.base+".gongkai-commit.tmp":
			_ = s.fs.Remove(path)
		case strings.HasPrefix(name, stagePrefix):
			if o, ok := parseStageOwner(strings.TrimPrefix(name, stagePrefix)); !ok || !alive(o) {
				_ = s.fs.RemoveAll(path)
			}
		case strings.HasPrefix(name, oldPrefix), name == "."+s.base+".old":
			if ok, _ := afero.Exists(s.fs, s.dest); !ok && s.fs.Rename(path, s.dest) == nil {
				s.recovered = "the previous site, which an interrupted build had moved aside to " + path + ", was put back in " + s.dest + " first"
				continue
			}
			_ = s.fs.RemoveAll(path)
		}
	}
}

// parseStageOwner reads <host>-<pid>-<id> from a staging folder's name. Folders named by
// earlier versions (no pid) do not parse, and belong to builds that are long gone.
func parseStageOwner(rest string) (owner, bool) {
	i := strings.LastIndexByte(rest, '-')
	if i < 0 {
		return owner{}, false
	}
	id := rest[i+1:]
	rest = rest[:i]
	j := strings.LastIndexByte(rest, '-')
	if j < 0 {
		return owner{}, false
	}
	pid, err := strconv.Atoi(rest[j+1:])
	if err != nil || rest[:j] == "" {
		return owner{}, false
	}
	return owner{Host: rest[:j], PID: pid, ID: id}, true
}

// step marks a point of the commit where a crash is tested. GONGKAI_TEST_PUBLISH_PAUSE=<step>
// makes the process stop there, say so on stderr and wait to be killed.
func (s *Stage) step(name string) {
	if s.hook != nil {
		s.hook(name)
	}
	if os.Getenv("GONGKAI_TEST_PUBLISH_PAUSE") == name {
		fmt.Fprintf(os.Stderr, "gongkai-test: paused at %s\n", name)
		time.Sleep(time.Hour)
	}
}

// IsOS reports whether fs writes to the operating system's disk, where tools that do their own
// file I/O (the bleve index) can write directly into the stage.
func IsOS(fs afero.Fs) bool {
	_, ok := fs.(*afero.OsFs)
	return ok
}

// CopyFromOS copies an OS folder (written by a tool that cannot use afero) into fs at dst.
func CopyFromOS(fs afero.Fs, src, dst string) error {
	return filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return fs.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return afero.WriteFile(fs, target, data, 0o644)
	})
}
