package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// replicaProc is one `gongkai serve --no-build` process of the test.
type replicaProc struct {
	cmd    *exec.Cmd
	addr   string // host:port it listens on
	out    *syncBuffer
	exited chan error
}

var servingAddr = regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)

// startReplica starts `gongkai serve --no-build` over dest in a subprocess, on a port of its
// own, and waits until it says where it listens.
func startReplica(t *testing.T, tmp, dest string) *replicaProc {
	t.Helper()
	args := []string{"serve", "--no-build", "-s", ".", "-d", dest, "--addr", "127.0.0.1:0", "--shutdown-timeout", "5s"}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperGongkai$")
	cmd.Env = append(os.Environ(), "GONGKAI_TEST_MAIN_ARGS="+strings.Join(args, "\x1f"), "TMPDIR="+tmp)
	p := &replicaProc{cmd: cmd, out: &syncBuffer{}, exited: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = p.out, p.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill() // only if a failed test left it running
		if t.Failed() {
			t.Logf("replica %s:\n%s", p.addr, p.out.String())
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingAddr.FindStringSubmatch(p.out.String()); m != nil {
			p.addr = m[1]
			return p
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the replica over %s did not start:\n%s", dest, p.out.String())
	return nil
}

// deployedNginx is the nginx configuration docs/deploy.md shows for three replicas: the test
// runs that very text, with its ports replaced, so the two cannot drift apart.
func deployedNginx(t *testing.T) string {
	t.Helper()
	doc, err := os.ReadFile("docs/deploy.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := bytes.Cut(doc, []byte("<!-- replicas-nginx"))
	if ok {
		_, rest, ok = bytes.Cut(rest, []byte("```nginx\n"))
	}
	if ok {
		rest, _, ok = bytes.Cut(rest, []byte("```"))
	}
	if !ok {
		t.Fatal("docs/deploy.md has no ```nginx block after <!-- replicas-nginx -->")
	}
	return string(rest)
}

// nginxPrefix writes an nginx configuration for a non-root nginx in dir: the deployed
// configuration inside an http block whose every path is in dir.
func nginxPrefix(t *testing.T, nginx, dir string, port int, upstreams []string) string {
	t.Helper()
	conf := deployedNginx(t)
	for i, addr := range upstreams {
		from := fmt.Sprintf("127.0.0.1:%d ", 8081+i)
		if i >= 3 { // more replicas than the docs show: a line like the third's
			line := regexp.MustCompile(`(?m)^(\s*server )` + regexp.QuoteMeta(upstreams[2]) + `( .*\n)`)
			conf = line.ReplaceAllString(conf, "${0}${1}"+addr+"${2}")
			if !strings.Contains(conf, "server "+addr+" ") {
				t.Fatalf("could not add upstream %s after %s", addr, upstreams[2])
			}
			continue
		}
		if !strings.Contains(conf, from) {
			t.Fatalf("the deployed configuration has no upstream %s", from)
		}
		conf = strings.Replace(conf, from, addr+" ", 1)
	}
	conf = strings.Replace(conf, "listen 80;", fmt.Sprintf("listen 127.0.0.1:%d;", port), 1)
	// Which replica answered, so that a response cut by the SIGKILL can be told from a failure.
	conf = strings.Replace(conf, "location / {", "location / {\n        add_header X-Upstream $upstream_addr always;", 1)
	// Temp folders: the ones compiled in (/var/lib/nginx/…) are root's. Only the modules this
	// nginx has may be named.
	version, _ := exec.Command(nginx, "-V").CombinedOutput()
	var temps strings.Builder
	for _, m := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		if m != "client_body" && m != "proxy" && bytes.Contains(version, []byte("--without-http_"+m+"_module")) {
			continue
		}
		fmt.Fprintf(&temps, "    %s_temp_path %s;\n", m, filepath.Join(dir, m))
	}
	main := fmt.Sprintf(`daemon off;
master_process on;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 512; }
http {
    access_log off;
%[2]s    # Run as root, the workers are nobody, who cannot write in the test's temp folder.
    proxy_max_temp_file_size 0;
    include %[1]s/gongkai.conf;
}
`, dir, temps.String())
	writeSite(t, dir, map[string]string{"nginx.conf": main, "gongkai.conf": conf})
	return filepath.Join(dir, "nginx.conf")
}

// cutByKill splits a load run's failures into the responses the SIGKILLed replica at addr had
// begun to send (nginx had passed on its headers, so it could not retry them: the body ends
// early) and every other failure, which the test does not allow.
func cutByKill(failures []loadFailure, addr string) (cut, other []loadFailure) {
	for _, f := range failures {
		if f.upstream == addr && errors.Is(f.err, io.ErrUnexpectedEOF) {
			cut = append(cut, f)
		} else {
			other = append(other, f)
		}
	}
	return cut, other
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// TestReplicasBehindNginx runs replicas behind Debian's nginx with the configuration of
// docs/deploy.md: three over one shared folder, one over a folder of its own (the docs' three
// plus one more line like theirs). While 16 clients ask nginx for pages and searches, one of
// the shared ones is stopped (SIGTERM, as `kill`, systemd and Kubernetes do), another is
// killed (SIGKILL), a new build is published into the other folder (gongkai build, in a process
// of its own) and the last shared one gets SIGHUP. No request may fail, except a response the
// SIGKILLed replica had begun to send (at most one per client, each logged: nginx had passed its
// headers on and cannot resend it); the replicas still running stop cleanly on SIGTERM.
func TestReplicasBehindNginx(t *testing.T) {
	required := os.Getenv("GONGKAI_NGINX_TESTS") == "1"
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		nginx, err = exec.LookPath("/usr/sbin/nginx")
	}
	if err != nil {
		if required {
			t.Fatal("GONGKAI_NGINX_TESTS=1 but nginx is not installed (apt-get install nginx-light)")
		}
		t.Skip("nginx is not installed; set GONGKAI_NGINX_TESTS=1 to require it")
	}
	if testing.Short() && !required {
		t.Skip("starts nginx and three replicas")
	}
	tmp := t.TempDir()
	shared := filepath.Join(tmp, "shared", "public")
	own := filepath.Join(tmp, "own", "public")
	buildSite(t, ".", shared)
	if err := os.CopyFS(own, os.DirFS(shared)); err != nil {
		t.Fatal(err)
	}
	second := secondSite(t)

	killed := startReplica(t, tmp, shared)
	hupped := startReplica(t, tmp, shared)
	swapped := startReplica(t, tmp, own)
	stopped := startReplica(t, tmp, shared)
	replicas := []*replicaProc{killed, hupped, swapped, stopped}
	for _, r := range replicas {
		waitStatus(t, "http://"+r.addr+"/readyz", http.StatusOK, 20*time.Second)
	}

	prefix := filepath.Join(tmp, "nginx")
	if err := os.MkdirAll(prefix, 0o755); err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	conf := nginxPrefix(t, nginx, prefix, port, []string{killed.addr, hupped.addr, swapped.addr, stopped.addr})
	ngx := exec.Command(nginx, "-p", prefix, "-c", conf, "-e", filepath.Join(prefix, "error.log"))
	var ngxOut syncBuffer
	ngx.Stdout, ngx.Stderr = &ngxOut, &ngxOut
	if err := ngx.Start(); err != nil {
		t.Fatal(err)
	}
	ngxDone := make(chan error, 1)
	go func() { ngxDone <- ngx.Wait() }()
	defer func() {
		_ = ngx.Process.Signal(syscall.SIGQUIT) // graceful stop of the master we started
		select {
		case <-ngxDone:
		case <-time.After(5 * time.Second):
			_ = ngx.Process.Kill()
		}
		if log, _ := os.ReadFile(filepath.Join(prefix, "error.log")); len(log) > 0 {
			t.Logf("nginx error.log (the upstream errors it retried):\n%.3000s", log)
		}
	}()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(10 * time.Second)
	for {
		if resp, err := http.Get(base + "/"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case err := <-ngxDone:
			t.Fatalf("nginx exited: %v\n%s", err, ngxOut.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx did not answer on %s:\n%s", base, ngxOut.String())
		}
		time.Sleep(50 * time.Millisecond)
	}

	stop := make(chan struct{})
	type result struct {
		total    int64
		failures []loadFailure
	}
	loaded := make(chan result)
	start := time.Now()
	go func() {
		n, f := load(base, 16, stop)
		loaded <- result{n, f}
	}()
	time.Sleep(time.Second)
	// `kill PID`, as systemd and Kubernetes stop a replica: it finishes what it is sending.
	if err := stopped.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: SIGTERM to %s", time.Since(start).Round(time.Millisecond), stopped.addr)
	stoppedCleanly(t, stopped)
	t.Logf("%s: %s has stopped", time.Since(start).Round(time.Millisecond), stopped.addr)
	// A crash: SIGKILL, with responses in the middle of being sent.
	if err := killed.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: SIGKILL to %s", time.Since(start).Round(time.Millisecond), killed.addr)
	time.Sleep(500 * time.Millisecond)
	pub := exec.Command(os.Args[0], "-test.run=^TestHelperGongkai$")
	pub.Env = append(os.Environ(), "GONGKAI_TEST_MAIN_ARGS="+strings.Join([]string{"build", "-s", second, "-d", own}, "\x1f"), "TMPDIR="+tmp)
	if out, err := pub.CombinedOutput(); err != nil {
		t.Fatalf("publishing the second build: %v\n%s", err, out)
	}
	t.Logf("%s: a new build published into %s", time.Since(start).Round(time.Millisecond), own)
	// The replica over that folder switches to it within its one-second check.
	deadline = time.Now().Add(10 * time.Second)
	for {
		_, body := get(t, "http://"+swapped.addr+"/api/search?q="+swapWord)
		if strings.Contains(body, "/about-replicas/") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not switch to the new build:\n%s", swapped.addr, swapped.out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("%s: %s serves the new build", time.Since(start).Round(time.Millisecond), swapped.addr)
	if err := hupped.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	// It reopens the shared folder's build (a reload after files changed in place) under load.
	deadline = time.Now().Add(10 * time.Second)
	for !strings.Contains(hupped.out.String(), "已换用") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(time.Second)
	close(stop)
	res := <-loaded
	t.Logf("%d requests through nginx in %s, %d failed", res.total, time.Since(start).Round(time.Millisecond), len(res.failures))
	cut, failed := cutByKill(res.failures, killed.addr)
	if len(cut) > 0 {
		t.Logf("%d responses the killed replica was sending when SIGKILL came (no load balancer can resend half a response):", len(cut))
		for _, f := range cut {
			t.Log(f.String())
		}
	}
	if len(cut) > 16 {
		t.Errorf("%d responses from the killed replica were cut; at most one per client (16) was in flight", len(cut))
	}
	reportLoad(t, res.total, failed, 200)
	if !strings.Contains(hupped.out.String(), "已换用") {
		t.Errorf("%s did not reopen its build on SIGHUP:\n%s", hupped.addr, hupped.out.String())
	}

	// The two left stop on SIGTERM, exit 0, within their --shutdown-timeout.
	for _, r := range []*replicaProc{hupped, swapped} {
		if err := r.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range []*replicaProc{hupped, swapped} {
		stoppedCleanly(t, r)
	}
}

// stoppedCleanly waits for a replica sent SIGTERM: it must exit 0 within 8 s (its
// --shutdown-timeout is 5 s).
func stoppedCleanly(t *testing.T, r *replicaProc) {
	t.Helper()
	select {
	case err := <-r.exited:
		if err != nil {
			t.Errorf("%s exited with %v after SIGTERM:\n%s", r.addr, err, r.out.String())
		}
	case <-time.After(8 * time.Second):
		t.Errorf("%s did not stop within 8 s of SIGTERM", r.addr)
	}
}
