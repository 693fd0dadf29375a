package search

// ResultJSON is a result in the shape /api/search returns, for the CLI's --json.
func ResultJSON(res *Result) any { return toJSON(res) }
