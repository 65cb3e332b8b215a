package annotate

import (
	"bytes"
	"chronicle/generator/diag"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// checkMarkdown checks the editors' Markdown (a note's body, a glossary
// definition) that starts at line first of file: raw HTML is not allowed,
// since the site shows no HTML it did not make (goldmark would drop it, and
// the render would fail on the warning). It returns the error for the first
// raw HTML found, naming its line, or nil.
func checkMarkdown(file string, first int, md string) error {
	src := []byte(md)
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var found = -1
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || found >= 0 {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if n.Lines().Len() > 0 {
				found = n.Lines().At(0).Start
			}
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				found = n.Segments.At(0).Start
			}
		}
		return ast.WalkContinue, nil
	})
	if found < 0 {
		return nil
	}
	line := first + bytes.Count(src[:found], []byte("\n"))
	return diag.Errorf(file, line, diag.RawHTML, "raw HTML is not allowed in the editors' Markdown (the site shows only HTML it makes): write it as Markdown, or put the tag in `backticks` to show it as text")
}
