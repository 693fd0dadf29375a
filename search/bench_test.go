package search

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gongkai/gongkai/search/internal/searchtest"
	"github.com/gongkai/gongkai/search/mapping"
)

// The scale corpus: 3,504 Markdown legal texts (58 MB), read-only.
func lawsDir(b *testing.B) string {
	for _, dir := range []string{os.Getenv("GONGKAI_LAWS"), "../../shared/corpora/laws", "../shared/corpora/laws"} {
		if dir == "" {
			continue
		}
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	b.Skip("laws corpus not found (set GONGKAI_LAWS)")
	return ""
}

// loadLaws turns each file into a document record and one record per group
// of paragraphs (split at headings, at most groupRunes long).
func loadLaws(b *testing.B, dir string) (records []mapping.Record, rawBytes int64) {
	const groupRunes = 1500
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rawBytes += int64(len(data))
		rel, _ := filepath.Rel(dir, path)
		url := "/laws/" + strings.TrimSuffix(filepath.ToSlash(rel), ".md") + "/"
		title, paras := lawParagraphs(stripFrontMatter(string(data)))
		if title == "" {
			title = strings.TrimSuffix(filepath.Base(path), ".md")
		}
		date := time.Time{}
		if m := lawDate.FindStringSubmatch(path); m != nil {
			date, _ = time.Parse(time.DateOnly, m[1])
		}
		genre := strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
		base := mapping.Record{URL: url, Title: title, Type: "law", Genre: genre, Date: date}
		// The document record carries the title and the opening paragraph;
		// the text itself is in the paragraph records (see doc.go).
		// GONGKAI_FULLDOC=1 measures putting the whole text there as well.
		doc := base
		doc.ID = url
		if os.Getenv("GONGKAI_FULLDOC") != "" {
			var all []string
			for _, p := range paras {
				all = append(all, p.text)
			}
			doc.Body = strings.Join(all, "\n")
		} else if len(paras) > 0 {
			doc.Body = paras[0].text
		}
		records = append(records, doc)
		var group []string
		section, n, size := "", 0, 0
		flush := func() {
			if len(group) == 0 {
				return
			}
			n++
			r := base
			r.Anchor = "p" + itoa(n)
			r.ID, r.Section, r.Body = url+"#"+r.Anchor, section, strings.Join(group, "\n")
			records = append(records, r)
			group, size = nil, 0
		}
		for _, p := range paras {
			if p.heading {
				flush()
				section = p.text
				continue
			}
			if size+utf8.RuneCountInString(p.text) > groupRunes {
				flush()
			}
			group = append(group, p.text)
			size += utf8.RuneCountInString(p.text)
		}
		flush()
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return records, rawBytes
}

var lawDate = regexp.MustCompile(`\((\d{4}-\d{2}-\d{2})\)\.md$`)

func itoa(n int) string {
	buf := [20]byte{}
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			return string(buf[i:])
		}
	}
}

func stripFrontMatter(s string) string {
	if !strings.HasPrefix(s, "---\n") {
		return s
	}
	if end := strings.Index(s[4:], "\n---"); end >= 0 {
		rest := s[4+end+4:]
		return strings.TrimPrefix(rest, "\n")
	}
	return s
}

type lawPara struct {
	text    string
	heading bool
}

func lawParagraphs(s string) (title string, paras []lawPara) {
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "<!--"):
		case strings.HasPrefix(line, "# ") && title == "":
			title = strings.TrimSpace(line[2:])
		case strings.HasPrefix(line, "#"):
			paras = append(paras, lawPara{text: strings.TrimSpace(strings.TrimLeft(line, "#")), heading: true})
		default:
			paras = append(paras, lawPara{text: line})
		}
	}
	return title, paras
}

func buildLaws(b *testing.B, records []mapping.Record) (string, Manifest) {
	dir := filepath.Join(b.TempDir(), "index")
	shards, _ := strconv.Atoi(os.Getenv("GONGKAI_SHARDS")) // 0: the default
	w, err := NewWriter(dir, Options{Shards: shards})
	if err != nil {
		b.Fatal(err)
	}
	// Feed from several goroutines, as the generator's render workers do.
	work := make(chan mapping.Record)
	var wg sync.WaitGroup
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range work {
				if err := w.Add(r); err != nil {
					b.Error(err)
				}
			}
		}()
	}
	for _, r := range records {
		work <- r
	}
	close(work)
	wg.Wait()
	man, err := w.Close("bench")
	if err != nil {
		b.Fatal(err)
	}
	return dir, man
}

// BenchmarkIndexLaws builds the whole corpus; run with -benchtime=1x.
func BenchmarkIndexLaws(b *testing.B) {
	records, raw := loadLaws(b, lawsDir(b))
	b.SetBytes(raw)
	b.ResetTimer()
	var man Manifest
	for i := 0; i < b.N; i++ {
		_, man = buildLaws(b, records)
	}
	b.ReportMetric(float64(man.SizeBytes)/1e6, "index-MB")
	b.ReportMetric(float64(man.SizeBytes)/float64(raw), "index/raw")
	b.ReportMetric(float64(man.Records), "records")
}

// lawQueries are the benchmark's searches (searchtest.LawQueries).
var lawQueries = func() []Request {
	var reqs []Request
	for _, q := range searchtest.LawQueries {
		reqs = append(reqs, Request{Query: q.Query, Filters: q.Filters, Sort: q.Sort})
	}
	return reqs
}()

// BenchmarkQueryLaws reports p50 and p95 latency over lawQueries.
func BenchmarkQueryLaws(b *testing.B) {
	records, _ := loadLaws(b, lawsDir(b))
	dir, _ := buildLaws(b, records)
	ix, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	var lat []time.Duration
	totals := map[string]int{}
	worst := map[string]time.Duration{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, req := range lawQueries {
			start := time.Now()
			res, err := ix.Search(ctx, req)
			if err != nil {
				b.Fatal(err)
			}
			d := time.Since(start)
			lat = append(lat, d)
			totals[req.Query] = res.Total
			worst[req.Query] = max(worst[req.Query], d)
		}
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
	if testing.Verbose() {
		for _, req := range lawQueries {
			b.Logf("%-20s %5d hits, slowest %v", req.Query, totals[req.Query], worst[req.Query])
		}
	}
}

// BenchmarkUpdateLaws replaces one page's records in the laws index, as
// `serve --watch` does after an edit, and searches for the change.
func BenchmarkUpdateLaws(b *testing.B) {
	records, _ := loadLaws(b, lawsDir(b))
	dir, _ := buildLaws(b, records)
	ix, err := OpenWritable(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	url := records[len(records)/2].URL
	var page []mapping.Record
	for _, r := range records {
		if r.URL == url {
			page = append(page, r)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		marker := "修改标记" + strconv.Itoa(i)
		changed := append([]mapping.Record(nil), page...)
		changed[len(changed)-1].Body += marker
		if err := ix.Update([]string{url}, changed); err != nil {
			b.Fatal(err)
		}
		res, err := ix.Search(context.Background(), Request{Query: marker})
		if err != nil || res.Total != 1 {
			b.Fatalf("%s → %v, %v", marker, res, err)
		}
	}
	b.ReportMetric(float64(len(page)), "records/page")
}
