package main

import (
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// peakHeapProfile writes a heap profile to path each time the live heap is larger than any
// seen before, checking every interval, so that the file ends up holding the profile nearest
// the build's peak (a profile at exit shows only what is left). The returned function stops it.
// `build --memprofile` uses it to find what grows with a large corpus.
func peakHeapProfile(path string, interval time.Duration) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	go func() {
		defer close(finished)
		var peak uint64
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			metrics.Read(sample)
			live := sample[0].Value.Uint64()
			if live <= peak+peak/20 { // 5% more, so that a slow climb is not profiled every tick
				continue
			}
			peak = live
			runtime.GC() // a heap profile shows the heap as of the last collection
			if f, err := os.Create(path); err == nil {
				_ = pprof.Lookup("heap").WriteTo(f, 0)
				_ = f.Close()
			}
		}
	}()
	return func() { close(done); <-finished }
}
