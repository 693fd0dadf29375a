package main

import (
	"fmt"
	"path/filepath"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/docx"
	"github.com/spf13/afero"
	"github.com/spf13/cobra"
)

func importCmd() *cobra.Command {
	var (
		source, section string
		force           bool
	)
	cmd := &cobra.Command{
		Use:     "import FILE.docx",
		Short:   "Convert a Word document into a policy content file (a draft, with guessed metadata to confirm)",
		Example: "  gongkai import 昆发〔2018〕14号.docx --section policies",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fs := afero.NewOsFs()
			text := textFor(source)
			opts := docx.Options{Section: section, SourceName: filepath.Base(args[0])}
			if cfg, err := config.Load(fs, filepath.Join(source, config.FileName)); err == nil {
				opts.Limits = cfg.Limits
			}
			res, err := docx.Convert(fs, args[0], opts)
			if err != nil {
				return err
			}
			target := filepath.Join(source, "content", filepath.FromSlash(res.Path))
			if ok, _ := afero.Exists(fs, target); ok && !force {
				return fmt.Errorf("%s 已存在；如要覆盖，加 --force", target)
			}
			if err := fs.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return fmt.Errorf("%s: 无法创建文件夹：%v", filepath.Dir(target), err)
			}
			if err := afero.WriteFile(fs, target, res.Markdown, 0o644); err != nil {
				return fmt.Errorf("%s: 无法写入：%v", target, err)
			}
			out := cmd.OutOrStdout()
			fmt.Fprintln(out, text.imported(target))
			if len(res.Guessed) > 0 {
				fmt.Fprintln(out, text.guessed(res.Guessed))
			}
			for _, w := range res.Warnings {
				fmt.Fprintln(cmd.ErrOrStderr(), text.warning()+w)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&source, "source", "s", ".", "site folder")
	cmd.Flags().StringVar(&section, "section", "policies", "content section to write into")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}
