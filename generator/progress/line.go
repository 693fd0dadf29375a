package progress

import (
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
	"golang.org/x/text/width"
)

// Delay is how long a build runs before its progress line appears: a quicker build prints
// only its summary, as before. Interval is how often the line is redrawn.
const (
	Delay    = time.Second
	Interval = 200 * time.Millisecond
)

// Start shows c's counts on w, formatted by format, when w is a terminal: from Delay on,
// redrawn in place every Interval. It returns the function that stops it and clears the
// line, to be called before the build's summary is printed. On a file, a pipe or a CI log it
// shows nothing: carriage returns there pile up as a line per redraw.
func Start(w io.Writer, c *Counters, format func(Snapshot) string) (stop func()) {
	fd, ok := terminal(w)
	if !ok || c == nil {
		return func() {}
	}
	cols, _, err := term.GetSize(fd)
	if err != nil {
		cols = 0
	}
	ticker := time.NewTicker(Interval)
	done, finished := make(chan struct{}), make(chan struct{})
	l := &line{w: w, c: c, format: format, cols: cols}
	go func() {
		l.run(time.Now(), ticker.C, done)
		close(finished)
	}()
	return sync.OnceFunc(func() {
		ticker.Stop()
		close(done)
		<-finished
	})
}

// terminal reports whether w is a terminal, and its descriptor.
func terminal(w io.Writer) (int, bool) {
	f, ok := w.(*os.File)
	if !ok {
		return 0, false
	}
	fd := int(f.Fd())
	return fd, term.IsTerminal(fd)
}

// line draws the progress line on a terminal w, cols cells wide (0 when unknown).
type line struct {
	w      io.Writer
	c      *Counters
	format func(Snapshot) string
	cols   int
	shown  int // cells of the line on screen, 0 when none
}

// run draws at each tick from Delay after start until done, then clears the line. Ticks
// carry the time, so that a test drives it with a fake clock.
func (l *line) run(start time.Time, ticks <-chan time.Time, done <-chan struct{}) {
	for {
		select {
		case <-done:
			l.clear()
			return
		case now := <-ticks:
			if now.Sub(start) < Delay {
				continue
			}
			s := l.c.Snapshot()
			s.Elapsed = now.Sub(start)
			l.draw(l.format(s))
		}
	}
}

// draw replaces the line on screen with text, cut to the terminal's width (a line that wraps
// cannot be redrawn with \r) and padded over the rest of a longer previous one.
func (l *line) draw(text string) {
	text, n := fit(text, l.cols-1)
	pad := ""
	if l.shown > n {
		pad = strings.Repeat(" ", l.shown-n)
	}
	_, _ = io.WriteString(l.w, "\r"+text+pad)
	l.shown = n
}

// clear blanks the line and leaves the cursor at its start, for the summary that follows.
func (l *line) clear() {
	if l.shown == 0 {
		return
	}
	_, _ = io.WriteString(l.w, "\r"+strings.Repeat(" ", l.shown)+"\r")
	l.shown = 0
}

// Width is how many terminal cells s takes.
func Width(s string) int {
	_, n := fit(s, 0)
	return n
}

// fit cuts s to at most max terminal cells (no limit when max < 1) and returns it with its
// width: Han characters and full-width punctuation take two cells.
func fit(s string, max int) (string, int) {
	n := 0
	for i, r := range s {
		w := 1
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			w = 2
		}
		if max >= 1 && n+w > max {
			return s[:i], n
		}
		n += w
	}
	return s, n
}
