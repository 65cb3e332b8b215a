package yahoo

import (
	"strings"

	"chronicle/generator/importer/capture"
)

// maxCreditWords bounds a credit in brackets; longer bracketed text is part
// of the caption.
const maxCreditWords = 8

// captionPair reports whether line n and the line after it are one photo
// caption printed twice, as the syndicated page does (` (AP)` / `(AP)`):
// the same text but for the white space around it.
func captionPair(d *capture.Doc, n, last int) bool {
	if n >= last {
		return false
	}
	a := strings.TrimSpace(d.Line(n))
	return a != "" && a == strings.TrimSpace(d.Line(n+1))
}

// splitCredit splits a caption from the credit in brackets at its end:
// `Service members attend … in Kyiv (via REUTERS)` gives the caption and
// `REUTERS`. Brackets that hold no credit stay in the caption.
func splitCredit(s string) (caption, credit string) {
	s, _ = capture.StripExternal(strings.TrimSpace(s))
	if !strings.HasSuffix(s, ")") {
		return s, ""
	}
	open, depth := -1, 0
	for i := len(s) - 1; i >= 0 && open < 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			if depth--; depth == 0 {
				open = i
			}
		}
	}
	if open < 0 {
		return s, ""
	}
	credit, ok := creditOf(strings.TrimSpace(s[open+1 : len(s)-1]))
	if !ok {
		return s, ""
	}
	return strings.TrimSpace(s[:open]), credit
}

// agencies are words that make bracketed text a credit.
var agencies = [...]string{
	"ap", "pa", "afp", "epa", "reuters", "getty", "associated", "shutterstock",
	"bloomberg", "anadolu", "sputnik", "tass", "ria", "handout", "supplied",
	"pool", "rex", "alamy", "maxar", "ukrinform", "twitter", "youtube",
	"telegram", "instagram", "facebook", "wire", "photo", "images",
}

// creditOf reads the text in a caption's closing brackets as a credit:
// `via REUTERS` → `REUTERS`, `Copyright 2022 The Associated Press. All
// rights reserved` → `The Associated Press`, `AP` → `AP`.
func creditOf(s string) (string, bool) {
	if rest, ok := strings.CutPrefix(s, "via "); ok {
		return strings.TrimSpace(rest), rest != ""
	}
	for _, p := range [...]string{"Copyright ", "copyright ", "©"} {
		rest, ok := strings.CutPrefix(s, p)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(strings.TrimSpace(rest), "0123456789 ")
		if i := strings.Index(strings.ToLower(rest), "all rights reserved"); i >= 0 {
			rest = rest[:i]
		}
		rest = strings.TrimRight(strings.TrimSpace(rest), ".,")
		return rest, rest != ""
	}
	if s == "" || capture.WordCount(s) > maxCreditWords {
		return "", false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '/' || r == ',' || r == '.'
	}) {
		for _, a := range agencies {
			if w == a {
				return s, true
			}
		}
	}
	return "", false
}
