package annotate

import (
	"regexp"
	"strconv"
	"strings"

	"chronicle/generator/entry"
)

// figureNumber finds figures as printed: 100,000; 7,000; £88m; C$120million;
// 1.62 million; 137.
var figureNumber = regexp.MustCompile(`(?:£|C\$|US\$|\$|€)?\d+(?:,\d{3})*(?:\.\d+)?(?:\s?(?:m|bn|million|billion)\b)?`)

// notAClaim are the words after a number that make it a measure of time or
// distance, a share, or an age rather than a claimed count.
var notAClaim = []string{"hour", "minute", "day", "week", "month", "year", "mile", "km", "kilometre", "metre", "per cent", "percent", "%", "-year"}

// ordinals are the endings that make a number an ordinal (the 5th, 21st).
var ordinals = []string{"th", "st", "nd", "rd"}

// Extract finds the claims of each series in the entries: a number in the
// same sentence as one of the series' context phrases. Where several series
// match a sentence, the longest phrase decides ("troops in Belarus" beats
// "troops"). Years, measures of time or distance, and numbers inside names
// (AK-47, Mi-17) are not claims. Every claim found is marked Derived.
func Extract(series []entry.Series, entries []entry.Entry) map[string][]entry.Claim {
	out := map[string][]entry.Claim{}
	for i := range entries {
		e := &entries[i]
		for _, s := range sentencesOf(e) {
			id := bestSeries(series, s.text)
			if id == "" {
				continue
			}
			for _, loc := range figureNumber.FindAllStringIndex(s.text, -1) {
				text := s.text[loc[0]:loc[1]]
				v, ok := claimValue(s.text, loc[0], loc[1])
				if !ok {
					continue
				}
				out[id] = append(out[id], entry.Claim{Value: v, Text: text, Capture: e.Capture, Line: s.line,
					Entry: e.ID, Date: e.Time.UTC().Format("2006-01-02"), Derived: true})
			}
		}
	}
	return out
}

// sentence is a sentence of an entry and the capture line it is on.
type sentence struct {
	text string
	line int
}

// sentencesOf splits an entry's title and text blocks into sentences.
func sentencesOf(e *entry.Entry) []sentence {
	out := []sentence{{e.Title, titleLine(e)}}
	add := func(text string, line int) {
		for _, r := range sentences(text) {
			out = append(out, sentence{text[r[0]:r[1]], line})
		}
	}
	for _, b := range e.Body {
		switch b.Type {
		case entry.BlockParagraph, entry.BlockQuote:
			add(b.Text, b.Lines[0])
		case entry.BlockList:
			for _, it := range b.Items {
				add(it.Text, it.Lines[0])
			}
		}
	}
	return out
}

// titleLine is the line of an entry's title: its first line, or the one
// after a marker.
func titleLine(e *entry.Entry) int { return e.Lines[0] }

// bestSeries returns the series whose longest matching context phrase is the
// longest in the sentence, or "".
func bestSeries(series []entry.Series, text string) string {
	low := strings.ToLower(text)
	best, bestLen := "", 0
	for _, s := range series {
		for _, c := range s.Context {
			if len(c) > bestLen && entry.ContainsWord(low, strings.ToLower(c)) {
				best, bestLen = s.ID, len(c)
			}
		}
	}
	return best
}

// claimValue reads the number at text[start:end] in units, and says whether
// it is a claim at all.
func claimValue(text string, start, end int) (float64, bool) {
	num := text[start:end]
	if start > 0 && (text[start-1] == '-' || isLetter(text[start-1])) {
		return 0, false // AK-47, Mi-17, COVID-19
	}
	rest := strings.ToLower(text[end:])
	for _, o := range ordinals {
		if strings.HasPrefix(rest, o) && (len(rest) == len(o) || !isLetter(rest[len(o)])) {
			return 0, false // the 5th, 21st
		}
	}
	after := strings.TrimLeft(rest, " ")
	for _, w := range notAClaim {
		if strings.HasPrefix(after, w) {
			return 0, false
		}
	}
	mult := 1.0
	digits := strings.TrimLeft(num, "£C$US€")
	for suffix, m := range map[string]float64{"billion": 1e9, "million": 1e6, "bn": 1e9, "m": 1e6} {
		if strings.HasSuffix(digits, suffix) {
			digits, mult = strings.TrimSpace(strings.TrimSuffix(digits, suffix)), m
			break
		}
	}
	clean := strings.ReplaceAll(digits, ",", "")
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || v == 0 {
		return 0, false
	}
	if !strings.Contains(digits, ",") && mult == 1 && v >= 1900 && v <= 2099 && v == float64(int(v)) {
		return 0, false // a year
	}
	return v * mult, true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
