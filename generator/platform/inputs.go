package platform

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/spf13/afero"
)

// inputs hashes everything a site's build reads, and everything else its output depends on:
// the site's files (not public/ nor dot files), the commit its git checkout is at (history
// pages show commit messages), the shared department registry, the platform's baseURL, the
// build flags and the gongkai binary (tool). Two builds with the same hash write the same site.
func inputs(afs afero.Fs, s Site, shared []byte, baseURL, flags, tool string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "gongkai site inputs\x00summary %d\x00name %s\x00tool %s\x00flags %s\x00baseURL %s\x00", build.SummaryFormat, s.Name, tool, flags, baseURL)
	sum := sha256.Sum256(shared)
	fmt.Fprintf(h, "departments %x\x00", sum)
	var files []string
	err := afero.Walk(afs, s.Dir, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(s.Dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		base := info.Name()
		if strings.HasPrefix(base, ".") || (info.IsDir() && rel == "public") {
			if info.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !info.IsDir() {
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("%s: 无法读取站点文件夹（%v）", s.Dir, err)
	}
	sort.Strings(files)
	for _, rel := range files {
		f, err := afs.Open(filepath.Join(s.Dir, filepath.FromSlash(rel)))
		if err != nil {
			return "", fmt.Errorf("%s: 无法读取（%v）", filepath.Join(s.Dir, rel), err)
		}
		fh := sha256.New()
		_, err = io.Copy(fh, f)
		f.Close()
		if err != nil {
			return "", fmt.Errorf("%s: 无法读取（%v）", filepath.Join(s.Dir, rel), err)
		}
		fmt.Fprintf(h, "file %s %x\x00", rel, fh.Sum(nil))
	}
	fmt.Fprintf(h, "git %s\x00", gitHead(afs, s.Dir))
	return hex.EncodeToString(h.Sum(nil)), nil
}

// gitHead is the commit a site's own git checkout is at, "" when it is none. A site in a
// subfolder of the platform's repository needs none: a commit that changes its history also
// changes its files.
func gitHead(afs afero.Fs, dir string) string {
	gitDir := filepath.Join(dir, ".git")
	head, err := afero.ReadFile(afs, filepath.Join(gitDir, "HEAD"))
	if err != nil {
		return ""
	}
	ref, ok := strings.CutPrefix(strings.TrimSpace(string(head)), "ref: ")
	if !ok {
		return strings.TrimSpace(string(head))
	}
	if b, err := afero.ReadFile(afs, filepath.Join(gitDir, filepath.FromSlash(ref))); err == nil {
		return strings.TrimSpace(string(b))
	}
	packed, _ := afero.ReadFile(afs, filepath.Join(gitDir, "packed-refs"))
	for _, line := range strings.Split(string(packed), "\n") {
		if id, name, ok := strings.Cut(strings.TrimSpace(line), " "); ok && name == ref {
			return id
		}
	}
	return ref
}

// stale says why a site must be built again, "" when its published output is current.
func stale(prev *build.Summary, name, hash string, now time.Time) string {
	switch {
	case prev == nil:
		return "首次构建"
	case prev.Format != build.SummaryFormat || prev.Name != name:
		return "上次由另一版本构建"
	case prev.Inputs != hash:
		return "有改动"
	case prev.Next != nil && !now.Before(*prev.Next):
		return "到了预定的变化时间 " + prev.Next.Format("2006-01-02 15:04")
	}
	return ""
}
