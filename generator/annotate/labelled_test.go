package annotate

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"chronicle/generator/entry"
	"chronicle/generator/tomlfile"
)

// labelledFile is the hand-labelled evaluation sample: entries written in the
// style of the live pages, each with the people it names and the direct
// quotes it holds, labelled by reading the text (see the file's header).
const labelledFile = "testdata/labelled.toml"

// The thresholds the finders must reach on the sample.
const (
	minMentionPrecision = 0.95
	minMentionRecall    = 0.95
	minQuotePrecision   = 0.95
	// minQuoteRecall keeps the attributor from passing by finding little:
	// precision alone is perfect for a finder that finds nothing (1.00 on
	// the sample since partial quotes are attributed; 0.75 before).
	minQuoteRecall = 0.95
)

// labelledSample is the sample as decoded.
type labelledSample struct {
	Person []entry.Person  `toml:"person"` // extra people, added to the registry
	Entry  []labelledEntry `toml:"entry"`
}

type labelledEntry struct {
	ID         string             `toml:"id"`
	Title      string             `toml:"title"`
	Paragraphs []string           `toml:"paragraphs"`
	PullQuote  *labelledPullQuote `toml:"pull_quote"`
	People     []string           `toml:"people"` // the true set of person IDs
	Quote      []labelledQuote    `toml:"quote"`  // every attributable direct quote
}

type labelledPullQuote struct {
	Text    string `toml:"text"`
	Speaker string `toml:"speaker"`
}

type labelledQuote struct {
	Starts  string `toml:"starts"`
	Speaker string `toml:"speaker"`
}

// labelledScore counts hits, false hits and misses.
type labelledScore struct {
	hit, falseHit, miss int
}

func (s *labelledScore) add(o labelledScore) {
	s.hit, s.falseHit, s.miss = s.hit+o.hit, s.falseHit+o.falseHit, s.miss+o.miss
}

func (s labelledScore) precision() float64 { return labelledRatio(s.hit, s.hit+s.falseHit) }
func (s labelledScore) recall() float64    { return labelledRatio(s.hit, s.hit+s.miss) }

// labelledRatio is a/b, and 0 when there is nothing to divide: a finder that
// finds nothing has no precision to speak of.
func labelledRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TestLabelledSample measures the people finder (mentions.go) and the quote
// attributor (quotes.go), as Annotate runs them, against a hand-labelled
// sample of entries (testdata/labelled.toml):
//
//   - mention precision and recall over (entry, person) pairs: a pair is a
//     hit when the entry's People holds a person the labels say it names, a
//     false hit when it holds one they do not, a miss when it lacks one;
//   - quote precision: of the quotes Annotate attributes, the share whose
//     text starts with a labelled quote's opening words and whose speaker is
//     that quote's speaker (each label is matched at most once); a found
//     quote of fewer than three words that matches no label is left out,
//     since the sample only labels quotes of three words or more;
//   - quote recall: the share of labelled quotes found with the right
//     speaker.
//
// Every miss and false hit is logged. The test fails when mention precision
// or recall falls below 0.95 or quote precision below 0.90; quote recall is
// reported only.
func TestLabelledSample(t *testing.T) {
	sample := loadLabelledSample(t)
	reg := labelledRegistry(t, sample.Person)
	checkLabels(t, sample, reg)

	entries := make([]entry.Entry, len(sample.Entry))
	for i, le := range sample.Entry {
		entries[i] = labelledEntryOf(le)
	}
	c, err := Annotate(nil, entries, reg)
	if err != nil {
		t.Fatalf("Annotate: %v", err)
	}

	var mentions, quotes labelledScore
	for i, le := range sample.Entry {
		got := &c.Entries[i]
		mentions.add(scoreMentions(t, le, got.People))
		quotes.add(scoreQuotes(t, le, got.Quotes))
	}

	labelledQuotes := 0
	for _, le := range sample.Entry {
		labelledQuotes += len(le.Quote)
	}
	t.Logf("sample: %d entries, %d labelled (entry, person) pairs, %d labelled quotes",
		len(sample.Entry), mentions.hit+mentions.miss, labelledQuotes)
	t.Logf("mentions: precision %.3f (%d/%d), recall %.3f (%d/%d)",
		mentions.precision(), mentions.hit, mentions.hit+mentions.falseHit,
		mentions.recall(), mentions.hit, mentions.hit+mentions.miss)
	// For quotes, hit+miss is the labelled quotes found and not found; the
	// found quotes are hit+falseHit.
	t.Logf("quotes: precision %.3f (%d/%d), recall %.3f (%d/%d)",
		quotes.precision(), quotes.hit, quotes.hit+quotes.falseHit,
		quotes.recall(), quotes.hit, quotes.hit+quotes.miss)

	checks := []struct {
		name     string
		got, min float64
	}{
		{"mention precision", mentions.precision(), minMentionPrecision},
		{"mention recall", mentions.recall(), minMentionRecall},
		{"quote precision", quotes.precision(), minQuotePrecision},
		{"quote recall", quotes.recall(), minQuoteRecall},
	}
	for _, ck := range checks {
		if ck.got < ck.min {
			t.Errorf("%s %.3f is below %.2f", ck.name, ck.got, ck.min)
		}
	}
}

// loadLabelledSample reads the sample, strictly (an unknown key is an error).
func loadLabelledSample(t *testing.T) *labelledSample {
	t.Helper()
	data, err := os.ReadFile(labelledFile)
	if err != nil {
		t.Fatal(err)
	}
	var s labelledSample
	if err := tomlfile.Decode(labelledFile, data, &s); err != nil {
		t.Fatal(err)
	}
	if len(s.Entry) == 0 {
		t.Fatalf("%s: no entries", labelledFile)
	}
	return &s
}

// labelledRegistry is the people of content/annotations plus the sample's
// extra people. Only people are taken: the sample's entries are not the
// captures, so notes and figures would point at nothing.
func labelledRegistry(t *testing.T, extra []entry.Person) *Registry {
	t.Helper()
	full, err := LoadRegistry(filepath.Join(repo, "content/annotations"))
	if err != nil {
		t.Fatal(err)
	}
	reg := &Registry{People: append([]entry.Person(nil), full.People...)}
	known := map[string]bool{}
	for _, p := range reg.People {
		known[p.ID] = true
	}
	for _, p := range extra {
		if known[p.ID] {
			t.Logf("%s: person %q is in the registry now; the registry's record is used", labelledFile, p.ID)
			continue
		}
		known[p.ID] = true
		reg.People = append(reg.People, p)
	}
	return reg
}

// checkLabels refuses a sample whose labels cannot be right: an unknown
// person ID, a duplicate entry ID, or a quote whose opening words are not in
// the entry.
func checkLabels(t *testing.T, s *labelledSample, reg *Registry) {
	t.Helper()
	known := map[string]bool{}
	for _, p := range reg.People {
		known[p.ID] = true
	}
	ids := map[string]bool{}
	for _, le := range s.Entry {
		if le.ID == "" || ids[le.ID] {
			t.Fatalf("%s: entry id %q is empty or repeated", labelledFile, le.ID)
		}
		ids[le.ID] = true
		for _, id := range le.People {
			if !known[id] {
				t.Fatalf("%s: %s: unknown person %q", labelledFile, le.ID, id)
			}
		}
		e := labelledEntryOf(le)
		text := strings.Join(e.Words(), "\n")
		for _, q := range le.Quote {
			if !known[q.Speaker] {
				t.Fatalf("%s: %s: quote %q by unknown person %q", labelledFile, le.ID, q.Starts, q.Speaker)
			}
			if q.Starts == "" || !strings.Contains(text, q.Starts) {
				t.Fatalf("%s: %s: quote %q is not in the entry", labelledFile, le.ID, q.Starts)
			}
		}
	}
}

// labelledEntryOf builds the entry a reader would have produced: the title,
// one paragraph block per paragraph, then the pull quote if any.
func labelledEntryOf(le labelledEntry) entry.Entry {
	e := entry.Entry{ID: le.ID, Title: le.Title, Kind: entry.KindPost}
	for _, p := range le.Paragraphs {
		e.Body = append(e.Body, entry.Block{Type: entry.BlockParagraph, Text: p})
	}
	if le.PullQuote != nil {
		e.Body = append(e.Body, entry.Block{Type: entry.BlockQuote, Text: le.PullQuote.Text, Speaker: le.PullQuote.Speaker})
	}
	return e
}

// scoreMentions compares the people found in one entry with its labels and
// logs each false hit and miss.
func scoreMentions(t *testing.T, le labelledEntry, found []string) labelledScore {
	t.Helper()
	want := map[string]bool{}
	for _, id := range le.People {
		want[id] = true
	}
	got := map[string]bool{}
	for _, id := range found {
		got[id] = true
	}
	var s labelledScore
	for _, id := range labelledKeys(got) {
		if want[id] {
			s.hit++
		} else {
			s.falseHit++
			t.Logf("%s: mention false hit: %s (%s)", le.ID, id, le.Title)
		}
	}
	for _, id := range labelledKeys(want) {
		if !got[id] {
			s.miss++
			t.Logf("%s: mention miss: %s (%s)", le.ID, id, le.Title)
		}
	}
	return s
}

// scoreQuotes compares the quotes attributed in one entry with its labels:
// hit and falseHit count found quotes, miss counts labels not found.
func scoreQuotes(t *testing.T, le labelledEntry, found []entry.Quote) labelledScore {
	t.Helper()
	used := make([]bool, len(le.Quote))
	var s labelledScore
	for _, q := range found {
		if q.Kind == entry.QuoteHeadline {
			continue // the sample labels no quote in a title (its header says why)
		}
		text := strings.TrimLeft(q.Text, "\"“ ")
		matched := -1
		for i, l := range le.Quote {
			if !used[i] && strings.HasPrefix(text, l.Starts) && l.Speaker == q.Speaker {
				matched = i
				break
			}
		}
		switch {
		case matched >= 0:
			used[matched] = true
			s.hit++
		case len(strings.Fields(text)) < 3 && !labelledText(le, text):
			t.Logf("%s: quote of under three words left out: %q → %s", le.ID, text, q.Speaker)
		default:
			s.falseHit++
			t.Logf("%s: quote false hit: %q → %s (%s, as %q)%s", le.ID, labelledClip(text), q.Speaker, q.How, q.Label, labelledSpeakerOf(le, text))
		}
	}
	for i, l := range le.Quote {
		if !used[i] {
			s.miss++
			t.Logf("%s: quote miss: %q by %s", le.ID, l.Starts, l.Speaker)
		}
	}
	return s
}

// labelledText reports whether a found quote's text is a labelled quote,
// whoever it was given to.
func labelledText(le labelledEntry, text string) bool {
	for _, l := range le.Quote {
		if strings.HasPrefix(text, l.Starts) {
			return true
		}
	}
	return false
}

// trueSpeaker says who the labels give a wrongly attributed quote to.
func labelledSpeakerOf(le labelledEntry, text string) string {
	for _, l := range le.Quote {
		if strings.HasPrefix(text, l.Starts) {
			return fmt.Sprintf("; labelled %s", l.Speaker)
		}
	}
	return "; not an attributable quote"
}

func labelledClip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

func labelledKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
