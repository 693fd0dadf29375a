package main

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/gongkai/gongkai/generator/archetype"
	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/render"
	"github.com/spf13/afero"
	"github.com/spf13/cobra"
)

func newCmd() *cobra.Command {
	var source string
	cmd := &cobra.Command{
		Use:     "new KIND PATH",
		Short:   "Write a new content file from the theme's archetype (policy, consultation, disclosure, page)",
		Example: "  gongkai new policy policies/2026-xiangzhen-tongzhi.md",
		Args:    exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			fs := afero.NewOsFs()
			theme := "default"
			if cfg, err := config.Load(fs, filepath.Join(source, config.FileName)); err == nil {
				theme = cfg.Theme
			}
			themeFs := render.ThemeFs(fs, filepath.Join(source, "themes", theme))
			path, err := archetype.Create(fs, themeFs, filepath.Join(source, "content"), args[0], args[1], time.Now())
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), textFor(source).created(path))
			return nil
		},
	}
	cmd.Flags().StringVarP(&source, "source", "s", ".", "site folder")
	return cmd
}
