package server

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// TestIdleConnectionsDoNotStopServing opens 600 idle connections, half that never send a
// request and half kept alive after one, and then a normal request must be answered at once,
// with the server holding no more connections than its cap. The live reload stream, open the
// whole time, must outlive the write timeout.
func TestIdleConnectionsDoNotStopServing(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "/public/index.html", []byte("<html><body>首页</body></html>"), 0o644)
	srv := New(fs, "/public", true)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	limits := DefaultLimits
	limits.MaxConns = 64
	limits.WriteTimeout = 300 * time.Millisecond
	hs, capped := HTTP(srv, ln, limits)
	var mu sync.Mutex
	open := 0 // connections the server holds, counted apart from the cap's own books
	track := hs.ConnState
	hs.ConnState = func(c net.Conn, s http.ConnState) {
		mu.Lock()
		switch s {
		case http.StateNew:
			open++
		case http.StateClosed, http.StateHijacked:
			open--
		}
		mu.Unlock()
		track(c, s)
	}
	go func() { _ = hs.Serve(capped) }()
	defer hs.Close()
	addr := ln.Addr().String()

	// The live reload stream, opened first: the oldest connection, but never idle.
	events, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer events.Close()
	fmt.Fprintf(events, "GET /_gongkai/events HTTP/1.1\r\nHost: x\r\n\r\n")
	stream := bufio.NewReader(events)
	if _, err := http.ReadResponse(stream, nil); err != nil {
		t.Fatal(err)
	}

	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := 0; i < 600; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		conns = append(conns, c)
		if i%2 == 1 {
			continue // never sends a request
		}
		c.SetDeadline(time.Now().Add(5 * time.Second))
		fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		} // an error: this connection was closed to make room, as it should be
	}

	client := &http.Client{Timeout: 5 * time.Second}
	start := time.Now()
	resp, err := client.Get("http://" + addr + "/")
	if err != nil {
		t.Fatalf("after 600 idle connections: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if took := time.Since(start); !strings.Contains(string(body), "首页") || took > 2*time.Second {
		t.Errorf("after 600 idle connections: %q in %s", body, took)
	}
	time.Sleep(100 * time.Millisecond) // closing the evicted connections is asynchronous
	mu.Lock()
	held := open
	mu.Unlock()
	if held > limits.MaxConns {
		t.Errorf("the server holds %d connections, over its cap of %d", held, limits.MaxConns)
	}

	// The stream is still there after the write timeout, and carries the reload.
	time.Sleep(2 * limits.WriteTimeout)
	srv.Rebuilt()
	events.SetReadDeadline(time.Now().Add(3 * time.Second))
	var got strings.Builder
	for !strings.Contains(got.String(), "event: reload") {
		line, err := stream.ReadString('\n')
		if err != nil {
			t.Fatalf("live reload stream after the write timeout: %v (read %q)", err, got.String())
		}
		got.WriteString(line)
	}
}
