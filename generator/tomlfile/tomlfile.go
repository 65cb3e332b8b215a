// Package tomlfile decodes the project's hand-kept TOML files (capture
// sidecars, annotations) strictly, and turns every decoding problem into an
// error that names the file and line.
package tomlfile

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"chronicle/generator/diag"

	"github.com/pelletier/go-toml/v2"
)

// Error is a problem in a TOML file at a line.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Problem is the error as the one problem type of every stage.
func (e *Error) Problem() diag.Problem {
	return diag.Problem{File: e.File, Line: e.Line, Severity: diag.Error, Code: diag.BadTOML, Message: e.Msg}
}

// Decode decodes data into v, refusing keys v has no field for. Errors are
// *Error values (joined with errors.Join when there are several).
func Decode(file string, data []byte, v any) error {
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		return nil
	}
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		var errs []error
		for _, e := range strict.Errors {
			row, _ := e.Position()
			errs = append(errs, &Error{File: file, Line: row, Msg: fmt.Sprintf("unknown key %q", strings.Join(e.Key(), "."))})
		}
		return errors.Join(errs...)
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		return &Error{File: file, Line: row, Msg: de.Error()}
	}
	return &Error{File: file, Line: 1, Msg: err.Error()}
}

// KeyLine returns the first line (1-based) of data on which key is assigned,
// so that a value that decodes but is wrong can be reported where it stands.
// It returns 1 when the key is not found.
func KeyLine(data []byte, key string) int {
	return KeyLineFrom(data, key, 1)
}

// KeyLineFrom is KeyLine starting the search at line from.
func KeyLineFrom(data []byte, key string, from int) int {
	lines := strings.Split(string(data), "\n")
	for i := from - 1; i >= 0 && i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if strings.HasPrefix(l, key) {
			rest := strings.TrimSpace(l[len(key):])
			if strings.HasPrefix(rest, "=") {
				return i + 1
			}
		}
	}
	if from > 1 {
		return from
	}
	return 1
}
