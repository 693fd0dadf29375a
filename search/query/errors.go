package query

import "fmt"

// Error is a problem with what the user asked for: an over-long query,
// a page out of range, an unknown filter. HTTP handlers answer it with 400
// and show Message, which is written for the user in zh-CN.
type Error struct {
	Query   string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf makes an *Error about query q; the message is for the user.
func Errorf(q, format string, args ...interface{}) *Error {
	return &Error{Query: q, Message: fmt.Sprintf(format, args...)}
}
