package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"
)

// serveDraining serves hs on ln until ctx is done, then drains, as a replica or a platform
// server does after SIGTERM: stopping is called first (so that /readyz answers 503), no new
// connection is taken, and requests in flight have shutdown to finish before they are cut off,
// which the returned error then says. started runs once hs serves, closed once it has ended,
// either way.
func serveDraining(ctx context.Context, hs *http.Server, ln net.Listener, shutdown time.Duration, text cliText, started, stopping, closed func()) error {
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	started()
	select {
	case err := <-served:
		closed()
		return err
	case <-ctx.Done():
	}
	stopping()
	sctx, cancel := context.WithTimeout(context.Background(), shutdown)
	defer cancel()
	err := hs.Shutdown(sctx)
	if err != nil {
		_ = hs.Close()
		err = fmt.Errorf("%s", text.replicaCutShort(shutdown))
	}
	<-served
	closed()
	return err
}
