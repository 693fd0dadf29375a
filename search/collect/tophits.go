package collect

// topHits keeps the best keep hits seen, as a heap with the worst on top.
type topHits struct {
	keep int
	less func(a, b *hitRef) bool // a before b
	hits []hitRef
	cand hitRef // the hit offered, here so that less does not move it to the heap
}

func (t *topHits) offer(h hitRef) {
	if len(t.hits) < t.keep {
		t.hits = append(t.hits, h)
		t.up(len(t.hits) - 1)
		return
	}
	t.cand = h
	if t.keep == 0 || !t.less(&t.cand, &t.hits[0]) {
		return
	}
	t.hits[0] = h
	t.down(0)
}

// worse reports whether hits[i] belongs nearer the top (is worse) than hits[j].
func (t *topHits) worse(i, j int) bool { return t.less(&t.hits[j], &t.hits[i]) }

func (t *topHits) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !t.worse(i, p) {
			return
		}
		t.hits[i], t.hits[p] = t.hits[p], t.hits[i]
		i = p
	}
}

func (t *topHits) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(t.hits) {
			return
		}
		w := l
		if r := l + 1; r < len(t.hits) && t.worse(r, l) {
			w = r
		}
		if !t.worse(w, i) {
			return
		}
		t.hits[i], t.hits[w] = t.hits[w], t.hits[i]
		i = w
	}
}
