package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/generator/platform"
	"github.com/gongkai/gongkai/generator/progress"
	"github.com/gongkai/gongkai/generator/publish"
	"github.com/spf13/cobra"
)

// buildFlags are the flags build and serve share.
type buildFlags struct {
	source, dest           string
	drafts, future, strict bool
	noIndex                bool
	cpuProfile             string
	memProfile             string
	lockWait               time.Duration
}

func (f *buildFlags) register(cmd *cobra.Command) {
	f.registerFolders(cmd, "site folder (holds site.yaml and content/)")
	cmd.Flags().BoolVar(&f.drafts, "drafts", false, "include drafts")
	cmd.Flags().BoolVar(&f.future, "future", false, "include pages dated in the future")
	cmd.Flags().BoolVar(&f.strict, "strict", false, "treat warnings (e.g. unregistered departments) as errors")
	cmd.Flags().BoolVar(&f.noIndex, "no-index", false, "skip the search index (for measuring the rest of the build)")
	cmd.Flags().StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile to this file")
	_ = cmd.Flags().MarkHidden("cpuprofile")
	cmd.Flags().StringVar(&f.memProfile, "memprofile", "", "write the heap profile nearest the build's peak memory to this file")
	_ = cmd.Flags().MarkHidden("memprofile")
	cmd.Flags().DurationVar(&f.lockWait, "lock-wait", publish.DefaultWait, "how long to wait for another build writing the same output folder")
}

// registerFolders adds -s, the folder the command works in (source says what it holds), and
// -d, the output folder: build, serve, check and assemble name them alike.
func (f *buildFlags) registerFolders(cmd *cobra.Command, source string) {
	cmd.Flags().StringVarP(&f.source, "source", "s", ".", source)
	cmd.Flags().StringVarP(&f.dest, "destination", "d", "", "output folder (default SOURCE/public)")
}

func (f *buildFlags) options() build.Options {
	return build.Options{Source: f.source, Dest: f.dest, Drafts: f.drafts, Future: f.future, Strict: f.strict, NoIndex: f.noIndex, LockWait: f.lockWait}
}

func buildCmd() *cobra.Command {
	var f buildFlags
	var pf platformFlags
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build the site into DEST (default SOURCE/public), with its search index; in a platform folder, its changed sites and portal",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if platform.IsPlatform(nil, f.source) {
				return buildPlatform(cmd, f, pf)
			}
			if pf.site != "" || pf.force {
				return fmt.Errorf("%s: 没有 %s，--site 和 --force 只用于平台文件夹", f.source, platform.FileName)
			}
			if f.cpuProfile != "" {
				pf, err := os.Create(f.cpuProfile)
				if err != nil {
					return err
				}
				defer pf.Close()
				if err := pprof.StartCPUProfile(pf); err != nil {
					return err
				}
				defer pprof.StopCPUProfile()
			}
			if f.memProfile != "" {
				defer peakHeapProfile(f.memProfile, time.Second)()
			}
			limitMemory()
			opts := f.options()
			opts.Context = cmd.Context()
			text := textFor(f.source)
			rep, err := runStoppable(cmd.Context(), cmd.ErrOrStderr(), text, opts)
			printWarnings(cmd.ErrOrStderr(), text, rep)
			if err != nil {
				return buildFailed(cmd.Context(), text, rep, err)
			}
			printReport(cmd.OutOrStdout(), text, rep)
			return nil
		},
	}
	f.register(cmd)
	pf.register(cmd)
	return cmd
}

// stopGrace is how long a build that was told to stop (SIGTERM, Ctrl-C) may take to clean up
// before its staging folder is removed under it and the process exits: CI systems wait a few
// seconds after SIGTERM before they SIGKILL, and a person pressing Ctrl-C wants the prompt back.
const stopGrace = 700 * time.Millisecond

// runStoppable runs a build that stops when ctx is done: the build notices at its next page,
// file or index record and removes its stage; one still busy after stopGrace (in a template
// or in the index writer, which cannot be interrupted) has its stage removed here and the
// process exits, so that nothing is left behind either way. On a terminal, a build that takes
// over a second shows its progress on errw until it ends.
func runStoppable(ctx context.Context, errw io.Writer, text cliText, opts build.Options) (*build.Report, error) {
	if opts.Progress == nil {
		opts.Progress = &progress.Counters{}
	}
	stop := progress.Start(errw, opts.Progress, text.progress)
	defer stop()
	var rep *build.Report
	var err error
	untilStopped(ctx, errw, text, stop, func() { rep, err = build.Run(opts) })
	return rep, err
}

// untilStopped runs f and returns when it does. When ctx is done first, f has stopGrace to
// notice and clean up; after that its staging folders are removed here and the process exits.
// stop, when not nil, clears a progress line first.
func untilStopped(ctx context.Context, errw io.Writer, text cliText, stop func(), f func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
		return
	case <-ctx.Done():
	}
	select {
	case <-done:
	case <-time.After(stopGrace):
		publish.AbortAll()
		if stop != nil {
			stop()
		}
		fmt.Fprintln(errw, text.stoppedHard())
		os.Exit(1)
	}
}

// buildFailed words a failed build's error with what became of the output folder, saying
// "left unchanged" only when the build knows it was.
func buildFailed(ctx context.Context, text cliText, rep *build.Report, err error) error {
	stopped := ctx.Err() != nil
	note := ""
	if rep != nil {
		note = rep.Output
	}
	if stopped && errors.Is(err, context.Canceled) {
		return errors.New(text.buildFailed(true, note))
	}
	return fmt.Errorf("%s:\n%v", text.buildFailed(stopped, note), err)
}

func printWarnings(w io.Writer, text cliText, rep *build.Report) {
	if rep == nil {
		return
	}
	for _, msg := range rep.Warnings {
		fmt.Fprintln(w, text.warning()+msg)
	}
}

func printReport(w io.Writer, text cliText, rep *build.Report) {
	kinds := make([]string, 0, len(rep.Pages))
	total := 0
	for k, n := range rep.Pages {
		kinds = append(kinds, fmt.Sprintf("%s %d", k, n))
		total += n
	}
	sort.Strings(kinds)
	fmt.Fprintln(w, text.built(total, strings.Join(kinds, ", ")))
	fmt.Fprintln(w, text.buildTotals(rep.Files, rep.Records, len(rep.Warnings), rep.Duration.Round(1e6).String()))
	if rep.Next != nil {
		fmt.Fprintln(w, text.nextChange(rep.Next.String()))
	}
}
