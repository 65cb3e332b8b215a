package bbc

import "fmt"

// lineError is a problem found while reading one line.
type lineError struct{ msg string }

func (e lineError) Error() string { return e.msg }

func errorf(format string, args ...any) error { return lineError{fmt.Sprintf(format, args...)} }
