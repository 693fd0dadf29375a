package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// rescanBuilds calls check every poll interval and on SIGHUP (forced true), until ctx ends or
// the returned stop is called: how a read-only server (a replica, a platform) notices that a new
// build replaced the folder it serves. SIGHUP asks to reopen even when nothing seems to change.
func rescanBuilds(ctx context.Context, poll time.Duration, check func(forced bool)) (stop func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(poll)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-done:
				return
			case <-tick.C:
				check(false)
			case <-hup:
				check(true)
			}
		}
	}()
	return func() {
		signal.Stop(hup)
		close(done)
	}
}
