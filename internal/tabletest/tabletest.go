// Package tabletest runs the table tests that give, for each input of a
// function of one argument, the result it must return.
package tabletest

import (
	"fmt"
	"testing"
)

// Func checks that f(in) is want for each in → want of cases, and reports
// each that is not as name(in) = got, want want; name is how the messages
// call f.
func Func[In, Out comparable](t testing.TB, name string, f func(In) Out, cases map[In]Out) {
	t.Helper()
	for in, want := range cases {
		if got := f(in); got != want {
			t.Errorf("%s(%s) = %s, want %s", name, show(in), show(got), show(want))
		}
	}
}

// Case is an input of a function that returns a value and whether it
// found one, with the value and the ok it must return. It is an alias of
// a struct literal type, so that tables may leave out the field names.
type Case[In, Out comparable] = struct {
	In   In
	Want Out
	OK   bool
}

// FuncOK checks that f(c.In) is c.Want, c.OK for each case, in order, as
// Func does for a function of one result.
func FuncOK[In, Out comparable](t testing.TB, name string, f func(In) (Out, bool), cases []Case[In, Out]) {
	t.Helper()
	for _, c := range cases {
		if got, ok := f(c.In); got != c.Want || ok != c.OK {
			t.Errorf("%s(%s) = %s, %v; want %s, %v", name, show(c.In), show(got), ok, show(c.Want), c.OK)
		}
	}
}

// show is a value as a message prints it: a string quoted, anything else
// as %v prints it.
func show(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprint(v)
}
