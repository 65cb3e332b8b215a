package searchindex

import "math"

// The ranking is BM25+, as MiniSearch computes it, with a title's words
// weighing three times the text's. It is worked out here, at build time,
// for each term and document, and written as the posting's impact: the
// browser adds up the impacts of a query's words.
const (
	bm25K      = 1.2
	bm25B      = 0.7
	bm25D      = 0.5
	titleBoost = 3
)

// fieldStats are the lengths, in terms, of one field (title or text).
type fieldStats struct {
	total float64
	docs  int
}

func (f fieldStats) average() float64 {
	if f.docs == 0 || f.total == 0 {
		return 1
	}
	return f.total / float64(f.docs)
}

// idf is the inverse document frequency of a term in df of n documents.
func idf(df, n int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// bm25 is what a term that a field holds tf times adds for a field of
// length fieldLen.
func bm25(tf, fieldLen int, avg, idf float64) float64 {
	if tf == 0 {
		return 0
	}
	t := float64(tf)
	return idf * (bm25D + t*(bm25K+1)/(t+bm25K*(1-bm25B+bm25B*float64(fieldLen)/avg)))
}
