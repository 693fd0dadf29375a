package httpapi

import "github.com/gongkai/gongkai/search"

// ResultJSON is a result in the shape /api/search returns, for the CLI's --json.
func ResultJSON(res *search.Result) any { return toJSON(res) }
