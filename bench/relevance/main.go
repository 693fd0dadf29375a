// Command relevance measures whether search finds what people ask for: for
// each query of a relevance file (../shared/eval/laws-dev.tsv's format:
// query<TAB>expected file<TAB>anchor), the rank of the expected document
// among the first page of results, counted by distinct document, and
// whether the top hit links to the expected anchor.
//
//	go run ./bench/relevance -site DIR [-static] [-pagefind DIR] QUERIES.tsv
//
// DIR is a built site's source folder (site.yaml, content/, public/) or its
// output folder (public/; then give -content to judge hits by their source
// files rather than by their URLs). The server is asked through the same
// handler as `gongkai serve`'s /api/search, in process, on the index opened
// read-only; -static asks the search page's own script in headless Chromium
// against a plain file server (the site's static export); -pagefind asks
// Pagefind's JavaScript API on a Hugo build of the same corpus indexed by
// pagefind. Each system asks for one page of ten results. The example
// site's own queries are in bench/relevance/example.tsv; docs/search.md
// ("Relevance") has the figures.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/content"
	"github.com/spf13/afero"
)

// pageSize is the first page a reader sees, on the server and the static client alike.
const pageSize = 10

// system answers queries with the hits of their first page.
type system interface {
	Name() string
	Search(ctx context.Context, q string) ([]Hit, error)
}

func main() {
	site := flag.String("site", "", "site source folder (with content/ and public/) or its built output folder")
	contentDir := flag.String("content", "", "content folder (default: DIR/content when DIR is the source folder)")
	static := flag.Bool("static", false, "also ask the static client (search.js in headless Chromium)")
	noServer := flag.Bool("no-server", false, "do not ask the server (with -static or -pagefind)")
	pagefind := flag.String("pagefind", "", "also ask Pagefind on this folder (Hugo's build of the same corpus, indexed by pagefind)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: go run ./bench/relevance -site DIR [-static] [-pagefind DIR] QUERIES.tsv")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *site == "" || flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, *site, *contentDir, flag.Arg(0), !*noServer, *static, *pagefind); err != nil {
		fmt.Fprintln(os.Stderr, "relevance:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, site, contentDir, tsv string, server, static bool, pagefind string) error {
	data, err := os.ReadFile(tsv)
	if err != nil {
		return err
	}
	cases, err := ParseCases(tsv, string(data))
	if err != nil {
		return err
	}
	public := site
	if _, err := os.Stat(filepath.Join(site, "_search")); err != nil {
		public = filepath.Join(site, "public")
		if contentDir == "" {
			contentDir = filepath.Join(site, "content")
		}
	}
	docs, err := loadDocs(contentDir)
	if err != nil {
		return err
	}
	var systems []system
	var closers []func()
	defer func() {
		for i := len(closers) - 1; i >= 0; i-- {
			closers[i]()
		}
	}()
	if server {
		s, err := openServer(public)
		if err != nil {
			return err
		}
		systems, closers = append(systems, s), append(closers, s.Close)
	}
	if static || pagefind != "" {
		b, err := startBrowser()
		if err != nil {
			return err
		}
		closers = append(closers, b.Close)
		if static {
			s, err := b.static(public)
			if err != nil {
				return err
			}
			systems = append(systems, s)
		}
		if pagefind != "" {
			s, err := b.pagefind(pagefind)
			if err != nil {
				return err
			}
			systems = append(systems, s)
		}
	}
	if len(systems) == 0 {
		return errors.New("no system to ask: leave out -no-server, or add -static or -pagefind")
	}
	fmt.Fprintf(w, "%d queries from %s; %d pages known from %s\n", len(cases), tsv, len(docs.byURL), orNone(contentDir))
	var totals []string
	// lists holds each gongkai system's documents per query, in order, to
	// compare the static client with the server (issue 14 item 6: same
	// results, same order).
	var lists [][]string
	for _, s := range systems {
		d := docs
		if _, ok := s.(*pagefindSystem); ok {
			d = Docs{loose: true} // Hugo's URLs, not gongkai's
		}
		top3, anchors, named := 0, 0, 0
		var list []string
		fmt.Fprintf(w, "\n== %s\n", s.Name())
		for _, c := range cases {
			hits, err := s.Search(context.Background(), c.Query)
			var refused answerError
			if errors.As(err, &refused) {
				fmt.Fprintf(w, "refused: %s: %s\n", c.Query, refused)
				err = nil
			}
			if err != nil {
				return fmt.Errorf("%s: %q: %w", s.Name(), c.Query, err)
			}
			sc := d.Judge(c, hits)
			list = append(list, d.docList(hits))
			rank := "-"
			if sc.Rank > 0 {
				rank = fmt.Sprint(sc.Rank)
			}
			if sc.Rank > 0 && sc.Rank <= 3 {
				top3++
			}
			if c.Anchor != "" {
				named++
				if sc.Anchor == "ok" {
					anchors++
				}
			}
			fmt.Fprintf(w, "rank %-3s anchor %-5s  %s    top: %s\n", rank, sc.Anchor, c.Query, orNone(sc.Got))
		}
		line := fmt.Sprintf("%-16s top3: %d/%d, anchors: %d/%d", s.Name(), top3, len(cases), anchors, named)
		fmt.Fprintln(w, line)
		if _, ok := s.(*pagefindSystem); !ok {
			lists = append(lists, list)
		}
		totals = append(totals, line)
	}
	if len(lists) == 2 {
		same := 0
		for i := range lists[0] {
			if lists[0][i] == lists[1][i] {
				same++
			} else {
				fmt.Fprintf(w, "\nstatic client differs from server on %q:\n  server: %s\n  static: %s\n", cases[i].Query, lists[0][i], lists[1][i])
			}
		}
		totals = append(totals, fmt.Sprintf("static client lists the server's documents in the server's order on %d/%d queries", same, len(cases)))
	}
	fmt.Fprintln(w, "\n== totals")
	for _, t := range totals {
		fmt.Fprintln(w, t)
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// loadDocs reads the content folder as the build does (generator/content),
// so that each page's URL, front-matter slug included, leads to its file.
func loadDocs(dir string) (Docs, error) {
	d := Docs{byURL: map[string]string{}}
	if dir == "" {
		return d, nil
	}
	pages, errs := content.Load(afero.NewOsFs(), dir, nil, config.DefaultLimits())
	if len(pages) == 0 && len(errs) > 0 {
		return d, errs[0]
	}
	for _, p := range pages {
		d.byURL[p.URL] = p.File
	}
	return d, nil
}
