// Package tabletest runs the table tests that give, for each input of a
// function of one argument, the result it must return.
package tabletest

import "testing"

// Func checks that f(in) is want for each in → want of cases, and reports
// each that is not as name(in) = got, want want; name is how the messages
// call f.
func Func[In, Out comparable](t testing.TB, name string, f func(In) Out, cases map[In]Out) {
	t.Helper()
	for in, want := range cases {
		if got := f(in); got != want {
			t.Errorf("%s(%#v) = %#v, want %#v", name, in, got, want)
		}
	}
}
