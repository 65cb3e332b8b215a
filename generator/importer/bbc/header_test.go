package bbc

import "testing"

func TestParseHeader(t *testing.T) {
	tests := []struct {
		line   string
		ok     bool
		err    bool
		number int
		title  string
		h, m   int
		zone   string
		date   string
	}{
		{"  1. What's happened today?published at 19:05 Greenwich Mean Time 1 February 2022", true, false, 1, "What's happened today?", 19, 5, "Greenwich Mean Time", "1 February 2022"},
		{"    Putin's threat of force gets US attentionpublished at 18:43 Greenwich Mean Time 1 February 2022", true, false, 0, "Putin's threat of force gets US attention", 18, 43, "Greenwich Mean Time", "1 February 2022"},
		{"  12. Troops movepublished at 9:07 British Summer Time 14 August 2022", true, false, 12, "Troops move", 9, 7, "British Summer Time", "14 August 2022"},
		{"  3. No date printedpublished at 08:00 GMT", true, false, 3, "No date printed", 8, 0, "GMT", ""},
		{"  3. No zone printedpublished at 08:00", true, false, 3, "No zone printed", 8, 0, "", ""},
		{"  4. Impossiblepublished at 25:61 Greenwich Mean Time 1 February 2022", true, true, 4, "Impossible", 0, 0, "Greenwich Mean Time", "1 February 2022"},
		{"  4. Bad zonepublished at 10:00 Moscow Standard Time 1 February 2022", true, true, 4, "Bad zone", 0, 0, "", ""},
		{"  4. Bad datepublished at 10:00 Greenwich Mean Time 31 February 2022", true, true, 4, "Bad date", 0, 0, "Greenwich Mean Time", "31 February 2022"},
		{"    The report was published at the weekend.", false, false, 0, "", 0, 0, "", ""},
		{"    Summary", false, false, 0, "", 0, 0, "", ""},
	}
	for _, tt := range tests {
		h, ok, err := parseHeader(tt.line)
		if ok != tt.ok || (err != nil) != tt.err {
			t.Errorf("parseHeader(%q): ok=%v err=%v, want ok=%v err=%v", tt.line, ok, err, tt.ok, tt.err)
			continue
		}
		if !ok || err != nil {
			continue
		}
		if h.Number != tt.number || h.Title != tt.title || h.Hour != tt.h || h.Minute != tt.m || h.Zone != tt.zone || h.Date != tt.date {
			t.Errorf("parseHeader(%q) = %+v", tt.line, h)
		}
	}
}

func TestParseMarker(t *testing.T) {
	tests := []struct {
		line   string
		kind   string
		number int
		known  bool
	}{
		{"  4. Analysis", "analysis", 4, true},
		{"    Breaking", "breaking", 0, true},
		{"  11. Analysis", "analysis", 11, true},
		{"  2. BBC Verify", "bbc-verify", 2, true},
		{"  5. Explainer", "", 0, false},
		{"    Analysis of the talks", "", 0, false},
	}
	for _, tt := range tests {
		kind, number, known := parseMarker(tt.line)
		if known != tt.known || (known && (string(kind) != tt.kind || number != tt.number)) {
			t.Errorf("parseMarker(%q) = %q %d %v", tt.line, kind, number, known)
		}
	}
	if kind, n, ok := looksLikeMarker("  5. Explainer"); !ok || kind != "explainer" || n != 5 {
		t.Errorf("looksLikeMarker(Explainer) = %q %d %v", kind, n, ok)
	}
	if _, _, ok := looksLikeMarker("  5. Talks end, Lavrov says."); ok {
		t.Error("a sentence is not a marker")
	}
}
