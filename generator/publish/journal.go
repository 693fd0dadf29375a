package publish

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/afero"
)

// journal is a decided publish: the staging folder that becomes dest, and the name the
// previous dest is moved to until it is removed.
type journal struct {
	Stage string `json:"stage"` // folder names beside dest, never paths
	Old   string `json:"old"`
	Owner owner  `json:"owner"`
}

// Steps are the points of a commit where a crash is tested, in order.
var Steps = []string{"begin", "journal-tmp", "journal", "dest-moved", "stage-moved", "old-removed", "journal-removed"}

func (s *Stage) writeJournal(j journal) error {
	data, err := json.Marshal(j)
	if err != nil {
		return err
	}
	path := s.sibling("gongkai-commit")
	f, err := s.fs.OpenFile(path+".tmp", os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	s.step("journal-tmp")
	if err := s.fs.Rename(path+".tmp", path); err != nil {
		return err
	}
	s.step("journal")
	return nil
}

// recover finishes the publish a journal left by a crashed build describes. Holding the lock,
// a journal can only be a dead build's.
func (s *Stage) recover() error {
	path := s.sibling("gongkai-commit")
	data, err := afero.ReadFile(s.fs, path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: 无法读取上次中断的发布留下的日志：%v", path, err)
	}
	var j journal
	if err := json.Unmarshal(data, &j); err != nil || !safeName(j.Stage) || !safeName(j.Old) {
		if ok, _ := afero.Exists(s.fs, s.dest); ok {
			return s.fs.Remove(path) // dest is whole; the sweep removes the rest
		}
		return fmt.Errorf("%s: 上次中断的发布留下的日志无法读取，且 %s 不存在；在旁边的文件夹（.%s.gongkai-*）中找到之前的网站，移回 %s，再删去这个日志", path, s.dest, s.base, s.dest)
	}
	did, err := s.finish(j)
	if err != nil {
		return err
	}
	who := "an interrupted build (" + j.Owner.String() + ")"
	switch did {
	case "completed":
		s.recovered = "the publish of " + who + " was completed first, so " + s.dest + " holds that build's output"
	case "restored":
		s.recovered = "the previous site, which " + who + " had moved aside, was put back in " + s.dest + " first"
	}
	return nil
}

func safeName(name string) bool {
	return name != "" && name == filepath.Base(name) && name != "." && name != ".."
}

// finish carries a decided publish to its end from wherever it stopped. Each step is done only
// if what it changes is still there, so finish can be interrupted at any instruction and run
// again. It reports "completed" when it put the stage in place, "restored" when the stage was
// gone and it put the previous site back, and "" when dest was already in its final state.
func (s *Stage) finish(j journal) (string, error) {
	stage := filepath.Join(s.parent, j.Stage)
	old := filepath.Join(s.parent, j.Old)
	journalPath := s.sibling("gongkai-commit")
	exists := func(p string) bool { ok, _ := afero.Exists(s.fs, p); return ok }
	did := ""
	switch {
	case exists(stage):
		if exists(s.dest) {
			if exists(old) {
				// Only when something outside the protocol recreated dest after it was
				// moved aside: that dest is the newer one.
				_ = s.fs.RemoveAll(old)
			}
			if err := s.fs.Rename(s.dest, old); err != nil {
				_ = s.fs.Remove(journalPath)
				return "", fmt.Errorf("%s: 无法把之前的网站移开：%v", s.dest, err)
			}
			s.step("dest-moved")
		}
		if err := s.fs.Rename(stage, s.dest); err != nil {
			if exists(old) && s.fs.Rename(old, s.dest) != nil {
				s.lost = s.dest + " is missing: the previous site is in " + old + "; the next build puts it back, or move it back by hand"
				return "", fmt.Errorf("%s: 无法把新网站移到位（%v），也无法把之前的网站移回", s.dest, err)
			}
			_ = s.fs.Remove(journalPath)
			return "", fmt.Errorf("%s: 无法把新网站移到位：%v", s.dest, err)
		}
		did = "completed"
		s.step("stage-moved")
	case !exists(s.dest):
		if !exists(old) {
			_ = s.fs.Remove(journalPath)
			return "", nil // nothing was ever published
		}
		if err := s.fs.Rename(old, s.dest); err != nil {
			s.lost = s.dest + " is missing: the previous site is in " + old + "; move it back by hand"
			return "", fmt.Errorf("%s: 无法把之前的网站从 %s 移回：%v", s.dest, old, err)
		}
		did = "restored"
	}
	if err := s.fs.RemoveAll(old); err != nil {
		return did, fmt.Errorf("%s: 无法删除之前的网站：%v", old, err)
	}
	s.step("old-removed")
	if err := s.fs.Remove(journalPath); err != nil && !errors.Is(err, os.ErrNotExist) {
		return did, fmt.Errorf("%s: 无法删除发布日志：%v", journalPath, err)
	}
	s.step("journal-removed")
	return did, nil
}
