package diag

import (
	"errors"
	"fmt"
	"testing"
)

type tomlErr struct{ line int }

func (e tomlErr) Error() string { return fmt.Sprintf("x.toml:%d: bad", e.line) }
func (e tomlErr) Problem() Problem {
	return Problem{File: "x.toml", Line: e.line, Severity: Error, Code: BadTOML, Message: "bad"}
}

// TestCollect: problems come back out of joined and wrapped errors with
// their codes; an error of another kind is one problem of code Other.
func TestCollect(t *testing.T) {
	err := errors.Join(
		Errorf("people.toml", 3, BadID, "ID %q is not a slug", ".."),
		fmt.Errorf("annotations: %w", Errorf("notes/a.md", 8, RawHTML, "raw HTML")),
		errors.Join(tomlErr{5}, errors.New("disk on fire")),
	)
	got := Collect(err, "content/annotations")
	want := []struct {
		file string
		line int
		code Code
	}{{"people.toml", 3, BadID}, {"notes/a.md", 8, RawHTML}, {"x.toml", 5, BadTOML}, {"content/annotations", 1, Other}}
	if len(got) != len(want) {
		t.Fatalf("Collect = %v, want %d problems", got, len(want))
	}
	for i, w := range want {
		if got[i].File != w.file || got[i].Line != w.line || got[i].Code != w.code {
			t.Errorf("problem %d = %+v, want %s:%d %s", i, got[i], w.file, w.line, w.code)
		}
	}
	if Collect(nil, "x") != nil {
		t.Error("Collect(nil) is not empty")
	}
	if !Has(got, RawHTML) || Has(got, CRLF) {
		t.Error("Has is wrong")
	}
}

// TestProblemText: check prints the severity, an error does not.
func TestProblemText(t *testing.T) {
	p := Problem{File: "a.txt", Line: 4, Severity: Warning, Code: Unplaced, Message: "unplaced line"}
	if got := p.String(); got != "a.txt:4: warning: unplaced line" {
		t.Errorf("String() = %q", got)
	}
	if got := p.Error(); got != "a.txt:4: unplaced line" {
		t.Errorf("Error() = %q", got)
	}
}

func TestSort(t *testing.T) {
	ps := []Problem{{File: "b", Line: 1}, {File: "a", Line: 9, Severity: Notice}, {File: "a", Line: 9, Severity: Error}, {File: "a", Line: 2}}
	Sort(ps)
	if ps[0].Line != 2 || ps[1].Severity != Error || ps[3].File != "b" {
		t.Errorf("Sort = %v", ps)
	}
}
