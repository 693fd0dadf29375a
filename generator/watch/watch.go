// Package watch turns the stream of fsnotify events from a site's folders into debounced batches
// of changed paths, ignoring editor temp files and watching folders as they are created.
package watch

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher reports batches of changed paths.
type Watcher struct {
	w       *fsnotify.Watcher
	delay   time.Duration
	Batches chan []string
	Errors  chan error
	done    chan struct{}
}

// New watches the given files and folders (folders recursively). Changes arriving within delay
// of each other are reported as one batch.
func New(delay time.Duration, paths ...string) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{w: fw, delay: delay, Batches: make(chan []string, 1), Errors: make(chan error, 1), done: make(chan struct{})}
	for _, p := range paths {
		if err := w.add(p); err != nil && !os.IsNotExist(err) {
			fw.Close()
			return nil, err
		}
	}
	go w.loop()
	return w, nil
}

// add watches p, and every folder below it when it is a folder.
func (w *Watcher) add(p string) error {
	info, err := os.Stat(p)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		// Watch the parent: editors replace files by rename, which drops a watch on the file.
		return w.w.Add(filepath.Dir(p))
	}
	return filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return w.w.Add(path)
		}
		return nil
	})
}

func (w *Watcher) loop() {
	var (
		pending = map[string]bool{}
		timer   *time.Timer
		fire    <-chan time.Time
	)
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			if Ignored(ev.Name) {
				continue
			}
			if ev.Op&fsnotify.Create != 0 {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					_ = w.add(ev.Name)
					// Files written into the folder before its watch was in place raised no
					// event of their own: report them now.
					_ = filepath.WalkDir(ev.Name, func(p string, d fs.DirEntry, err error) error {
						if err == nil && !d.IsDir() && !Ignored(p) {
							pending[p] = true
						}
						return nil
					})
				}
			}
			pending[ev.Name] = true
			if timer == nil {
				timer = time.NewTimer(w.delay)
			} else {
				timer.Reset(w.delay)
			}
			fire = timer.C
		case <-fire:
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			pending = map[string]bool{}
			fire = nil
			select {
			case w.Batches <- batch:
			case <-w.done:
				return
			}
		case err, ok := <-w.w.Errors:
			if !ok {
				return
			}
			select {
			case w.Errors <- err:
			default:
			}
		}
	}
}

// Close stops watching.
func (w *Watcher) Close() error {
	close(w.done)
	return w.w.Close()
}

// Ignored reports whether a path is an editor's temporary or backup file, or build output.
func Ignored(path string) bool {
	name := filepath.Base(path)
	switch {
	case strings.HasPrefix(name, ".#"), strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".swo"), strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".part"),
		name == "4913", name == ".DS_Store", strings.HasPrefix(name, ".~lock."), strings.HasPrefix(name, "~$"):
		return true
	}
	return false
}
