package annotate

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// notePlace matches the start of an error about a note: the file, then a line.
var notePlace = regexp.MustCompile(`^notes/n\.md:([0-9]+): `)

func TestParseNote(t *testing.T) {
	tests := []struct {
		name, text string
		line       int // of the error; 0 when the note is good
	}{
		{"good", "+++\nkind = \"question\"\nabout = \"day:2022-02-01\"\ntitle = \"Why?\"\n+++\nA body.\n", 0},
		{"crlf", "+++\r\nkind = \"context\"\r\nabout = \"person:x\"\r\ntitle = \"T\"\r\n+++\r\nBody\r\n", 0},
		{"no front matter", "Just text\n", 1},
		{"not closed", "+++\nkind = \"context\"\n", 1},
		{"bad kind", "+++\ntitle = \"T\"\nkind = \"opinion\"\nabout = \"day:x\"\n+++\nBody\n", 3},
		{"bad about", "+++\nkind = \"context\"\ntitle = \"T\"\nabout = \"place:x\"\n+++\nBody\n", 4},
		{"unknown key", "+++\nkind = \"context\"\nabout = \"day:x\"\ntitle = \"T\"\ncolour = \"red\"\n+++\nBody\n", 5},
		{"bad toml", "+++\nkind = \"context\"\nabout = \n+++\nBody\n", 3},
		{"no body", "+++\nkind = \"context\"\nabout = \"day:x\"\ntitle = \"T\"\n+++\n\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := parseNote("notes/n.md", []byte(tt.text))
			if tt.line == 0 {
				if err != nil {
					t.Fatal(err)
				}
				if n.ID != "n" || n.Title == "" || n.Body == "" {
					t.Errorf("note %+v", n)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			m := notePlace.FindStringSubmatch(err.Error())
			if m == nil || m[1] != strconv.Itoa(tt.line) {
				t.Errorf("error %q, want it at notes/n.md:%d", err, tt.line)
			}
		})
	}
}

// FuzzParseNote: any file either reads as a note with a title and a body, or
// gives an error that names the file and a line within it.
func FuzzParseNote(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(repo, "content/annotations/notes/*.md"))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("+++\n+++\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := parseNote("notes/n.md", data)
		if err == nil {
			if n.Title == "" || strings.TrimSpace(n.Body) == "" {
				t.Fatalf("note without title or body: %+v", n)
			}
			return
		}
		for _, msg := range strings.Split(err.Error(), "\n") {
			m := notePlace.FindStringSubmatch(msg)
			if m == nil {
				continue // a multi-line message from the TOML decoder
			}
			line, _ := strconv.Atoi(m[1])
			if line < 1 || line > strings.Count(string(data), "\n")+1 {
				t.Fatalf("error at line %d of a %d-line file: %v", line, strings.Count(string(data), "\n")+1, err)
			}
		}
		if !notePlace.MatchString(err.Error()) {
			t.Fatalf("error does not name the file and line: %v", err)
		}
	})
}
