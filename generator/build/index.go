package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/gongkai/gongkai/generator/abbrev"
	"github.com/gongkai/gongkai/generator/progress"
	"github.com/gongkai/gongkai/generator/publish"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/analysis"
	"github.com/gongkai/gongkai/search/static"
	"github.com/gongkai/gongkai/search/zapwrite"
)

// IndexPath is where the search index is written inside the output folder.
const IndexPath = "_search/index"

// StaticPath is where its static form for plain static hosting is written.
const StaticPath = "_search/static"

// writeIndex writes the bleve index of the site's published pages. bleve does its own file
// I/O, so on an OS filesystem it writes straight into the stage; otherwise it writes to a
// temporary folder that is then copied into the output filesystem.
// beforeExport runs once the index is written, before its static export.
func writeIndex(opts Options, stage *publish.Stage, s *site.Site, g *guard, beforeExport func()) (int, string, error) {
	dir := filepath.Join(stage.Dir(), IndexPath)
	onOS := publish.IsOS(opts.DstFs)
	if !onOS {
		tmp, err := os.MkdirTemp("", "gongkai-index-")
		if err != nil {
			return 0, "", err
		}
		defer os.RemoveAll(tmp)
		dir = filepath.Join(tmp, "index")
	} else if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return 0, "", err
	}
	n, postings, err := indexPages(opts.Context, dir, s, g, opts.Workers, opts.Progress)
	// Postings of segments written before a shard's last are in temporary
	// files (search.Options.MemoryBudget).
	defer func() {
		for _, ps := range postings {
			for _, p := range ps {
				_ = p.Close()
			}
		}
	}()
	if err != nil {
		return n, "", err
	}
	if err := opts.Context.Err(); err != nil {
		return n, "", err
	}
	beforeExport()
	// The static form of the index, for hosts where no gongkai process answers /api/search.
	// The postings are garbage once it returns: nothing else refers to them.
	_, err = static.ExportUsing(dir, stage.Fs(), "/"+StaticPath, static.ExportOptions{Postings: postings})
	if err != nil {
		return n, "", fmt.Errorf("无法导出静态检索索引：%v", err)
	}
	if !onOS {
		if err := publish.CopyFromOS(stage.Fs(), filepath.Dir(dir), "/"+filepath.Dir(IndexPath)); err != nil {
			return n, "", err
		}
	}
	return n, dir, nil
}

// indexPages writes the bleve index of the site's published pages into dir
// and returns how many records it holds and the postings the index writer
// kept for the static export. g, when not nil, scans the records for personal numbers first:
// the index and the static packs publish every stored field.
func indexPages(ctx context.Context, dir string, s *site.Site, g *guard, workers int, counts *progress.Counters) (int, map[string][]*zapwrite.Postings, error) {
	// The short names the pages define go into the synonyms the index is
	// written with, so they reach both search engines through its manifest.
	// They are collected from the records as they are indexed and given to
	// the writer before it closes: the groups only expand queries, and a
	// pass of their own made every record twice (laws ×4: 4 CPU-s, and
	// garbage the collector paid for near the memory limit).
	configured := append(search.DefaultSynonyms(), s.Config.Synonyms...)
	w, err := search.NewWriter(dir, search.Options{Synonyms: synonyms(configured, &abbrev.Collector{})})
	if err != nil {
		return 0, nil, err
	}
	defer w.Abort() // removes a half-written index; harmless after Close
	// The export reads the postings the writer kept instead of decoding
	// them back from the segments it wrote (laws corpus: 0.4 s less export
	// time, 0.9 CPU-s less for the build; 265 MB held during the export).
	if err := w.KeepPostings(); err != nil {
		return 0, nil, err
	}

	// Records go in in the byte order of their IDs, the order the static
	// export numbers them in: each shard's documents are then numbered in
	// that order too, and the export reads every posting list already
	// sorted instead of sorting each one (laws corpus: 15 million postings).
	// They are made a few pages at a time (records.go, inOrder), not all
	// at once: on a large site they are a copy of its whole text.
	n := 0
	var defined abbrev.Collector
	err = recordsInOrder(s.Pages, func(batch []search.Record) error {
		if g != nil {
			g.scanRecords(batch, workers)
		}
		for _, r := range batch {
			if n%256 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			defined.Add(r.Body)
			if err := w.Add(r); err != nil {
				return err
			}
			n++
			counts.Indexed(1)
		}
		return nil
	})
	if err != nil {
		return n, nil, err
	}
	counts.SetRecords(n)
	if err := w.SetSynonyms(synonyms(configured, &defined)); err != nil {
		return n, nil, err
	}
	if _, err := w.Close(ContentHash(s)); err != nil {
		return n, nil, err
	}
	postings := w.TakePostings()
	// The rest of the index writer's state (hundreds of megabytes on a
	// large site) is garbage now. Collecting it before the export, which
	// lets the heap grow further between collections, keeps the build's
	// peak memory about a gigabyte lower on the laws corpus.
	runtime.GC()
	return n, postings, nil
}

// synonyms are the groups queries expand with: the configured ones (the
// built-in ones, then site.yaml's), then the short names the published
// records define (以下简称), which defer to them. A group given twice is
// kept once.
func synonyms(configured [][]string, defined *abbrev.Collector) [][]string {
	var out [][]string
	seen := map[string]bool{}
	for _, g := range slices.Concat(configured, defined.Groups(configured)) {
		key := make([]string, len(g))
		for i, m := range g {
			key[i] = analysis.Canonical(m)
		}
		slices.Sort(key)
		if k := strings.Join(key, "\x00"); !seen[k] {
			seen[k] = true
			out = append(out, g)
		}
	}
	return out
}
