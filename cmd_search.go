package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/httpapi"
	"github.com/spf13/cobra"
)

func searchCmd() *cobra.Command {
	var (
		source, dest string
		asJSON       bool
		n, page      int
		filters      []string
		sort         string
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search the prebuilt index of a built site",
		Example: `  gongkai search 中发[2017]13号
  gongkai search --filter type=policy --json "社区工作者"`,
		Args: minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if dest == "" {
				dest = filepath.Join(source, "public")
			}
			ix, err := search.Open(filepath.Join(dest, build.IndexPath))
			if errors.Is(err, search.ErrLocked) {
				return err
			}
			if err != nil {
				return fmt.Errorf("%v；先运行 `gongkai build`", err)
			}
			defer ix.Close()
			req := search.Request{Query: strings.Join(args, " "), Filters: map[string][]string{}, Page: page, Size: n, Sort: sort}
			for _, f := range filters {
				k, v, ok := strings.Cut(f, "=")
				if !ok {
					return fmt.Errorf("--filter %q：写成 key=value，如 type=policy；可用的键：%s", f, strings.Join(search.FilterNames(), ", "))
				}
				req.Filters[k] = append(req.Filters[k], v)
			}
			res, err := ix.Search(context.Background(), req)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(httpapi.ResultJSON(res))
			}
			text := textFor(source)
			fmt.Fprintln(out, text.results(res.Total, req.Query))
			if res.Suggest != "" {
				fmt.Fprintln(out, text.suggest(res.Suggest))
			}
			size := n
			if size <= 0 {
				size = search.DefaultPageSize
			}
			for i, h := range res.Hits {
				at := (res.Page-1)*size + i
				if res.Relaxed && at == res.Exact || res.Relaxed && i == 0 && at > res.Exact {
					fmt.Fprintf(out, "\n%s\n", text.relaxed())
				}
				fmt.Fprintf(out, "\n%d. %s", at+1, h.Title)
				if h.DocNumber != "" {
					fmt.Fprintf(out, "（%s）", h.DocNumber)
				}
				fmt.Fprintf(out, "\n   %s\n", h.URL)
				if len(h.Parts) == 0 || h.Snippet != h.Parts[0].Snippet {
					fmt.Fprintf(out, "   %s\n", plainSnippet(string(h.Snippet)))
				}
				for _, p := range h.Parts { // the matching articles or sections under their document
					label := p.Section
					if label == "" {
						label = p.Anchor
					}
					fmt.Fprintf(out, "   · %s  %s\n     %s\n", label, p.URL, plainSnippet(string(p.Snippet)))
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&source, "source", "s", ".", "site folder")
	cmd.Flags().StringVarP(&dest, "destination", "d", "", "built site folder (default SOURCE/public)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON like /api/search")
	cmd.Flags().IntVarP(&n, "number", "n", 10, "results per page")
	cmd.Flags().IntVar(&page, "page", 1, "page of results")
	cmd.Flags().StringVar(&sort, "sort", "", "order: relevance (default), date, -date")
	cmd.Flags().StringArrayVar(&filters, "filter", nil, "key=value filter (type, issuer, year, department, status, level, village, genre, topic); repeatable")
	return cmd
}

var markTags = regexp.MustCompile(`</?mark>`)

// plainSnippet turns an HTML snippet into terminal text with matches in 【】.
func plainSnippet(s string) string {
	s = markTags.ReplaceAllStringFunc(s, func(t string) string {
		if t == "<mark>" {
			return "【"
		}
		return "】"
	})
	return html.UnescapeString(s)
}
