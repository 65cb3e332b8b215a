package searchindex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// StopWords are the very common English words the index leaves out: a
// search for one alone says it is too common to be searched. The manifest
// carries the list, so that search.js drops the same words from a query.
var StopWords = strings.Fields("a an and are as at be but by for from has have he her his i in is it its of on or " +
	"she that the their they this to was were with")

var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range StopWords {
		m[w] = true
	}
	return m
}()

// Terms splits text into the words the index holds, in order: split at
// spaces and punctuation, folded ([Fold]), without stop words and single
// letters (the "s" of "Putin's"). search.js splits a query the same way.
func Terms(text string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(text, isSeparator) {
		t := Fold(f)
		if t == "" || stop[t] || isLetter(t) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// isSeparator is a rune that ends a word: a space or a punctuation mark.
func isSeparator(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSeparator[r]
	}
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.Is(unicode.Z, r)
}

// asciiSeparator is isSeparator for the ASCII runes, worked out once.
var asciiSeparator = func() (t [utf8.RuneSelf]bool) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = unicode.IsSpace(r) || unicode.IsPunct(r)
	}
	return t
}()

// isLetter says whether t is one letter.
func isLetter(t string) bool {
	r, n := utf8.DecodeRuneInString(t)
	return n == len(t) && unicode.IsLetter(r)
}

// Fold is a word as the index holds it: without accents (decomposed, the
// combining marks U+0300 to U+036F dropped), in lower case.
func Fold(w string) string {
	if isASCII(w) {
		return strings.ToLower(w)
	}
	d := norm.NFD.String(w)
	var b strings.Builder
	for _, r := range d {
		if r >= 0x300 && r <= 0x36f {
			continue
		}
		b.WriteRune(r)
	}
	return strings.ToLower(b.String())
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
