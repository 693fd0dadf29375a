package static

import (
	"runtime"
	"sync"
)

// workers is how many goroutines ordered runs work on.
func workers() int { return runtime.GOMAXPROCS(0) }

// ordered runs work(w, 0…n-1) on every CPU, batch items at a time, and
// hands the results to emit in index order on the calling goroutine. w
// (0 ≤ w < workers()) names the goroutine running work, for state a worker
// reuses. Placing objects in order keeps an export byte-for-byte
// reproducible. It stops at the first error.
func ordered[T any](n, batch int, work func(w, i int) (T, error), emit func(i int, v T) error) error {
	type result struct {
		vals []T
		err  error
	}
	nb := (n + batch - 1) / batch
	nw := workers()
	slots := make([]chan result, nb)
	for i := range slots {
		slots[i] = make(chan result, 1)
	}
	ahead := make(chan struct{}, 4*nw) // bounds results waiting for emit
	next := make(chan int)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < nw; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range next {
				lo, hi := b*batch, min(n, (b+1)*batch)
				res := result{vals: make([]T, 0, hi-lo)}
				for i := lo; i < hi && res.err == nil; i++ {
					v, err := work(w, i)
					res.vals, res.err = append(res.vals, v), err
				}
				slots[b] <- res
			}
		}()
	}
	go func() {
		defer close(next)
		for b := 0; b < nb; b++ {
			select {
			case ahead <- struct{}{}:
			case <-quit:
				return
			}
			select {
			case next <- b:
			case <-quit:
				return
			}
		}
	}()
	var err error
	for b := 0; b < nb && err == nil; b++ {
		res := <-slots[b]
		<-ahead
		err = res.err
		for k := 0; k < len(res.vals) && err == nil; k++ {
			err = emit(b*batch+k, res.vals[k])
		}
	}
	close(quit)
	wg.Wait()
	return err
}
