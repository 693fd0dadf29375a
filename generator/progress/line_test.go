package progress

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// fakeTerm is a terminal that records what was written and says when.
type fakeTerm struct {
	mu    sync.Mutex
	out   bytes.Buffer
	wrote chan struct{}
}

func newFakeTerm() *fakeTerm { return &fakeTerm{wrote: make(chan struct{}, 100)} }

func (f *fakeTerm) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.out.Write(p)
	f.wrote <- struct{}{}
	return len(p), nil
}

func (f *fakeTerm) String() string { f.mu.Lock(); defer f.mu.Unlock(); return f.out.String() }

// screen is what a terminal shows after the output: \r goes back to the line's start and
// later characters overwrite earlier ones, cell by cell (a Han character takes two).
func screen(out string) string {
	var cells []string
	pos := 0
	for _, r := range out {
		if r == '\r' {
			pos = 0
			continue
		}
		s := string(r)
		_, w := fit(s, 0)
		for len(cells) < pos+w {
			cells = append(cells, " ")
		}
		cells[pos] = s
		if w == 2 {
			cells[pos+1] = ""
		}
		pos += w
	}
	return strings.TrimRight(strings.Join(cells, ""), " ")
}

func format(s Snapshot) string {
	return fmt.Sprintf("已读取 %d 页 · 已转换 %d/%d · %s", s.Read, s.Converted, s.Pages, s.Elapsed)
}

func TestLineDrawsInPlaceAfterDelay(t *testing.T) {
	term := newFakeTerm()
	var c Counters
	l := &line{w: term, c: &c, format: format}
	start := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	ticks, done, finished := make(chan time.Time), make(chan struct{}), make(chan struct{})
	go func() { l.run(start, ticks, done); close(finished) }()
	tick := func(d time.Duration) { ticks <- start.Add(d) }

	c.Read(3476)
	c.SetPages(3476)
	tick(200 * time.Millisecond)
	tick(800 * time.Millisecond)
	if got := term.String(); got != "" {
		t.Fatalf("drawn before a second had passed: %q", got)
	}
	c.Converted(1200)
	tick(1200 * time.Millisecond)
	<-term.wrote
	if got := screen(term.String()); got != "已读取 3476 页 · 已转换 1200/3476 · 1.2s" {
		t.Errorf("first line: %q", got)
	}
	c.Converted(2276)
	tick(12 * time.Second)
	<-term.wrote
	if got := screen(term.String()); got != "已读取 3476 页 · 已转换 3476/3476 · 12s" {
		t.Errorf("redrawn line: %q", got)
	}
	if n := strings.Count(term.String(), "\n"); n != 0 {
		t.Errorf("%d newlines: the line must be redrawn in place", n)
	}
	close(done)
	<-finished
	if got := screen(term.String()); got != "" {
		t.Errorf("after stop the line shows %q; it must be cleared for the summary", got)
	}
	if !strings.HasSuffix(term.String(), "\r") {
		t.Errorf("after stop the cursor is not at the line's start: %q", term.String())
	}
}

func TestLineShorterRedrawLeavesNoTail(t *testing.T) {
	term := newFakeTerm()
	l := &line{w: term}
	l.draw("已生成 12345 个文件")
	l.draw("已生成 9")
	if got := screen(term.String()); got != "已生成 9" {
		t.Errorf("screen %q", got)
	}
}

func TestLineFitsTheTerminal(t *testing.T) {
	term := newFakeTerm()
	l := &line{w: term, cols: 12}
	l.draw("已读取 3476 页 · 已转换")
	got := screen(term.String())
	if _, n := fit(got, 0); n > 11 {
		t.Errorf("line %q takes %d cells of a 12-column terminal", got, n)
	}
	if got != "已读取 3476" {
		t.Errorf("cut line %q", got)
	}
}

func TestLineQuietWhenNotATerminal(t *testing.T) {
	var c Counters
	var buf bytes.Buffer
	stop := Start(&buf, &c, format)
	c.Read(5)
	stop()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	stop = Start(w, &c, format)
	stop()
	stop() // a second stop is harmless
	w.Close()
	if buf.Len() != 0 {
		t.Errorf("wrote %q to a buffer", buf.String())
	}
	if _, ok := terminal(w); ok {
		t.Error("a pipe is taken for a terminal")
	}
}

func TestNilCountersCountNothing(t *testing.T) {
	var c *Counters
	c.Read(1)
	c.Converted(1)
	c.Rendered(1)
	c.Indexed(1)
	c.SetPages(1)
	c.SetRecords(1)
	c.Reset()
	if c.Snapshot() != (Snapshot{}) {
		t.Error("nil counters have counts")
	}
	fs := afero.NewMemMapFs()
	if CountWrites(fs, nil) != fs {
		t.Error("CountWrites(nil) wraps the filesystem")
	}
}

func TestCountWrites(t *testing.T) {
	var c Counters
	fs := CountWrites(afero.NewMemMapFs(), &c)
	_ = afero.WriteFile(fs, "/a/index.html", []byte("x"), 0o644)
	_ = afero.WriteFile(fs, "/b.xml", []byte("x"), 0o644)
	if _, err := fs.Open("/b.xml"); err != nil {
		t.Fatal(err)
	}
	f, _ := fs.Create("/c.json")
	f.Close()
	if got := c.Snapshot().Rendered; got != 3 {
		t.Errorf("counted %d files written, want 3 (reads are not counted)", got)
	}
	c.Reset()
	if c.Snapshot() != (Snapshot{}) {
		t.Errorf("after Reset: %+v", c.Snapshot())
	}
}
