package history

// step is a run of n elements with the same operation: Equal consumes n elements of both
// sequences, Delete n of the old one, Insert n of the new one.
type step struct {
	op Op
	n  int
}

// diffLimits bound the work of one diff so that a huge or wholly rewritten input costs a
// replace instead of seconds of CPU.
type diffLimits struct {
	// maxLen is the largest len(a)+len(b), after trimming the common prefix and suffix, that
	// is diffed at all.
	maxLen int
	// maxD is the largest edit distance searched for; past it the middle is replaced whole.
	maxD int
}

// myers returns the steps that turn a into b: Myers' O((N+M)D) algorithm in its linear-space
// form (the "middle snake" bisection), as in Myers 1986 and diff-match-patch.
func myers[T comparable](a, b []T, lim diffLimits) []step {
	var out []step
	myersInto(&out, a, b, lim)
	return out
}

func myersInto[T comparable](out *[]step, a, b []T, lim diffLimits) {
	pre := commonPrefix(a, b)
	a, b = a[pre:], b[pre:]
	suf := commonSuffix(a, b)
	a, b = a[:len(a)-suf], b[:len(b)-suf]
	push(out, Equal, pre)
	switch {
	case len(a) == 0:
		push(out, Insert, len(b))
	case len(b) == 0:
		push(out, Delete, len(a))
	case len(a)+len(b) > lim.maxLen:
		push(out, Delete, len(a))
		push(out, Insert, len(b))
	default:
		x, y, ok := middleSnake(a, b, lim.maxD)
		if !ok {
			push(out, Delete, len(a))
			push(out, Insert, len(b))
			break
		}
		myersInto(out, a[:x], b[:y], lim)
		myersInto(out, a[x:], b[y:], lim)
	}
	push(out, Equal, suf)
}

// middleSnake runs the forward and backward searches towards each other until they overlap
// and returns the point where they meet, which splits the problem in two. ok is false when
// the edit distance exceeds maxD. a and b are non-empty and differ in first and last element.
func middleSnake[T comparable](a, b []T, maxD int) (x, y int, ok bool) {
	n, m := len(a), len(b)
	dMax := (n + m + 1) / 2
	if dMax > maxD {
		dMax = maxD
	}
	offset := dMax + 1
	size := 2*dMax + 3
	vf := make([]int, size) // furthest x reached on diagonal k going forward
	vb := make([]int, size) // furthest x reached on diagonal k going backward, counted from the end
	for i := range vf {
		vf[i], vb[i] = -1, -1
	}
	vf[offset+1], vb[offset+1] = 0, 0
	delta := n - m
	front := delta%2 != 0 // which search can detect the overlap first
	// Diagonals that ran off the edge of the grid are skipped on later rounds.
	kfStart, kfEnd, kbStart, kbEnd := 0, 0, 0, 0
	for d := 0; d < dMax; d++ {
		for k := -d + kfStart; k <= d-kfEnd; k += 2 {
			i := offset + k
			var x1 int
			if k == -d || (k != d && vf[i-1] < vf[i+1]) {
				x1 = vf[i+1]
			} else {
				x1 = vf[i-1] + 1
			}
			y1 := x1 - k
			for x1 < n && y1 < m && a[x1] == b[y1] {
				x1++
				y1++
			}
			vf[i] = x1
			switch {
			case x1 > n:
				kfEnd += 2
			case y1 > m:
				kfStart += 2
			case front:
				j := offset + delta - k
				if j >= 0 && j < size && vb[j] != -1 && x1 >= n-vb[j] {
					return x1, y1, true
				}
			}
		}
		for k := -d + kbStart; k <= d-kbEnd; k += 2 {
			i := offset + k
			var x2 int
			if k == -d || (k != d && vb[i-1] < vb[i+1]) {
				x2 = vb[i+1]
			} else {
				x2 = vb[i-1] + 1
			}
			y2 := x2 - k
			for x2 < n && y2 < m && a[n-x2-1] == b[m-y2-1] {
				x2++
				y2++
			}
			vb[i] = x2
			switch {
			case x2 > n:
				kbEnd += 2
			case y2 > m:
				kbStart += 2
			case !front:
				j := offset + delta - k
				if j >= 0 && j < size && vf[j] != -1 {
					x1 := vf[j]
					y1 := x1 - (j - offset)
					if x1 >= n-x2 {
						return x1, y1, true
					}
				}
			}
		}
	}
	return 0, 0, false
}

// push appends n elements of op, merging with the previous step when it has the same op.
func push(out *[]step, op Op, n int) {
	if n == 0 {
		return
	}
	if s := *out; len(s) > 0 && s[len(s)-1].op == op {
		s[len(s)-1].n += n
		return
	}
	*out = append(*out, step{op, n})
}

func commonPrefix[T comparable](a, b []T) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func commonSuffix[T comparable](a, b []T) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[len(a)-1-i] != b[len(b)-1-i] {
			return i
		}
	}
	return n
}
