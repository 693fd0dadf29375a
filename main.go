// Command gongkai builds, serves and searches a public-policy transparency site.
//
//	gongkai build  [-s SOURCE] [-d DEST] [--drafts] [--future] [--strict]
//	gongkai build  [-s PLATFORM] [--site NAME] [--force]   (a folder with platform.yaml)
//	gongkai assemble [-s PLATFORM] DIR...
//	gongkai sites  [-s PLATFORM] [--json]
//	gongkai serve  [-s SOURCE] [--addr 127.0.0.1:1313] [--watch]
//	gongkai serve  --no-build [-d DEST] [--addr …] [--shutdown-timeout 10s]
//	gongkai search [-s SOURCE] [--json] [-n N] [--filter key=value] QUERY
//	gongkai check  [-s SOURCE] [--format text|json|github] [--strict]
//	gongkai new    KIND PATH
//	gongkai import FILE.docx [--section policies]
//	gongkai mask   FILE
//	gongkai version
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	root := rootCmd()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := root.ExecuteContext(ctx); err != nil {
		if err != errSilent {
			fmt.Fprintln(os.Stderr, errorPrefix()+err.Error())
		}
		var coded interface{ ExitCode() int }
		if errors.As(err, &coded) {
			os.Exit(coded.ExitCode())
		}
		os.Exit(1)
	}
}

// rootCmd is the gongkai command with every subcommand; readme_test.go runs it as README.md does.
func rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "gongkai",
		Short:         "公开：政策文件、任务分工与公开公示的静态站点生成器",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(buildCmd(), serveCmd(), searchCmd(), checkCmd(), newCmd(), importCmd(), maskCmd(), assembleCmd(), sitesCmd(), versionCmd())
	localize(root, helpInEnglish())
	return root
}

func versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Run: func(cmd *cobra.Command, args []string) {
			v := version
			if info, ok := debug.ReadBuildInfo(); ok && v == "dev" {
				for _, s := range info.Settings {
					if s.Key == "vcs.revision" && len(s.Value) >= 12 {
						v = "dev+" + s.Value[:12]
					}
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "gongkai %s\n", v)
		},
	}
}

// errorPrefix heads an error on stderr in the language of the help (cmd_help.go).
func errorPrefix() string {
	if helpInEnglish() {
		return "Error: "
	}
	return "错误："
}
