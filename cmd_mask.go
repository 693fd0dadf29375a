package main

import (
	"fmt"

	"github.com/gongkai/gongkai/generator/privacy"
	"github.com/spf13/afero"
	"github.com/spf13/cobra"
)

func maskCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "mask FILE...",
		Short: "Mask ID, mobile and bank card numbers in CSV, XLSX or Markdown files, in place",
		Args:  minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fs := afero.NewOsFs()
			text := textFor(".")
			for _, f := range args {
				n, err := privacy.MaskFile(fs, f)
				if err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), text.masked(f, n))
			}
			return nil
		},
	}
}
