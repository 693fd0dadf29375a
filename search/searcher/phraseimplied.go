package searcher

import (
	"math"
	"unicode/utf8"

	"github.com/gongkai/gongkai/search/analysis"
)

// impliedPlan is which slots planImplied left to their run-end markers:
// for those, the postings of the marker, and of the bigram without
// positions. postings holds the bigrams it opened for the other slots, too.
type impliedPlan struct {
	postings []*termPostings
	runEnds  []*termPostings
}

// planImplied picks the slots whose positions need not be read: a bigram
// yz between xy and zw (impliedSlots). In the index, the bigrams of a run
// of Han characters take consecutive positions, a run ends with the
// marker "c|" at the position of its last bigram, and the next run starts
// two positions on (one when a number or word comes between). So if xy is
// at p and zw at p+2, position p+1 holds yz unless xy ended its run, which
// the marker "y|" at p tells. Reading the marker instead of yz pays where
// yz is common and runs rarely end in y: 中华人民共和国 reads 人民 and 共和
// that way, a third less. Among the slots that can be implied (never two
// neighbours, as both neighbours must be read), planImplied takes those
// with the largest saving, estimated from document counts.
func planImplied(d *segmentDicts, slots [][]string) (impliedPlan, error) {
	plan := impliedPlan{postings: make([]*termPostings, len(slots)), runEnds: make([]*termPostings, len(slots))}
	can := impliedSlots(slots)
	saving := make([]int64, len(slots))
	for k, ok := range can {
		if !ok {
			continue
		}
		// With positions, as most are read after all.
		bigram, err := openTermPostings(d, []byte(slots[k][0]), true)
		if err != nil {
			return plan, err
		}
		first, _ := utf8.DecodeRuneInString(slots[k][0])
		marker, err := openTermPostings(d, analysis.TailTerm([]byte(string(first))), true)
		if err != nil {
			return plan, err
		}
		plan.postings[k], plan.runEnds[k] = bigram, marker
		saving[k] = int64(bigram.count) - 2*int64(marker.count)
		if ImpliedAlways {
			saving[k] = 1
		}
	}
	chosen := bestApart(saving)
	for k := range slots {
		switch {
		case chosen[k]:
			plan.postings[k].locs = false
			plan.postings[k].rewind()
		default:
			plan.runEnds[k] = nil
		}
	}
	return plan, nil
}

// ImpliedAlways makes planImplied take every slot it can whatever the
// counts; tests set it to exercise the run-end path on small indexes.
var ImpliedAlways = false

// bestApart chooses positive entries of w, no two next to each other, with
// the largest sum.
func bestApart(w []int64) []bool {
	best := make([]int64, len(w)+2) // best[i+2]: the best sum over w[:i+1]
	for i, v := range w {
		best[i+2] = max(best[i+1], best[i]+max(v, 0))
	}
	chosen := make([]bool, len(w))
	for i := len(w) - 1; i >= 0; i-- {
		if w[i] > 0 && best[i+2] == best[i]+w[i] {
			chosen[i] = true
			i-- // its neighbour is out
		}
	}
	return chosen
}

// impliedSlots marks the slots that a bigram either side would imply: a
// single term yz (two ideographs) between single terms xy and zw.
func impliedSlots(slots [][]string) []bool {
	can := make([]bool, len(slots))
	bigram := func(slot []string) (a, b rune, ok bool) {
		if len(slot) != 1 {
			return 0, 0, false
		}
		rs := []rune(slot[0])
		if len(rs) != 2 || !analysis.IsIdeographic(rs[0]) || !analysis.IsIdeographic(rs[1]) {
			return 0, 0, false
		}
		return rs[0], rs[1], true
	}
	for k := 1; k+1 < len(slots); k++ {
		_, y, ok1 := bigram(slots[k-1])
		y2, z, ok2 := bigram(slots[k])
		z2, _, ok3 := bigram(slots[k+1])
		can[k] = ok1 && ok2 && ok3 && y == y2 && z == z2
	}
	return can
}

// readRunEnds reads the run-end markers of the implied slots in doc.
// Candidates come in increasing order, so the marker postings only move
// forward; a marker already on a later document is not in doc.
func (s *phraseSearcher) readRunEnds(doc uint64) error {
	for i := range s.slots {
		sl := &s.slots[i]
		if sl.runEnd == nil {
			continue
		}
		sl.runEndAt = 0
		if sl.runEndRead && doc < sl.runEndAsked {
			// Candidates went back (see positionTermSearcher.Advance).
			sl.runEnd.rewind()
			sl.runEndRead = false
		}
		sl.runEndAsked = doc
		if sl.runEndRead && sl.runEndDoc >= doc {
			continue
		}
		p, at, err := sl.runEnd.advance(doc)
		if err != nil {
			return err
		}
		sl.runEndRead = true
		sl.runEndPos = sl.runEndPos[:0]
		if p == nil {
			sl.runEndDoc = math.MaxUint64 // no more markers
			continue
		}
		sl.runEndDoc = at
		sl.runEndPos = appendPositions(sl.runEndPos, p)
	}
	return nil
}
