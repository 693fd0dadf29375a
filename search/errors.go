package search

import "errors"

// ErrTimeout is wrapped by Search errors when a query ran past its time
// budget (QueryBudget or the caller's deadline, whichever is sooner).
var ErrTimeout = errors.New("search: query exceeded its time budget")

// ErrClosed is returned by Search on an index that has been closed, for
// instance swapped out by a rebuild; ask the Swapper for the current one.
var ErrClosed = errors.New("search: index is closed")

// ErrReadOnly is wrapped by Update on an index opened with Open.
var ErrReadOnly = errors.New("search: index is open read-only")
