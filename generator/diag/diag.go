// Package diag holds the one type every stage reports a problem with: the
// importer and its readers, the annotations' loader, `check` and the build.
// A problem names its file and line, says how serious it is, and carries a
// stable code (codes.go) that tests and tools compare, so that no stage
// parses another's error text.
package diag

import (
	"errors"
	"fmt"
	"sort"
)

// Severity ranks a Problem.
type Severity int

// Severities, from least to most serious. `check` fails on errors, and with
// --strict on warnings too; notices only inform.
const (
	Notice Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Notice:
		return "notice"
	case Warning:
		return "warning"
	default:
		return "error"
	}
}

// Problem is something a person must know about a file, at a line.
type Problem struct {
	File     string
	Line     int
	Severity Severity
	// Code names the kind of problem, for tests and tools (codes.go); the
	// message is for people and may change.
	Code    Code
	Message string
}

// String renders the problem as check prints it: "file:line: severity: message".
func (p Problem) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.Severity, p.Message)
}

// Error renders the problem as an error: "file:line: message". A Problem
// is an error, so a stage can return problems joined with errors.Join and
// the caller can take them back out with Collect.
func (p Problem) Error() string { return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message) }

// Errorf makes an error-severity problem.
func Errorf(file string, line int, code Code, format string, args ...any) Problem {
	return Problem{File: file, Line: line, Severity: Error, Code: code, Message: fmt.Sprintf(format, args...)}
}

// Problemer is an error that stands for a problem (such as a TOML decoding
// error of package tomlfile).
type Problemer interface {
	Problem() Problem
}

// Collect takes the problems out of an error: a Problem, a Problemer, or
// errors joined with errors.Join (or wrapped) that are. Any other error
// becomes a problem of code Other at line 1 of file.
func Collect(err error, file string) []Problem {
	if err == nil {
		return nil
	}
	var out []Problem
	var each func(error)
	each = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				each(e)
			}
			return
		}
		var p Problem
		var pr Problemer
		switch {
		case errors.As(err, &p):
			out = append(out, p)
		case errors.As(err, &pr):
			out = append(out, pr.Problem())
		default:
			out = append(out, Problem{File: file, Line: 1, Severity: Error, Code: Other, Message: err.Error()})
		}
	}
	each(err)
	return out
}

// Join joins problems into one error (nil for none), for a stage that
// stops on them.
func Join(ps []Problem) error {
	var errs []error
	for _, p := range ps {
		errs = append(errs, p)
	}
	return errors.Join(errs...)
}

// Sort orders problems by file, then line, then severity (most serious
// first), keeping the order of equals.
func Sort(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Severity > b.Severity
	})
}

// Has reports whether any problem has the code.
func Has(ps []Problem, code Code) bool {
	for _, p := range ps {
		if p.Code == code {
			return true
		}
	}
	return false
}
