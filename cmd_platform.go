package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/platform"
	"github.com/spf13/cobra"
)

// platformFlags are the flags of build that only a platform folder (platform.yaml) takes.
type platformFlags struct {
	site  string
	force bool
}

func (pf *platformFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&pf.site, "site", "", "in a platform folder: build this site only, without the portal (one job of a CI matrix; see gongkai assemble)")
	cmd.Flags().BoolVar(&pf.force, "force", false, "in a platform folder: build every site, changed or not")
}

func (f *buildFlags) platformOptions(cmd *cobra.Command, pf platformFlags) platform.Options {
	return platform.Options{Root: f.source, Dest: f.dest, Site: pf.site, Force: pf.force, Drafts: f.drafts, Future: f.future,
		Strict: f.strict, NoIndex: f.noIndex, Tool: toolHash(), Context: cmd.Context(), LockWait: f.lockWait}
}

// buildPlatform builds the platform in f.source: every changed site, then the portal.
func buildPlatform(cmd *cobra.Command, f buildFlags, pf platformFlags) error {
	opts := f.platformOptions(cmd, pf)
	opts.Done = func(r platform.SiteResult) { printSite(cmd.ErrOrStderr(), r) }
	var rep *platform.Report
	var err error
	// Told to stop, each site build stops as a single one does; one stuck past the grace has
	// its stage removed and the process exits, leaving every site's previous output in place.
	untilStopped(cmd.Context(), cmd.ErrOrStderr(), cliText{}, nil, func() { rep, err = platform.Build(opts) })
	return platformDone(cmd, rep, err)
}

func assembleCmd() *cobra.Command {
	var f buildFlags
	cmd := &cobra.Command{
		Use:   "assemble DIR...",
		Short: "Put site outputs built by `gongkai build --site NAME` (CI artifacts) together into the platform's DEST and write its portal",
		Args:  minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !platform.IsPlatform(nil, f.source) {
				return fmt.Errorf("%s: 没有 %s；在平台文件夹中运行，或用 -s 指定它", f.source, platform.FileName)
			}
			rep, err := platform.Assemble(f.platformOptions(cmd, platformFlags{}), args)
			if rep != nil {
				for _, r := range rep.Sites {
					printSite(cmd.ErrOrStderr(), r)
				}
			}
			return platformDone(cmd, rep, err)
		},
	}
	f.registerFolders(cmd, "platform folder (holds platform.yaml)")
	return cmd
}

func sitesCmd() *cobra.Command {
	var source string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "sites",
		Short: "List the sites of the platform in SOURCE (platform.yaml), one name a line or as a JSON array for a CI matrix",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			sites, err := platform.Sites(nil, source)
			if err != nil {
				return err
			}
			names := make([]string, len(sites))
			for i, s := range sites {
				names[i] = s.Name
			}
			if asJSON {
				b, _ := json.Marshal(names)
				fmt.Fprintln(cmd.OutOrStdout(), string(b))
				return nil
			}
			for _, s := range sites {
				fmt.Fprintf(cmd.OutOrStdout(), "%s\t%s\n", s.Name, s.Dir)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&source, "source", "s", ".", "platform folder (holds platform.yaml)")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print a JSON array of the names, e.g. ["xian","zhen"]`)
	return cmd
}

// sitesFailed is the exit of a platform build or assemble in which some sites failed and the
// others were published: status 2, so that CI can publish what was built (`|| test $? -eq 2`)
// and still see the failure, which other errors (status 1) do not allow.
type sitesFailed struct{ error }

func (sitesFailed) ExitCode() int { return 2 }

// notAPlatform refuses a platform folder (platform.yaml, no site.yaml) to check and serve,
// which work on one site, saying what to do instead of asking for a site.yaml.
func notAPlatform(source string) error {
	if !platform.IsPlatform(nil, source) {
		return nil
	}
	if _, err := os.Stat(filepath.Join(source, config.FileName)); err == nil {
		return nil
	}
	return fmt.Errorf("%s: 这是平台文件夹（有 %s）：这个命令只处理一个站点，用 -s 指定站点文件夹，如 -s sites/xian；构建全部站点用 gongkai build（见 docs/platform.md）", source, platform.FileName)
}

func printSite(w io.Writer, r platform.SiteResult) {
	switch r.Status {
	case platform.Built:
		fmt.Fprintf(w, "站点 %s：已发布（%s），%d 篇，%s\n", r.Name, r.Why, r.Pages, r.Duration.Round(1e6))
	case platform.Failed:
		fmt.Fprintf(w, "站点 %s：构建失败，上次的输出仍在线\n", r.Name)
	}
	for _, msg := range r.Warnings {
		fmt.Fprintf(w, "站点 %s：警告：%s\n", r.Name, msg)
	}
}

func platformDone(cmd *cobra.Command, rep *platform.Report, err error) error {
	if rep != nil {
		out := cmd.OutOrStdout()
		fmt.Fprintf(out, "平台：%d 个站点已发布，%d 个没有变化，%d 个失败", rep.Count(platform.Built), rep.Count(platform.Unchanged), rep.Count(platform.Failed))
		if p := rep.Portal; p != nil {
			fmt.Fprintf(out, "；门户列出 %d 个站点，更新 %d 个文件", p.Sites, len(p.Written))
		}
		fmt.Fprintf(out, "（%s）\n", rep.Duration.Round(1e6))
		if p := rep.Portal; p != nil {
			for _, name := range p.Orphans {
				fmt.Fprintf(cmd.ErrOrStderr(), "警告：输出中的站点 %s 已不在 %s 中，门户不再列出它，但它的文件仍在线；确认停用后删除这个文件夹\n", name, platform.FileName)
			}
		}
	}
	var failed platform.SitesFailed
	if errors.As(err, &failed) {
		return sitesFailed{err}
	}
	if err != nil {
		return fmt.Errorf("平台构建失败，已发布的输出没有改动：\n%v", err)
	}
	return nil
}

// toolHash identifies this gongkai binary: a platform site built by another binary is built
// again. "" when the binary cannot be read (every site is then compared by its inputs alone).
var toolHash = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return version + "-" + hex.EncodeToString(h.Sum(nil))
})
