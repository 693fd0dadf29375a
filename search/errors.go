package search

import (
	"errors"
	"fmt"
)

// QueryError is a problem with what the user asked for: an over-long query,
// a page out of range, an unknown filter. HTTP handlers answer it with 400
// and show Message, which is written for the user in zh-CN.
type QueryError struct {
	Query   string
	Message string
}

func (e *QueryError) Error() string { return e.Message }

func queryErrorf(q, format string, args ...interface{}) *QueryError {
	return &QueryError{Query: q, Message: fmt.Sprintf(format, args...)}
}

// ErrTimeout is wrapped by Search errors when a query ran past its time
// budget (QueryBudget or the caller's deadline, whichever is sooner).
var ErrTimeout = errors.New("search: query exceeded its time budget")

// ErrClosed is returned by Search on an index that has been closed, for
// instance swapped out by a rebuild; ask the Swapper for the current one.
var ErrClosed = errors.New("search: index is closed")

// ErrReadOnly is wrapped by Update on an index opened with Open.
var ErrReadOnly = errors.New("search: index is open read-only")
