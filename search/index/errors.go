package index

import "errors"

// ErrClosed is returned by Read and Update on an index that has been
// closed, for instance swapped out by a rebuild.
var ErrClosed = errors.New("search: index is closed")

// ErrReadOnly is wrapped by Update on an index opened with Open.
var ErrReadOnly = errors.New("search: index is open read-only")
