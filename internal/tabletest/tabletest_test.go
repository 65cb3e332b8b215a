package tabletest

import (
	"fmt"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps what the test reports.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestFunc(t *testing.T) {
	r := &recorder{TB: t}
	Func(r, "ToUpper", strings.ToUpper, map[string]string{"a": "A", "b": "b"})
	if len(r.errors) != 1 || r.errors[0] != `ToUpper("b") = "B", want "b"` {
		t.Errorf("reported %q", r.errors)
	}
}

func TestFuncOK(t *testing.T) {
	r := &recorder{TB: t}
	FuncOK(r, "CutPrefix", func(s string) (string, bool) { return strings.CutPrefix(s, "a") }, []Case[string, string]{
		{"ab", "b", true}, {"b", "b", true}, {"ac", "c", true},
	})
	if len(r.errors) != 1 || r.errors[0] != `CutPrefix("b") = "b", false; want "b", true` {
		t.Errorf("reported %q", r.errors)
	}
}
