package searchindex

import (
	"math"
	"slices"
	"strings"
)

// A term's postings are written as a string of characters of [alphabet],
// six bits each, in one of three codes (its first character):
//
//	L  the documents that hold the term, each as the gap from the one
//	   before (a number, [appendNumber]) and its impact (one character):
//	   what the term adds to the document's score
//	M  the same without impacts, for filters (a publisher, a person)
//	B  a bitset of all documents (six to a character, the first document
//	   in the lowest bit), after one character, the impact of every
//	   document not listed after the "|" that ends the bitset; there, in
//	   code L, the [TopPostings] documents of highest impact
//
// A term in many documents is written in code B when that is shorter, so
// that no term's postings pass about N/6 characters plus its top list.
const alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

// TopPostings is how many documents of highest impact code B lists with
// their impacts.
const TopPostings = 1000

// ImpactLevels is how many values an impact character takes.
const ImpactLevels = 64

// appendNumber writes n ≥ 0 five bits at a time, lowest first: a
// character below 32 ends the number, one from 32 says more follow.
func appendNumber(b *strings.Builder, n int) {
	for n >= 32 {
		b.WriteByte(alphabet[32+n&31])
		n >>= 5
	}
	b.WriteByte(alphabet[n])
}

// quantize maps a score in [0, top] to an impact level, on a logarithmic
// scale, so that small scores keep their differences: level q stands for
// exp(q/(ImpactLevels-1) × ln(1+top)) − 1 (search.js decodes it so).
func quantize(score, top float64) int {
	if top <= 0 || score <= 0 {
		return 0
	}
	q := int(math.Round(math.Log1p(score) / math.Log1p(top) * (ImpactLevels - 1)))
	return min(max(q, 0), ImpactLevels-1)
}

// posting is one document that holds a term, with its impact level.
type posting struct {
	doc, impact int
}

// encodeList writes postings (sorted by document) in code L, or in code M
// when withImpact is false.
func encodeList(b *strings.Builder, ps []posting, withImpact bool) {
	prev := -1
	for _, p := range ps {
		appendNumber(b, p.doc-prev-1)
		if withImpact {
			b.WriteByte(alphabet[p.impact])
		}
		prev = p.doc
	}
}

// encode writes a term's postings (sorted by document) among docs
// documents in the shortest of its codes.
func encode(ps []posting, docs int, withImpact bool) string {
	var list strings.Builder
	if withImpact {
		list.WriteByte('L')
	} else {
		list.WriteByte('M')
	}
	encodeList(&list, ps, withImpact)
	if list.Len() <= (docs+5)/6+TopPostings*2 {
		return list.String()
	}
	set := make([]byte, (docs+5)/6)
	for _, p := range ps {
		set[p.doc/6] |= 1 << (p.doc % 6)
	}
	// The top list: the documents of highest impact, by document; the rest
	// are scored at the highest impact among them.
	top := ps
	floor := 0
	if withImpact && len(ps) > TopPostings {
		byImpact := make([]posting, len(ps))
		copy(byImpact, ps)
		sortByImpact(byImpact)
		top = byImpact[:TopPostings]
		floor = byImpact[TopPostings].impact
		sortByDoc(top)
	}
	var b strings.Builder
	b.WriteByte('B')
	b.WriteByte(alphabet[floor])
	for _, c := range set {
		b.WriteByte(alphabet[c])
	}
	b.WriteByte('|')
	if withImpact {
		encodeList(&b, top, true)
	}
	return b.String()
}

// sortByImpact orders postings by impact, highest first, then by document.
func sortByImpact(ps []posting) {
	slices.SortFunc(ps, func(a, b posting) int {
		if a.impact != b.impact {
			return b.impact - a.impact
		}
		return a.doc - b.doc
	})
}

// sortByDoc orders postings by document.
func sortByDoc(ps []posting) {
	slices.SortFunc(ps, func(a, b posting) int { return a.doc - b.doc })
}
