// Package sourcefs keeps every read of a site's source inside the site folder. A symbolic link in
// content/, static/ or a theme would otherwise publish whatever it points at: /etc/passwd, or
// /proc/self/environ with the secrets of the CI job that builds the site. Devices, pipes and
// sockets are refused too: reading them hangs the build or yields what no clerk wrote.
//
// The choice: a link to a file inside the site is followed (it is as if the file were there
// twice, which staff sometimes do for a shared attachment); a link that leads outside the site,
// a link chain that is too long, and anything that is neither a regular file nor a folder are
// errors naming the path. Links to folders are not descended into by the walks (afero.Walk uses
// Lstat), so a loop cannot hang the build.
package sourcefs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"
)

// Error is a source path the build refuses to read.
type Error struct {
	Path   string // as the build asked for it
	Target string // where the link leads, when it is a link
	Reason string
}

func (e *Error) Error() string {
	what, fix, _ := strings.Cut(e.Reason, "；")
	if e.Target != "" {
		what += "（" + e.Target + "）"
	}
	return fmt.Sprintf("%s: %s; %s", e.Path, what, fix)
}

const (
	reasonOutside = "符号链接指向站点之外；站点只发布站点文件夹里的文件：请把文件复制到站点里，或删除这个链接"
	reasonSpecial = "不是普通文件（设备、管道或套接字）；站点只发布普通文件：请删除它"
	reasonLoop    = "符号链接层数过多或成环；请删除这个链接，或让它直接指向站点里的文件"
	reasonAbove   = "路径在站点文件夹之外；站点只发布站点文件夹里的文件：请把文件放进站点"
	maxHops       = 40 // as Linux's ELOOP
)

// Fs is an afero.Fs whose reads are confined to root. Writes pass through unchanged: the output
// has its own filesystem.
type Fs struct {
	afero.Fs
	root  string // as given, cleaned; names are compared against it
	abs   string // root made absolute, for link targets on the OS filesystem ("" elsewhere)
	real  string // abs with its own links resolved ("" elsewhere)
	isOS  bool
	lstat afero.Lstater
	links afero.LinkReader
}

// New confines reads from base to root. Wrapping an Fs already confined to the same root returns it.
func New(base afero.Fs, root string) afero.Fs {
	root = filepath.Clean(root)
	if f, ok := base.(*Fs); ok && f.root == root {
		return f
	}
	f := &Fs{Fs: base, root: root}
	f.lstat, _ = base.(afero.Lstater)
	f.links, _ = base.(afero.LinkReader)
	if _, ok := base.(*afero.OsFs); ok {
		f.isOS = true
		if abs, err := filepath.Abs(root); err == nil {
			f.abs = abs
			if real, err := filepath.EvalSymlinks(abs); err == nil {
				f.real = real
			}
		}
	}
	return f
}

// Open opens name after checking where it leads. Every method passes the cleaned name on: the
// kernel would resolve "dir/.." after following dir, lexical cleaning before, and the check
// must see the path that is opened.
func (f *Fs) Open(name string) (afero.File, error) {
	name = filepath.Clean(name)
	if err := f.check(name); err != nil {
		return nil, err
	}
	return f.Fs.Open(name)
}

// OpenFile checks reads; a write (O_WRONLY, O_RDWR, O_CREATE) goes through as it is.
func (f *Fs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	name = filepath.Clean(name)
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_APPEND|os.O_TRUNC) == 0 {
		if err := f.check(name); err != nil {
			return nil, err
		}
	}
	return f.Fs.OpenFile(name, flag, perm)
}

// Stat reports on what name leads to, refusing what Open would refuse.
func (f *Fs) Stat(name string) (os.FileInfo, error) {
	name = filepath.Clean(name)
	if err := f.check(name); err != nil {
		return nil, err
	}
	return f.Fs.Stat(name)
}

// LstatIfPossible reports a link as a link when it is one Open would follow, and refuses the
// others, so that a walk names a bad link instead of skipping it.
func (f *Fs) LstatIfPossible(name string) (os.FileInfo, bool, error) {
	name = filepath.Clean(name)
	if err := f.check(name); err != nil {
		return nil, false, err
	}
	if f.lstat != nil {
		return f.lstat.LstatIfPossible(name)
	}
	fi, err := f.Fs.Stat(name)
	return fi, false, err
}

// Base returns the filesystem under fs when it is a confined one, for tools that must know
// whether the source is on disk (git reads the folder itself).
func Base(fs afero.Fs) afero.Fs {
	if f, ok := fs.(*Fs); ok {
		return f.Fs
	}
	return fs
}

// Name says what this Fs is, for messages.
func (f *Fs) Name() string { return "sourcefs(" + f.Fs.Name() + ")" }

// check follows name from the root one element at a time, as the kernel would, and fails when a
// link leads outside the root or the end is neither a regular file nor a folder. A name that
// does not exist passes: the caller's own open reports it.
func (f *Fs) check(name string) error {
	rel, ok := f.below(filepath.Clean(name))
	if !ok {
		return &Error{Path: name, Reason: reasonAbove}
	}
	todo := splitPath(rel)
	cur := f.root
	hops := 0
	for len(todo) > 0 {
		next := filepath.Join(cur, todo[0])
		todo = todo[1:]
		fi, err := f.lstatRaw(next)
		if err != nil {
			return nil
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			cur = next
			continue
		}
		hops++
		if hops > maxHops {
			return &Error{Path: name, Reason: reasonLoop}
		}
		target, err := f.links.ReadlinkIfPossible(next)
		if err != nil {
			return &Error{Path: name, Reason: reasonOutside, Target: "?"}
		}
		dest := target
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(next), dest)
		}
		inside, ok := f.below(filepath.Clean(dest))
		if !ok {
			return &Error{Path: name, Reason: reasonOutside, Target: target}
		}
		todo = append(splitPath(inside), todo...)
		cur = f.root
	}
	fi, err := f.lstatRaw(cur)
	if err != nil {
		return nil
	}
	if m := fi.Mode(); !m.IsRegular() && !m.IsDir() {
		return &Error{Path: name, Reason: reasonSpecial}
	}
	return nil
}

func (f *Fs) lstatRaw(name string) (os.FileInfo, error) {
	if f.lstat != nil && f.links != nil {
		fi, _, err := f.lstat.LstatIfPossible(name)
		return fi, err
	}
	// Without links there is nothing to follow: Stat tells the kind of file.
	return f.Fs.Stat(name)
}

// below returns p relative to the root when p is the root or inside it. On the OS filesystem an
// absolute p is compared with the root's absolute and resolved forms too, since link targets
// are written that way.
func (f *Fs) below(p string) (string, bool) {
	if rel, ok := within(f.root, p); ok {
		return rel, true
	}
	if f.isOS && filepath.IsAbs(p) {
		for _, r := range []string{f.abs, f.real} {
			if r == "" {
				continue
			}
			if rel, ok := within(r, p); ok {
				return rel, true
			}
		}
	}
	return "", false
}

func within(root, p string) (string, bool) {
	if filepath.IsAbs(root) != filepath.IsAbs(p) {
		return "", false
	}
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

func splitPath(rel string) []string {
	if rel == "." || rel == "" {
		return nil
	}
	return strings.Split(rel, string(filepath.Separator))
}

// IsRefused reports whether err is a path this package refused.
func IsRefused(err error) bool {
	var e *Error
	return errors.As(err, &e)
}
