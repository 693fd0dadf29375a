package server

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Limits bound what one client can hold of the server.
type Limits struct {
	MaxConns          int           // open connections; over it, the longest-idle one is closed
	ReadHeaderTimeout time.Duration // to send a request's headers
	ReadTimeout       time.Duration // to send a whole request (they are GETs)
	WriteTimeout      time.Duration // to take a response; the live reload stream is exempt
	IdleTimeout       time.Duration // a keep-alive connection between requests
}

// DefaultLimits suit a preview or a small public server. 256 connections are 40 browsers
// loading pages at once (6 each); idle ones beyond are closed, so more visitors still get in.
var DefaultLimits = Limits{
	MaxConns:          256,
	ReadHeaderTimeout: 10 * time.Second,
	ReadTimeout:       30 * time.Second,
	WriteTimeout:      2 * time.Minute,
	IdleTimeout:       60 * time.Second,
}

// HTTP returns an http.Server for h with the limits' timeouts, and ln wrapped to keep at most
// MaxConns connections open. Idle keep-alive connections (and connections that have not sent
// a request yet) are what an attacker or a crowd of slow phones piles up, and they cost a file
// descriptor each: when a new connection would go over the cap, the one idle longest is
// closed, as nginx reuses keep-alive connections, instead of leaving the newcomer in the
// kernel's backlog until an idle timeout.
func HTTP(h http.Handler, ln net.Listener, l Limits) (*http.Server, net.Listener) {
	c := &connCap{max: l.MaxConns, conns: map[net.Conn]*connInfo{}}
	c.cond = sync.NewCond(&c.mu)
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: l.ReadHeaderTimeout,
		ReadTimeout:       l.ReadTimeout,
		WriteTimeout:      l.WriteTimeout,
		IdleTimeout:       l.IdleTimeout,
		ConnState:         c.track,
	}
	return hs, &capListener{Listener: ln, cap: c}
}

type connInfo struct {
	active bool      // in a request (a live reload stream is always active)
	since  time.Time // idle or new since
}

type connCap struct {
	mu    sync.Mutex
	cond  *sync.Cond
	max   int
	conns map[net.Conn]*connInfo
}

type capListener struct {
	net.Listener
	cap *connCap
}

// Accept admits a connection once there is room for it, closing the longest-idle one if
// that makes room, and otherwise waiting for a request to finish.
func (l *capListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err != nil || l.cap.max <= 0 {
		return conn, err
	}
	c := l.cap
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.conns) >= c.max {
		if victim := c.longestIdle(); victim != nil {
			delete(c.conns, victim)
			go victim.Close() // ConnState(StateClosed) follows, and takes c.mu
			continue
		}
		c.cond.Wait()
	}
	c.conns[conn] = &connInfo{since: time.Now()}
	return conn, nil
}

func (c *connCap) longestIdle() net.Conn {
	var victim net.Conn
	var since time.Time
	for conn, info := range c.conns {
		if !info.active && (victim == nil || info.since.Before(since)) {
			victim, since = conn, info.since
		}
	}
	return victim
}

func (c *connCap) track(conn net.Conn, state http.ConnState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	info := c.conns[conn]
	switch state {
	case http.StateActive:
		if info != nil {
			info.active = true
		}
	case http.StateIdle:
		if info != nil {
			info.active, info.since = false, time.Now()
		}
	case http.StateHijacked, http.StateClosed:
		delete(c.conns, conn)
		c.cond.Broadcast()
	}
}
