// Package publish writes a build into a staging folder beside the destination and swaps it in
// only when the whole build succeeded, so that a failed or interrupted build leaves the previous
// site exactly as it was.
package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/afero"
)

// Stage is an output folder being written.
type Stage struct {
	fs   afero.Fs
	dest string
	dir  string
}

const stagingMarker = ".gongkai-staging-"

// Begin creates an empty staging folder next to dest, removing what interrupted builds left.
func Begin(fs afero.Fs, dest string) (*Stage, error) {
	dest = filepath.Clean(dest)
	parent, base := filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	if err := fs.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("%s: cannot create the output's parent folder: %v", parent, err)
	}
	prefix := "." + base + stagingMarker
	if entries, err := afero.ReadDir(fs, parent); err == nil {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), prefix) || e.Name() == "."+base+".old" {
				_ = fs.RemoveAll(filepath.Join(parent, e.Name()))
			}
		}
	}
	dir := filepath.Join(parent, prefix+strconv.FormatInt(time.Now().UnixNano(), 36))
	if err := fs.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%s: cannot create the staging folder: %v", dir, err)
	}
	return &Stage{fs: fs, dest: dest, dir: dir}, nil
}

// Fs is the staging folder as a filesystem rooted at "/".
func (s *Stage) Fs() afero.Fs { return afero.NewBasePathFs(s.fs, s.dir) }

// Dir is the staging folder's path in the underlying filesystem.
func (s *Stage) Dir() string { return s.dir }

// Dest is the folder the stage will replace.
func (s *Stage) Dest() string { return s.dest }

// Commit replaces dest with the staging folder.
func (s *Stage) Commit() error {
	old := filepath.Join(filepath.Dir(s.dest), "."+filepath.Base(s.dest)+".old")
	hadOld := false
	if _, err := s.fs.Stat(s.dest); err == nil {
		if err := s.fs.Rename(s.dest, old); err != nil {
			return fmt.Errorf("%s: cannot move the previous site aside: %v", s.dest, err)
		}
		hadOld = true
	}
	if err := s.fs.Rename(s.dir, s.dest); err != nil {
		if hadOld {
			_ = s.fs.Rename(old, s.dest)
		}
		return fmt.Errorf("%s: cannot move the new site into place: %v", s.dest, err)
	}
	if hadOld {
		_ = s.fs.RemoveAll(old)
	}
	return nil
}

// Abort removes the staging folder; dest is untouched.
func (s *Stage) Abort() { _ = s.fs.RemoveAll(s.dir) }

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
