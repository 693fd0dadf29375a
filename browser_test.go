package main

import (
	"context"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/gongkai/gongkai/generator/build"
)

// chromium finds the browser for browser tests. Without one the tests skip, unless
// GONGKAI_BROWSER_TESTS=1 (set by .ci/run after installing Chromium) says they must run.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("GONGKAI_BROWSER_TESTS") == "1" {
		t.Fatal("GONGKAI_BROWSER_TESTS=1 but no Chromium found; install the Debian package chromium")
	}
	t.Skip("no Chromium installed; install the Debian package chromium to run browser tests")
	return ""
}

// browser starts a headless Chromium with the flags this machine needs.
func browser(t *testing.T, javascript bool) context.Context {
	t.Helper()
	// Chromium may still be writing its profile for a moment after it is told to close, so the
	// profile is removed with retries rather than by t.TempDir's strict cleanup.
	profile, err := os.MkdirTemp("", "gongkai-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(360, 800),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Run(ctx, emulation.SetScriptExecutionDisabled(!javascript)); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// serveExample builds the repository's example site into a temp folder and serves it.
func serveExample(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var out, errw syncBuffer
	go func() { done <- serve(ctx, &out, &errw, build.Options{Source: ".", Dest: t.TempDir()}, ln, false) }()
	t.Cleanup(func() { cancel(); <-done })
	base := "http://" + ln.Addr().String()
	waitFor(t, base+"/", "城乡社区治理", 60*time.Second)
	return base
}

func TestBrowserSearchPage(t *testing.T) {
	chromium(t)
	base := serveExample(t)
	for _, js := range []bool{true, false} {
		name := "javascript off"
		if js {
			name = "javascript on"
		}
		t.Run(name, func(t *testing.T) {
			ctx := browser(t, js)
			var results, firstHref string
			err := chromedp.Run(ctx,
				chromedp.Navigate(base+"/search/"),
				chromedp.WaitVisible(`#q`, chromedp.ByID),
				chromedp.SendKeys(`#q`, "低保", chromedp.ByID),
				chromedp.Submit(`#q`, chromedp.ByID),
				chromedp.WaitVisible(`.hit`, chromedp.ByQuery),
				chromedp.Text(`main`, &results, chromedp.ByQuery),
				chromedp.AttributeValue(`.hit a`, "href", &firstHref, nil, chromedp.ByQuery),
			)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(results, "低保") || !strings.Contains(results, "条结果") {
				t.Errorf("results page does not show hits for 低保:\n%s", results)
			}
			if !strings.Contains(firstHref, "/") {
				t.Errorf("first hit has no link: %q", firstHref)
			}
		})
	}
}
