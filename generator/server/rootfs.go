package server

import (
	"os"
	"strings"
	"time"

	"github.com/spf13/afero"
)

// RootFs serves the folder that root was opened on, read-only, whatever becomes of its
// path: a replica opens each build's folder once (os.OpenRoot), and when a new build is
// renamed into the path, requests that started on the old folder keep reading the old one
// (its files stay readable while they are open, even once deleted). It also refuses
// symbolic links that lead out of the folder.
func RootFs(root *os.Root) afero.Fs { return rootFs{root} }

type rootFs struct{ root *os.Root }

// rel turns the server's rooted names (/a/index.html) into the Root's relative ones.
func rel(name string) string {
	name = strings.TrimLeft(name, "/")
	if name == "" {
		return "."
	}
	return name
}

func (f rootFs) Open(name string) (afero.File, error) { return f.root.Open(rel(name)) }

func (f rootFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_APPEND|os.O_CREATE|os.O_TRUNC) != 0 {
		return nil, readOnly("open", name)
	}
	return f.root.Open(rel(name))
}

func (f rootFs) Stat(name string) (os.FileInfo, error) { return f.root.Stat(rel(name)) }
func (f rootFs) Name() string                          { return "root:" + f.root.Name() }

func (f rootFs) Create(name string) (afero.File, error)    { return nil, readOnly("create", name) }
func (f rootFs) Mkdir(name string, _ os.FileMode) error    { return readOnly("mkdir", name) }
func (f rootFs) MkdirAll(name string, _ os.FileMode) error { return readOnly("mkdir", name) }
func (f rootFs) Remove(name string) error                  { return readOnly("remove", name) }
func (f rootFs) RemoveAll(name string) error               { return readOnly("remove", name) }
func (f rootFs) Rename(name, _ string) error               { return readOnly("rename", name) }
func (f rootFs) Chmod(name string, _ os.FileMode) error    { return readOnly("chmod", name) }
func (f rootFs) Chown(name string, _, _ int) error         { return readOnly("chown", name) }
func (f rootFs) Chtimes(name string, _, _ time.Time) error { return readOnly("chtimes", name) }
func readOnly(op, name string) error                       { return &os.PathError{Op: op, Path: name, Err: os.ErrPermission} }
