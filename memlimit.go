package main

import (
	"os"
	"runtime/debug"
)

// buildMemoryLimit is the soft limit on the Go heap of `gongkai build` when GOMEMLIMIT does
// not set one. Without it the collector lets the heap grow to twice what is live before it
// collects, so a site whose pages, index segments and export hold a gigabyte at once peaks at
// two or more. Near the limit the collector runs more often instead (it never takes more than
// half the CPU for it, so a site whose live data passes the limit still builds, only slower).
// A site the size of the laws corpus stays below it and is not slowed.
const buildMemoryLimit = 2 << 30

// limitMemory sets buildMemoryLimit unless the environment chose a limit.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(buildMemoryLimit)
	}
}
