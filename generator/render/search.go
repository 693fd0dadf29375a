package render

import (
	"io"

	"github.com/gongkai/gongkai/search/httpapi"
)

// SearchPage renders the server-side search results page with the theme's search layout.
func (r *Renderer) SearchPage(w io.Writer, data *httpapi.PageData) error {
	v := r.view("search", r.theme.T("search"), "/search/")
	v.Query = data.Query
	v.Data = data
	v.Lang = r.lang
	return r.theme.layouts["search"].ExecuteTemplate(w, "baseof", v)
}
