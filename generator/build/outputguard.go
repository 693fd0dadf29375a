package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gongkai/gongkai/generator/privacy"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/gongkai/gongkai/search"
	"github.com/spf13/afero"
)

// The source guard (privacy.go) reads what staff wrote; this one reads what readers get. Markup,
// entities, templates and the search index can turn a source that passes into a page that
// publishes a number: 138<!-- -->12345678, &#49;3812345678, 138**1234**5678, a title repeated
// into an alt text, a number in a file name. So every file the render writes is scanned as
// written, in the render's own workers, and the search records before they are indexed; the
// static packs are made from those records. A finding fails the build before the commit, named
// by the page source it came from when the number can be found there. Attachments and static/
// files are checked by the asset checks; only their names are read here.

// outputGuard is the output filesystem of a render, scanning each content file it is given.
type outputGuard struct {
	afero.Fs
	g *guard
}

// guard holds what the scans found and how to trace it back.
type guard struct {
	allow   []string
	byDir   map[string]*site.Page // output folder ("policies/a") → the page published there
	byURL   map[string]*site.Page
	pages   []*site.Page
	refuse  bool // serve --watch writes into the live site: a file with a finding is not written
	mu      sync.Mutex
	found   []outputFinding
	scanned int64 // bytes, for the measurement in the tests
}

type outputFinding struct {
	file   string // output path, or "" for a search record
	record string // the record's ID
	page   *site.Page
	name   bool // found in the file's or a folder's name
	f      privacy.Finding
}

// newGuard knows every page's allow list: a number one page may show (an office's hotline)
// appears in listings, feeds and data files too, so the lists apply site-wide.
func newGuard(all []*site.Page, s *site.Site) *guard {
	g := &guard{byDir: map[string]*site.Page{}, byURL: map[string]*site.Page{}, pages: all}
	for _, p := range all {
		g.allow = append(g.allow, allowList(p)...)
	}
	for _, p := range s.Pages {
		g.byURL[p.URL] = p
		g.byDir[strings.Trim(p.URL, "/")] = p
	}
	return g
}

// pageOf is the page whose folder holds file, nearest first; files at the top (feeds, data) belong
// to none but the home page's index.html.
func (g *guard) pageOf(file string) *site.Page {
	dir := path.Dir(strings.TrimPrefix(file, "/"))
	if dir == "." {
		if path.Base(file) == "index.html" {
			return g.byDir[""]
		}
		return nil
	}
	for dir != "." && dir != "/" {
		if p := g.byDir[dir]; p != nil {
			return p
		}
		dir = path.Dir(dir)
	}
	return nil
}

func (g *guard) add(fs ...outputFinding) {
	if len(fs) == 0 {
		return
	}
	g.mu.Lock()
	g.found = append(g.found, fs...)
	g.mu.Unlock()
}

// scanFile scans one written file and says whether it found anything.
func (g *guard) scanFile(name string, data []byte) bool {
	f, ok := privacy.FormatOf(name)
	if !ok {
		return false
	}
	file := strings.TrimPrefix(name, "/")
	if dir, base := path.Split(file); strings.HasPrefix(base, ".tmp-") {
		// serve --watch writes to a temporary name first (render.atomicFs): name the real file.
		if _, real, ok := strings.Cut(base[len(".tmp-"):], "-"); ok {
			file = dir + real
		}
	}
	var out []outputFinding
	for _, fd := range privacy.ScanPublished(data, f, g.allow) {
		out = append(out, outputFinding{file: file, f: fd})
	}
	g.add(out...)
	return len(out) > 0
}

// errRefused is what a refusing guard's Close returns; the findings are reported by errors.
var errRefused = fmt.Errorf("未脱敏的个人信息不得公开")

// scanRecords scans the search records before they are indexed, on workers goroutines.
func (g *guard) scanRecords(records []search.Record, workers int) {
	var wg sync.WaitGroup
	chunk := (len(records) + workers - 1) / max(workers, 1)
	for from := 0; from < len(records); from += max(chunk, 1) {
		part := records[from:min(from+max(chunk, 1), len(records))]
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out []outputFinding
			for i := range part {
				out = append(out, g.scanRecord(&part[i])...)
			}
			g.add(out...)
		}()
	}
	wg.Wait()
}

func (g *guard) scanRecord(r *search.Record) []outputFinding {
	fields := []string{r.Title, r.Body, r.Section, r.DocNumber, r.DocKey, r.Genre, r.Status, r.Level, r.Village, r.URL, r.Anchor}
	fields = append(append(append(fields, r.Issuers...), r.Topics...), r.Departments...)
	for _, p := range r.Parts {
		fields = append(fields, p.Section, p.Anchor)
	}
	var out []outputFinding
	for _, field := range fields {
		for _, fd := range privacy.Scan([]byte(field), g.allow) {
			out = append(out, outputFinding{record: r.ID, page: g.byURL[r.URL], f: fd})
		}
	}
	return out
}

// scanNames scans the name of every file and folder in the output, attachments included.
func (g *guard) scanNames(out afero.Fs) error {
	return afero.Walk(out, "/", func(p string, info fs.FileInfo, err error) error {
		if err != nil || p == "/" {
			return err
		}
		name := filepath.Base(p)
		for _, fd := range privacy.Scan([]byte(name), g.allow) {
			g.add(outputFinding{file: filepath.ToSlash(strings.TrimPrefix(p, "/")), name: true, f: fd})
		}
		if info.IsDir() && filepath.ToSlash(p) == "/"+IndexPath {
			return filepath.SkipDir // bleve's own files
		}
		return nil
	})
}

// errors turns the findings into build errors, each traced to the page source that holds the
// number when one does; a number published in several files is one error naming the first.
func (g *guard) errors(o Options, files *siteFiles) []error {
	type key struct{ where, kind, masked string }
	var order []key
	outputs := map[key][]string{}
	// A page's own files first: a number a listing or feed repeats is then reported once, at the
	// page it comes from.
	found := append([]outputFinding(nil), g.found...)
	pageOf := func(f outputFinding) *site.Page {
		if f.page == nil && f.file != "" {
			return g.pageOf(f.file)
		}
		return f.page
	}
	sort.SliceStable(found, func(i, j int) bool { return pageOf(found[i]) != nil && pageOf(found[j]) == nil })
	traced := map[string]key{} // digits → where they were first traced
	for _, f := range found {
		out := f.file
		if f.file == "" {
			out = "检索记录 " + f.record
		}
		p := pageOf(f)
		digits := findingDigits(f.f.Raw)
		if k, ok := traced[digits]; ok && !f.name && p == nil {
			outputs[k] = append(outputs[k], out)
			continue
		}
		var where string
		switch {
		case f.name:
			where = g.nameSource(o, p, f.file, files)
		default:
			if src, line, ok := g.trace(o, p, f.f); ok {
				where = fmt.Sprintf("%s:%d", src, line)
			} else if f.file != "" {
				where = fmt.Sprintf("%s:%d:%d", filepath.Join(o.Dest, f.file), f.f.Line, f.f.Col)
			} else {
				where = out
			}
		}
		k := key{where, f.f.Kind, f.f.Masked}
		if f.name {
			k.kind = "name:" + k.kind
		}
		if _, ok := outputs[k]; !ok {
			order = append(order, k)
		}
		if _, ok := traced[digits]; !ok && !f.name {
			traced[digits] = k
		}
		outputs[k] = append(outputs[k], out)
	}
	var errs []error
	for _, k := range order {
		outs := outputs[k]
		sort.Strings(outs)
		in := outs[0]
		if len(outs) > 1 {
			in = fmt.Sprintf("%s 等 %d 个文件", outs[0], len(outs))
		}
		var msg string
		switch {
		case strings.HasPrefix(k.kind, "name:"):
			msg = fmt.Sprintf("%s: 文件名或文件夹名中有未脱敏的%s %s（发布为 %s）；改名，或在页面的 front matter 中写 `slug:`", k.where, strings.TrimPrefix(k.kind, "name:"), k.masked, in)
		case strings.Contains(k.where, ":") && !strings.HasPrefix(k.where, filepath.Join(o.Dest, "")+string(filepath.Separator)) && !strings.HasPrefix(k.where, "检索记录 "):
			msg = fmt.Sprintf("%s: 未脱敏的%s %s 不得公开（生成后会出现在 %s）; 请直接写成脱敏形式（%s）：数字间的标记、实体或分隔符挡不住它；如是公开的办公号码，列入 front matter 的 allow_numbers", k.where, k.kind, k.masked, in, k.masked)
		default:
			msg = fmt.Sprintf("%s: 未脱敏的%s %s 不得公开（出现在 %s）; 没有哪一页的源文件原样含有它：查出它的来处（site.yaml、数据文件、主题）并脱敏", k.where, k.kind, k.masked, in)
		}
		errs = append(errs, fmt.Errorf("%s", msg))
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return errs
}

// nameSource is the source whose name published the number: an attachment, or a page.
func (g *guard) nameSource(o Options, p *site.Page, file string, files *siteFiles) string {
	if files != nil {
		for _, a := range files.list {
			if a.Dest == file || strings.HasPrefix(a.Dest, file+"/") {
				return a.Src
			}
		}
	}
	if p != nil && p.SrcPath != "" {
		return p.SrcPath
	}
	return filepath.Join(o.Dest, file)
}

// trace finds the source line of a finding: in the page the file belongs to, else in any page.
// Sources are compared by their digits only, after entities are decoded, so that a number split
// by markup or separators is found where it was written.
func (g *guard) trace(o Options, p *site.Page, f privacy.Finding) (string, int, bool) {
	key := findingDigits(f.Raw)
	if len(key) < 11 {
		return "", 0, false
	}
	if p != nil {
		if line, ok := findDigits(o.SrcFs, p.SrcPath, key); ok {
			return p.SrcPath, line, true
		}
	}
	for _, q := range g.pages {
		if q == p || q.SrcPath == "" {
			continue
		}
		if line, ok := findDigits(o.SrcFs, q.SrcPath, key); ok {
			return q.SrcPath, line, true
		}
	}
	return "", 0, false
}

// findingDigits are the digits a source must hold: a number in scientific notation is traced by
// its mantissa.
func findingDigits(raw string) string {
	if i := strings.IndexAny(raw, "eE"); i > 0 {
		raw = raw[:i]
	}
	var b strings.Builder
	for _, r := range raw {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		}
	}
	return b.String()
}

// findDigits says on which line of a source file the digits of key start, reading the file's
// text with its markup's entities decoded and everything but digits left out.
func findDigits(fsys afero.Fs, name, key string) (int, bool) {
	data, err := afero.ReadFile(fsys, name)
	if err != nil {
		return 0, false
	}
	text, origin := privacy.Plain(data, privacy.HTML)
	var digits []byte
	var at []int
	for i := 0; i < len(text); {
		r, w := rune(text[i]), 1
		if r >= 0x80 {
			r, w = utf8.DecodeRune(text[i:])
		}
		switch {
		case r >= '0' && r <= '9':
			digits, at = append(digits, byte(r)), append(at, i)
		case r >= '０' && r <= '９':
			digits, at = append(digits, byte(r-'０'+'0')), append(at, i)
		}
		i += w
	}
	k := bytes.Index(digits, []byte(key))
	if k < 0 {
		return 0, false
	}
	off := min(origin(at[k]), len(data))
	return bytes.Count(data[:off], []byte{'\n'}) + 1, true
}

// Create and OpenFile hand out files that are scanned when closed.
func (o outputGuard) Create(name string) (afero.File, error) {
	return o.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (o outputGuard) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	f, err := o.Fs.OpenFile(name, flag, perm)
	if err != nil || flag&(os.O_WRONLY|os.O_RDWR) == 0 {
		return f, err
	}
	if _, ok := privacy.FormatOf(name); !ok {
		return f, nil
	}
	return &guardedFile{File: f, g: o.g, fs: o.Fs, name: name}, nil
}

// guardedFile keeps a copy of what is written to it, to scan it whole on Close.
type guardedFile struct {
	afero.File
	g    *guard
	fs   afero.Fs
	name string
	buf  []byte
}

func (f *guardedFile) Write(p []byte) (int, error) {
	f.buf = append(f.buf, p...)
	return f.File.Write(p)
}

func (f *guardedFile) WriteString(s string) (int, error) {
	f.buf = append(f.buf, s...)
	return f.File.WriteString(s)
}

func (f *guardedFile) Close() error {
	found := f.g.scanFile(f.name, f.buf)
	f.buf = nil
	if found && f.g.refuse {
		_ = f.File.Truncate(0)
		_ = f.File.Close()
		_ = f.fs.Remove(f.name)
		return errRefused
	}
	return f.File.Close()
}

// findings says whether anything was found so far.
func (g *guard) findings() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.found) > 0
}
