package zapwrite

import "slices"

// slab is an append-only array kept in fixed blocks, so that growing it
// to hundreds of megabytes never copies what it holds or asks the OS for
// one huge allocation.
type slab[T any] struct {
	blocks [][]T
	n      int
}

const slabBits = 16 // 65,536 elements a block

func (s *slab[T]) len() int { return s.n }

// at returns element i, which must be below len.
func (s *slab[T]) at(i uint32) *T { return &s.blocks[i>>slabBits][i&(1<<slabBits-1)] }

// append adds v and returns its index.
func (s *slab[T]) append(v T) int {
	if s.n>>slabBits == len(s.blocks) {
		s.blocks = append(s.blocks, make([]T, 1<<slabBits))
	}
	s.blocks[s.n>>slabBits][s.n&(1<<slabBits-1)] = v
	s.n++
	return s.n - 1
}

// grow extends the slab to n elements (zero values).
func (s *slab[T]) grow(n int) {
	for len(s.blocks)<<slabBits < n {
		s.blocks = append(s.blocks, make([]T, 1<<slabBits))
	}
	if n > s.n {
		s.n = n
	}
}

// appendAll adds the elements of vs (for a slab of bytes: a stored
// value, which may span blocks) and returns the index of the first.
func (s *slab[T]) appendAll(vs []T) int {
	at := s.n
	s.grow(s.n + len(vs))
	for i := 0; i < len(vs); {
		j := at + i
		n := copy(s.blocks[j>>slabBits][j&(1<<slabBits-1):], vs[i:])
		i += n
	}
	return at
}

// copyTo fills dst with the elements from index from on.
func (s *slab[T]) copyTo(dst []T, from int) {
	for len(dst) > 0 {
		n := copy(dst, s.blocks[from>>slabBits][from&(1<<slabBits-1):])
		dst = dst[n:]
		from += n
	}
}

// read appends elements [from, from+n) to dst.
func (s *slab[T]) read(dst []T, from, n int) []T {
	at := len(dst)
	dst = slices.Grow(dst, n)[:at+n]
	s.copyTo(dst[at:], from)
	return dst
}
