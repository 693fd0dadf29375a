// Package headless starts the headless Chromium that the bench commands
// (staticsearch, relevance) drive through the search page's own script.
package headless

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/chromedp"
)

// Browser starts Chromium with a throw-away profile and returns a context
// that drives its first tab; cancel stops it and removes the profile. The
// window is a phone's, as residents read the site.
func Browser() (context.Context, func(), error) {
	exe := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		return nil, nil, errors.New("no Chromium found; install the Debian package chromium")
	}
	profile, err := os.MkdirTemp("", "gongkai-bench-chromium-")
	if err != nil {
		return nil, nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("ignore-certificate-errors", true),
		chromedp.UserDataDir(profile), chromedp.WindowSize(360, 800))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 20*time.Minute)
	return ctx, func() { cancelTimeout(); cancelCtx(); cancelAlloc(); _ = os.RemoveAll(profile) }, nil
}
