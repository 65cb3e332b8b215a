package capture

import (
	"strings"
	"testing"

	"chronicle/generator/entry"
	"chronicle/internal/tabletest"
)

func TestStripExternal(t *testing.T) {
	tests := []struct {
		in, out string
		links   []string
	}{
		{"Truss made the comments in a tweet , externalfollowing talks.", "Truss made the comments in a tweet following talks.", []string{"tweet"}},
		{"the US has intelligence, external that Russian", "the US has intelligence that Russian", []string{"intelligence"}},
		{"In a letter to UN human rights chief Michelle Bachelet, external, Washington's ambassador", "In a letter to UN human rights chief Michelle Bachelet, Washington's ambassador", []string{"Michelle Bachelet"}},
		{"has also warned Americans, external of potential attacks", "has also warned Americans of potential attacks", []string{"Americans"}},
		{"Twitter’s cookie policy, external and privacy policy, external before accepting.", "Twitter’s cookie policy and privacy policy before accepting.", []string{"policy", "policy"}},
		{"No links here, externally speaking.", "No links here, externally speaking.", nil},
		{"External, external", "External", []string{"External"}},
	}
	for _, tt := range tests {
		out, spans := StripExternal(tt.in)
		if out != tt.out {
			t.Errorf("StripExternal(%q) = %q, want %q", tt.in, out, tt.out)
		}
		var got []string
		for _, s := range spans {
			got = append(got, out[s.Start:s.End])
		}
		if len(got) != len(tt.links) {
			t.Errorf("StripExternal(%q) links %q, want %q", tt.in, got, tt.links)
			continue
		}
		for i := range got {
			if got[i] != tt.links[i] {
				t.Errorf("StripExternal(%q) link %d = %q, want %q", tt.in, i, got[i], tt.links[i])
			}
		}
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"What's happened today?":                     "whats-happened-today",
		"Isn’t there a war in Ukraine already?":      "isnt-there-a-war-in-ukraine",
		"Élysée Palace talks":                        "elysee-palace-talks",
		"Russia ‘not afraid of US’, deputy minister": "russia-not-afraid-of-us-deputy",
		"":                          "",
		"<script>alert(1)</script>": "script-alert-1-script",
	}
	tabletest.Func(t, "Slug", func(s string) string { return Slug(s, 6) }, tests)
}

func TestEndsSentence(t *testing.T) {
	tests := map[string]bool{
		"He said so.": true, "Why?": true, "“We will win,” he said.”": true, "reports:": true,
		"Thomas Kingsley has a full report here": false, "clarifications from Mr": false, "": false,
	}
	tabletest.Func(t, "EndsSentence", EndsSentence, tests)
}

func TestLedger(t *testing.T) {
	d := NewDoc(&entry.Capture{File: "x.txt"}, "a\n\nb\nc\n", nil)
	if d.Len() != 4 {
		t.Fatalf("Len = %d", d.Len())
	}
	d.Claim(1, 2, 0, "title")
	d.Claim(3, 3, 0, "body")
	if got := d.Unplaced(); len(got) != 1 || got[0] != 4 {
		t.Errorf("Unplaced = %v", got)
	}
	d.Claim(3, 4, 0, "body")
	if len(d.Problems) != 1 || d.Problems[0].Line != 3 || d.Problems[0].Severity != Error {
		t.Errorf("double claim problems = %v", d.Problems)
	}
	if d.UseOf(2) != nil {
		t.Error("a blank line was claimed")
	}
}

// TestSlugLength: no title makes a slug longer than MaxSlug bytes, so no
// entry's file name is too long for the file system.
func TestSlugLength(t *testing.T) {
	long := strings.Repeat("x", 240)
	for in, want := range map[string]string{
		long + " talks":             strings.Repeat("x", MaxSlug),
		"Talks " + long:             "talks",
		strings.Repeat("word ", 30): "word-word-word-word-word-word",
		"Czech Republic considers sending Ukraine ammunition": "czech-republic-considers-sending-ukraine-ammunition",
	} {
		if got := Slug(in, 6); got != want {
			t.Errorf("Slug(%.40q…) = %q, want %q", in, got, want)
		}
	}
	if got := Slug(strings.Repeat("abcdefghij ", 20), 0); len(got) > MaxSlug {
		t.Errorf("Slug with no word limit is %d bytes", len(got))
	}
}
