package pages

import "strings"

// kindNote: an editor's note: context, a correction, a fact-check or a
// question, about an entry, a day, a person or a term (notes/<id>.md).
var kindNote = inSection{"note", "notes", classShared, classShared}

// noteFront is a note's front matter; its body is the note. Other pages
// show notes in full, so its stub is the whole page, body included.
type noteFront struct {
	Title     string `json:"title"`
	NoteKind  string `json:"note_kind"`
	AboutKind string `json:"about_kind"`
	About     string `json:"about"`
	Author    string `json:"author"`
}

func (f noteFront) stub() any { return stubOf(f) }

func (w *writer) notePages() []page {
	var ps []page
	for _, n := range w.c.Notes {
		kind, id, _ := strings.Cut(n.Target, ":")
		f := noteFront{Title: n.Title, NoteKind: n.Kind, AboutKind: kind, About: id, Author: n.Author}
		ps = append(ps, page{kind: kindNote, id: n.ID, front: f, body: EditorMarkdown(n.Body) + "\n"})
	}
	return ps
}

// notesAbout lists the IDs of the notes about a target ("entry:<id>").
func (w *writer) notesAbout(target string) []string {
	return nonNil(w.ix.notes[target])
}
