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
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fs := afero.NewOsFs()
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
				return fmt.Errorf("%s already exists; use --force to overwrite it", target)
			}
			if err := fs.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			if err := afero.WriteFile(fs, target, res.Markdown, 0o644); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "Wrote %s (draft: true)\n", target)
			if len(res.Guessed) > 0 {
				fmt.Fprintf(out, "Guessed from the document's header, please confirm: %v\n", res.Guessed)
			}
			for _, w := range res.Warnings {
				fmt.Fprintln(cmd.ErrOrStderr(), "warning:", w)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&source, "source", "s", ".", "site folder")
	cmd.Flags().StringVar(&section, "section", "policies", "content section to write into")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}
