package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/generator/config"
	"github.com/spf13/afero"
	"github.com/spf13/cobra"
)

// errSilent marks a failure whose explanation has already been printed.
var errSilent = errors.New("")

func checkCmd() *cobra.Command {
	var (
		f      buildFlags
		format string
	)
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Run every validation of a build without writing output (for CI and pre-commit hooks)",
		Long: `check runs every validation a build runs: front matter, links between documents, citations,
departments, consultation arithmetic, personal data and tables. It writes nothing.
It prints one line per problem, "file:line: severity: message", and exits 1 when there are errors
(or warnings, with --strict).`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := notAPlatform(f.source); err != nil {
				return err
			}
			problems := check(f.options())
			if err := printProblems(cmd.OutOrStdout(), textFor(f.source), problems, format); err != nil {
				return err
			}
			for _, p := range problems {
				if p.Severity == "error" || f.strict {
					return errSilent
				}
			}
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json or github (workflow annotations)")
	return cmd
}

// Problem is one finding of check.
type Problem struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

func check(opts build.Options) []Problem {
	fs := afero.NewOsFs()
	cfg, err := config.Load(fs, filepath.Join(opts.Source, config.FileName))
	if err != nil {
		return toProblems(err.Error(), "error")
	}
	opts.SrcFs = fs
	_, warnings, err := build.Assemble(opts, cfg)
	var out []Problem
	if err != nil {
		out = append(out, toProblems(err.Error(), "error")...)
	}
	for _, w := range warnings {
		out = append(out, toProblems(w, "warning")...)
	}
	// One file's problems together, top to bottom, errors and warnings mixed: the order in
	// which staff fix them.
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}

var problemRe = regexp.MustCompile(`^(.+?):(\d+)(?::(\d+))?: (.*)$`)

// toProblems splits the build's "file:line: what; how to fix" lines into problems.
func toProblems(text, severity string) []Problem {
	var out []Problem
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if line == "" {
			continue
		}
		p := Problem{Severity: severity, Message: line}
		if m := problemRe.FindStringSubmatch(line); m != nil {
			p.File, p.Message = m[1], m[4]
			fmt.Sscan(m[2], &p.Line)
			if m[3] != "" {
				fmt.Sscan(m[3], &p.Column)
			}
		} else if file, msg, ok := strings.Cut(line, ": "); ok && !strings.Contains(file, " ") {
			p.File, p.Message = file, msg
		}
		if msg, hint, ok := strings.Cut(p.Message, "; "); ok {
			p.Message, p.Hint = msg, hint
		}
		out = append(out, p)
	}
	return out
}

func printProblems(w io.Writer, text cliText, problems []Problem, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if problems == nil {
			problems = []Problem{}
		}
		return enc.Encode(problems)
	case "github":
		for _, p := range problems {
			fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,title=gongkai::%s\n", p.Severity, ghEscapeProperty(p.File), max(p.Line, 1), max(p.Column, 1), ghEscapeData(joinHint(p)))
		}
		return nil
	case "text", "":
		for _, p := range problems {
			loc := p.File
			if p.Line > 0 {
				loc = fmt.Sprintf("%s:%d", p.File, p.Line)
			}
			fmt.Fprintf(w, "%s: %s: %s\n", loc, text.severity(p.Severity), joinHint(p))
		}
		if len(problems) == 0 {
			fmt.Fprintln(w, text.noProblems())
		}
		return nil
	}
	return fmt.Errorf("不认识 --format %q；用 text、json 或 github", format)
}

func joinHint(p Problem) string {
	if p.Hint == "" {
		return p.Message
	}
	return p.Message + "; " + p.Hint
}

// GitHub workflow commands need %, CR and LF escaped in data, and also : and , in properties.
func ghEscapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghEscapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
