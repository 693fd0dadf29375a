// Package progress counts a build's work as the pipeline does it and shows the counts on a
// terminal, redrawn in place, for a build that takes long enough to leave someone waiting
// (the laws corpus: 15–30 s). The build only counts; the command that runs it prints.
package progress

import (
	"os"
	"sync/atomic"
	"time"

	"github.com/spf13/afero"
)

// Counters are the work done so far. A nil *Counters counts nothing, so a build run without
// a progress line (tests, check) passes nil and calls the same methods.
type Counters struct {
	read, converted, rendered, indexed atomic.Int64
	pages, records                     atomic.Int64 // totals, once known
}

// Snapshot is the counts at one moment. Pages and Records are 0 until known.
type Snapshot struct {
	Read, Converted, Rendered, Indexed int64
	Pages, Records                     int64
	Elapsed                            time.Duration
}

// Read counts n content pages read.
func (c *Counters) Read(n int) {
	if c != nil {
		c.read.Add(int64(n))
	}
}

// Converted counts n pages converted from Markdown.
func (c *Counters) Converted(n int) {
	if c != nil {
		c.converted.Add(int64(n))
	}
}

// Rendered counts n output files written.
func (c *Counters) Rendered(n int) {
	if c != nil {
		c.rendered.Add(int64(n))
	}
}

// Indexed counts n search records added.
func (c *Counters) Indexed(n int) {
	if c != nil {
		c.indexed.Add(int64(n))
	}
}

// SetPages gives the number of pages to convert.
func (c *Counters) SetPages(n int) {
	if c != nil {
		c.pages.Store(int64(n))
	}
}

// SetRecords gives the number of records to index.
func (c *Counters) SetRecords(n int) {
	if c != nil {
		c.records.Store(int64(n))
	}
}

// Reset sets every count to zero, for the next build of a serve session.
func (c *Counters) Reset() {
	if c == nil {
		return
	}
	for _, v := range []*atomic.Int64{&c.read, &c.converted, &c.rendered, &c.indexed, &c.pages, &c.records} {
		v.Store(0)
	}
}

// Snapshot reads the counts.
func (c *Counters) Snapshot() Snapshot {
	if c == nil {
		return Snapshot{}
	}
	return Snapshot{
		Read: c.read.Load(), Converted: c.converted.Load(), Rendered: c.rendered.Load(), Indexed: c.indexed.Load(),
		Pages: c.pages.Load(), Records: c.records.Load(),
	}
}

// CountWrites returns fsys with every file opened for writing counted as rendered; with c nil
// it is fsys itself.
func CountWrites(fsys afero.Fs, c *Counters) afero.Fs {
	if c == nil {
		return fsys
	}
	return &countingFs{Fs: fsys, c: c}
}

type countingFs struct {
	afero.Fs
	c *Counters
}

func (f *countingFs) Create(name string) (afero.File, error) {
	file, err := f.Fs.Create(name)
	if err == nil {
		f.c.Rendered(1)
	}
	return file, err
}

func (f *countingFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	file, err := f.Fs.OpenFile(name, flag, perm)
	if err == nil && flag&(os.O_WRONLY|os.O_RDWR) != 0 {
		f.c.Rendered(1)
	}
	return file, err
}
