//go:build unix

// Package cputime reads the CPU time the process has used, for traces and
// benchmarks of work that keeps every core busy: there its CPU time, not its
// wall time, is what it adds to the whole.
package cputime

import (
	"syscall"
	"time"
)

// Process is the user and system CPU time the process has used so far.
func Process() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
