package render

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gongkai/gongkai/generator/site"
	"github.com/spf13/afero"
)

// Changed says which pages an edit replaced: the versions before (Old, from the previous site)
// and after (New, from this site). A page added has no old version; a page removed, no new one.
type Changed struct {
	Old, New map[*site.Page]bool
}

// RenderChanged writes only the files that show a changed page, given prev, the renderer of the
// previous build whose files are in out. Files the site no longer has are removed. Each file is
// replaced atomically, so a server reading out never sees half a page, and a file whose content
// did not change is not rewritten. It returns the files written and how many were removed.
func (r *Renderer) RenderChanged(out afero.Fs, prev *Renderer, ch Changed) (written []string, removed int, err error) {
	jobs := r.jobs()
	r.remember(jobs)
	var todo []job
	for _, j := range jobs {
		if j.always || touches(j, ch.New) {
			todo = append(todo, j)
			continue
		}
		if old, ok := prev.last[j.file]; ok && touches(old, ch.Old) {
			todo = append(todo, j)
			continue
		}
		if _, ok := prev.last[j.file]; !ok {
			todo = append(todo, j) // new file
		}
	}
	for file := range prev.last {
		if _, ok := r.last[file]; !ok {
			if err := out.Remove("/" + file); err == nil {
				removed++
			}
		}
	}
	afs := atomicFs{Fs: out, written: &writtenFiles{}}
	if _, err := r.renderJobs(afs, todo); err != nil {
		return nil, removed, err
	}
	_, err = r.writeExtras(afs, false)
	return afs.written.list(), removed, err
}

func touches(j job, pages map[*site.Page]bool) bool {
	if len(pages) == 0 {
		return false
	}
	if j.view.Page != nil && pages[j.view.Page] {
		return true
	}
	for _, p := range j.deps {
		if pages[p] {
			return true
		}
	}
	return false
}

// atomicFs writes each file to a temporary name and renames it into place, and records which
// files it wrote.
type atomicFs struct {
	afero.Fs
	written *writtenFiles
}

type writtenFiles struct {
	mu    sync.Mutex
	files []string
}

func (w *writtenFiles) add(name string) {
	w.mu.Lock()
	w.files = append(w.files, name)
	w.mu.Unlock()
}

func (w *writtenFiles) list() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := append([]string(nil), w.files...)
	sort.Strings(out)
	return out
}

var atomicSeq = time.Now().UnixNano()

func (a atomicFs) writeFile(name string, data []byte) error {
	tmp := path.Join(path.Dir(name), ".tmp-"+strconv.FormatInt(atomicSeq, 36)+"-"+path.Base(name))
	if err := afero.WriteFile(a.Fs, tmp, data, 0o644); err != nil {
		return err
	}
	if err := a.Fs.Rename(tmp, name); err != nil {
		_ = a.Fs.Remove(tmp)
		return fmt.Errorf("无法写入 %s：%v", name, err)
	}
	a.written.add(strings.TrimPrefix(name, "/"))
	return nil
}

// sameContent reports whether name already holds data, to skip rewriting unchanged files.
func sameContent(fs afero.Fs, name string, data []byte) bool {
	old, err := afero.ReadFile(fs, name)
	return err == nil && bytes.Equal(old, data)
}
