package static

import "strings"

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
	return out
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
