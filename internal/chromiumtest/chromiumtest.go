// Package chromiumtest starts headless Chromium for browser tests, with the flags this
// project's machines need. Without Chromium the tests skip, unless GONGKAI_BROWSER_TESTS=1
// (set by .ci/run after installing it) says they must run.
package chromiumtest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Require returns the browser's path, or skips (or fails, under GONGKAI_BROWSER_TESTS=1) the test.
func Require(t testing.TB) string {
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

// Context starts a headless Chromium 360 px wide, with JavaScript on or off, closed when the
// test ends.
func Context(t testing.TB, javascript bool) context.Context {
	t.Helper()
	exe := Require(t)
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
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(profile), chromedp.WindowSize(360, 800),
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
