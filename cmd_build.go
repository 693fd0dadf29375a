package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"sort"
	"strings"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/spf13/cobra"
)

// buildFlags are the flags build and serve share.
type buildFlags struct {
	source, dest           string
	drafts, future, strict bool
	noIndex                bool
	cpuProfile             string
}

func (f *buildFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVarP(&f.source, "source", "s", ".", "site folder (holds site.yaml and content/)")
	cmd.Flags().StringVarP(&f.dest, "destination", "d", "", "output folder (default SOURCE/public)")
	cmd.Flags().BoolVar(&f.drafts, "drafts", false, "include drafts")
	cmd.Flags().BoolVar(&f.future, "future", false, "include pages dated in the future")
	cmd.Flags().BoolVar(&f.strict, "strict", false, "treat warnings (e.g. unregistered departments) as errors")
	cmd.Flags().BoolVar(&f.noIndex, "no-index", false, "skip the search index (for measuring the rest of the build)")
	cmd.Flags().StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile to this file")
	_ = cmd.Flags().MarkHidden("cpuprofile")
}

func (f *buildFlags) options() build.Options {
	return build.Options{Source: f.source, Dest: f.dest, Drafts: f.drafts, Future: f.future, Strict: f.strict, NoIndex: f.noIndex}
}

func buildCmd() *cobra.Command {
	var f buildFlags
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build the site into DEST (default SOURCE/public), with its search index",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
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
			rep, err := build.Run(f.options())
			text := textFor(f.source)
			printWarnings(cmd.ErrOrStderr(), text, rep)
			if err != nil {
				return fmt.Errorf("%s\n%v", text.buildFailed(), err)
			}
			printReport(cmd.OutOrStdout(), text, rep)
			return nil
		},
	}
	f.register(cmd)
	return cmd
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
}
