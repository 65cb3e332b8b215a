package searchindex

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// termTable gathers, document by document in order, the terms of the
// index and the documents that hold them.
type termTable struct {
	titleLen, textLen []int // each document's fields' lengths, in terms
	words             map[string][]wordPosting
	members           map[string][]int       // filter terms: documents, in order
	counts            map[string]wordPosting // one document's, reused
}

// wordPosting is how often a document holds a word, in its title and text.
type wordPosting struct {
	doc         int
	title, text int
}

// lexiconEntry is a term, the number of documents that hold it and the
// posting file that holds its postings.
type lexiconEntry struct {
	term     string
	df, file int
}

func newTermTable(docs int) *termTable {
	return &termTable{titleLen: make([]int, docs), textLen: make([]int, docs),
		words: map[string][]wordPosting{}, members: map[string][]int{}, counts: map[string]wordPosting{}}
}

// add records document doc's terms; documents come in order.
func (t *termTable) add(doc int, title, text []string) {
	t.titleLen[doc], t.textLen[doc] = len(title), len(text)
	counts := t.counts
	clear(counts)
	for i, field := range [][]string{title, text} {
		for _, w := range field {
			p := counts[w]
			p.doc = doc
			if i == 0 {
				p.title++
			} else {
				p.text++
			}
			counts[w] = p
		}
	}
	// Each term's postings stay in document order, whatever the order of
	// the terms here.
	for w, p := range counts {
		t.words[w] = append(t.words[w], p)
	}
}

// member records that document doc has a filter term.
func (t *termTable) member(doc int, term string) {
	list := t.members[term]
	if n := len(list); n == 0 || list[n-1] != doc {
		t.members[term] = append(list, doc)
	}
}

// scorer gives a word's postings their scores.
type scorer struct {
	docs              int
	titleLen, textLen []int
	avgTitle, avgText float64
}

func (t *termTable) scorer() scorer {
	s := scorer{docs: len(t.titleLen), titleLen: t.titleLen, textLen: t.textLen}
	var title, text fieldStats
	for i := range t.titleLen {
		title.total += float64(t.titleLen[i])
		text.total += float64(t.textLen[i])
	}
	title.docs, text.docs = s.docs, s.docs
	s.avgTitle, s.avgText = title.average(), text.average()
	return s
}

func (s scorer) score(p wordPosting, df int) float64 {
	w := idf(df, s.docs)
	return titleBoost*bm25(p.title, s.titleLen[p.doc], s.avgTitle, w) + bm25(p.text, s.textLen[p.doc], s.avgText, w)
}

// write encodes every term's postings into posting files of about
// partBytes, in term order, and returns the score the top impact level
// stands for, the lexicon and the files (named p<j>.js).
func (t *termTable) write(partBytes int) (float64, []lexiconEntry, []File, error) {
	s := t.scorer()
	top := 0.0
	for _, ps := range t.words {
		for _, p := range ps {
			top = max(top, s.score(p, len(ps)))
		}
	}
	terms := slices.Sorted(maps.Keys(t.words))
	for term := range t.members {
		terms = append(terms, term)
	}
	slices.Sort(terms)

	var lexicon []lexiconEntry
	var files []File
	var body strings.Builder
	count := 0
	flush := func() {
		if count == 0 {
			return
		}
		n := len(files)
		files = append(files, File{Path: "p" + strconv.Itoa(n) + ".js",
			Data: []byte("ChronicleSearch.postings(" + strconv.Itoa(n) + ",{" + body.String() + "});\n")})
		body.Reset()
		count = 0
	}
	for _, term := range terms {
		code, df := t.encode(term, s, top)
		key, err := json.Marshal(term)
		if err != nil {
			return 0, nil, nil, fmt.Errorf("search index: term %q: %w", term, err)
		}
		size := len(key) + len(code) + 4
		if count > 0 && body.Len()+size > partBytes {
			flush()
		}
		if count > 0 {
			body.WriteByte(',')
		}
		body.Write(key)
		body.WriteString(`:"` + code + `"`)
		count++
		lexicon = append(lexicon, lexiconEntry{term: term, df: df, file: len(files)})
		if size > partBytes {
			flush()
		}
	}
	flush()
	return top, lexicon, files, nil
}

// encode is a term's postings in their code, and how many documents hold
// the term.
func (t *termTable) encode(term string, s scorer, top float64) (string, int) {
	if docs, ok := t.members[term]; ok {
		ps := make([]posting, len(docs))
		for i, d := range docs {
			ps[i] = posting{doc: d}
		}
		return encode(ps, s.docs, false), len(docs)
	}
	words := t.words[term]
	ps := make([]posting, len(words))
	for i, p := range words {
		ps[i] = posting{doc: p.doc, impact: quantize(s.score(p, len(words)), top)}
	}
	return encode(ps, s.docs, true), len(words)
}

// lexiconParts cuts the lexicon into parts of about partBytes (named
// l<i>.js) and returns the first term of each.
func lexiconParts(lexicon []lexiconEntry, partBytes int) ([]string, []File, error) {
	firsts := []string{}
	var files []File
	var body strings.Builder
	flush := func() {
		if body.Len() == 0 {
			return
		}
		n := len(files)
		files = append(files, File{Path: "l" + strconv.Itoa(n) + ".js",
			Data: []byte("ChronicleSearch.lexicon(" + strconv.Itoa(n) + ",[" + body.String() + "]);\n")})
		body.Reset()
	}
	for _, e := range lexicon {
		row, err := json.Marshal([]any{e.term, e.df, e.file})
		if err != nil {
			return nil, nil, fmt.Errorf("search index: term %q: %w", e.term, err)
		}
		if body.Len() > 0 && body.Len()+len(row)+1 > partBytes {
			flush()
		}
		if body.Len() == 0 {
			firsts = append(firsts, e.term)
		} else {
			body.WriteByte(',')
		}
		body.Write(row)
	}
	flush()
	return firsts, files, nil
}
