package search

import "errors"

// ErrTimeout is wrapped by Search errors when a query ran past its time
// budget (QueryBudget or the caller's deadline, whichever is sooner).
var ErrTimeout = errors.New("search: query exceeded its time budget")
