package static

import (
	"slices"
	"strings"
)

// groupTable is the one file every search needs whole: facet values and the
// date of every record. Records of one page share all of them, and a
// shard holds a page's records in a row, so the table stores the distinct
// combinations ("groups") once and the records as runs of one group.
//
// Layout (gzip):
//
//	nstrings, string…
//	ngroups, per group: for each of groupFields: nvalues, string index…;
//	                    date: 0 when none, else zigzag(Unix seconds)+1
//	nruns, per run: length, group index        (runs cover gids 0…records-1)
//	documents (docs below)
func encodeGroups(recs []record) []byte {
	strs := map[string]int{}
	var strList []string
	str := func(s string) int {
		if i, ok := strs[s]; ok {
			return i
		}
		strs[s] = len(strList)
		strList = append(strList, s)
		return len(strList) - 1
	}
	groups := map[string]int{}
	var groupBytes buf
	var runs buf
	nruns, runLen, runGroup := 0, 0, -1
	for i := range recs {
		key := groupKey(&recs[i])
		g, ok := groups[key]
		if !ok {
			g = len(groups)
			groups[key] = g
			for _, vs := range recs[i].facets {
				groupBytes.int(len(vs))
				for _, v := range vs {
					groupBytes.int(str(v))
				}
			}
			if recs[i].hasDate {
				groupBytes.uvarint(zigzag(recs[i].date) + 1)
			} else {
				groupBytes.int(0)
			}
		}
		if g != runGroup {
			if runLen > 0 {
				runs.int(runLen)
				runs.int(runGroup)
				nruns++
			}
			runGroup, runLen = g, 0
		}
		runLen++
	}
	if runLen > 0 {
		runs.int(runLen)
		runs.int(runGroup)
		nruns++
	}
	var out buf
	out.int(len(strList))
	for _, s := range strList {
		out.str(s)
	}
	out.int(len(groups))
	out.bytes(groupBytes)
	out.int(nruns)
	out.bytes(runs)
	out.bytes(encodeDocs(recs))
	return out
}

// encodeDocs is the document table: which document (page) each record
// belongs to, and which record is its document record, so the client
// counts, ranks and facets documents (issue 14) without reading metadata.
// Documents are numbered in the byte order of their URLs, which is the
// server's tie order, so the client breaks ties by number. A page's
// records lie in one shard in the order of their IDs, so within a shard
// the numbers mostly rise by one from run to run.
//
//	ndocs
//	nruns, per run: length, zigzag(document − previous run's document)
//	per document: 1 + its document record's gid − its first gid, 0 when none
func encodeDocs(recs []record) []byte {
	t := newDocTable(recs)
	var runs buf
	nruns, runLen, runDoc, prev := 0, 0, -1, 0
	flush := func() {
		if runLen > 0 {
			runs.int(runLen)
			runs.uvarint(zigzag(int64(runDoc - prev)))
			prev = runDoc
			nruns++
		}
	}
	for _, d := range t.of {
		if d != runDoc {
			flush()
			runDoc, runLen = d, 0
		}
		runLen++
	}
	flush()
	var out buf
	out.int(len(t.first))
	out.int(nruns)
	out.bytes(runs)
	for d, first := range t.first {
		if t.docRec[d] < 0 {
			out.int(0)
		} else {
			out.int(1 + t.docRec[d] - first)
		}
	}
	return out
}

// docTable is which document each record belongs to, documents numbered
// in the byte order of their URLs.
type docTable struct {
	of     []int // gid → document
	first  []int // document → its first gid
	docRec []int // document → its document record's gid, or -1
}

func newDocTable(recs []record) *docTable {
	urls := make([]string, len(recs))
	for i := range recs {
		urls[i] = docURL(recs[i].href)
	}
	sorted := slices.Clone(urls)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	num := make(map[string]int, len(sorted))
	for i, u := range sorted {
		num[u] = i
	}
	t := &docTable{of: make([]int, len(recs)), first: make([]int, len(sorted)), docRec: make([]int, len(sorted))}
	for i := range t.first {
		t.first[i], t.docRec[i] = -1, -1
	}
	for gid, u := range urls {
		d := num[u]
		t.of[gid] = d
		if t.first[d] < 0 {
			t.first[d] = gid
		}
		if t.docRec[d] < 0 && !strings.Contains(recs[gid].href, "#") {
			t.docRec[d] = gid
		}
	}
	return t
}

// rep is the record that stands for document d: its document record, or
// its first record when it has none (search/collect's rep).
func (t *docTable) rep(d int) int {
	if t.docRec[d] >= 0 {
		return t.docRec[d]
	}
	return t.first[d]
}

// docURL is a record's page URL: its link without the #anchor.
func docURL(href string) string {
	if i := strings.IndexByte(href, '#'); i >= 0 {
		return href[:i]
	}
	return href
}

func groupKey(r *record) string {
	var b strings.Builder
	for _, vs := range r.facets {
		for _, v := range vs {
			b.WriteString(v)
			b.WriteByte(0)
		}
		b.WriteByte(1)
	}
	if r.hasDate {
		b.WriteString(dateKey(r.date))
	}
	return b.String()
}

func dateKey(unix int64) string {
	var b buf
	b.uvarint(zigzag(unix))
	return string(b)
}

func zigzag(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }

func unzigzag(u uint64) int64 { return int64(u>>1) ^ -int64(u&1) }
