package bbc

import (
	"testing"

	"chronicle/internal/tabletest"
)

func TestIsPersonNameAndRole(t *testing.T) {
	names := map[string]bool{
		"Paul Adams": true, "Barbara Plett Usher": true, "Ursula von der Leyen": true,
		"Olga Ivshina": true, "Zelensky": false, "BBC diplomatic correspondent": false,
		"Map of Nato expansion": false, "Press conferenceImage source, PA Media": false,
	}
	tabletest.Func(t, "isPersonName", isPersonName, names)
	roles := map[string]bool{
		"BBC diplomatic correspondent": true, "State Department Correspondent, BBC News": true,
		"BBC Russian Service": true, "Diplomatic correspondent": true,
		"Reporting from Kyiv": true, "BBC News, Berlin": true, // roles that are places
		"Former women's marathon world record holder on BBC TV": true, // a long one, as sport pages print them
		"He said it was over.": false, "Image caption,": false, "• a bullet": false,
	}
	tabletest.Func(t, "isRole", isRole, roles)
}

func TestIsAltText(t *testing.T) {
	tests := map[string]bool{
		"Map of Nato expansion": true,
		"Vladimir Putin":        true,
		"BBC graphic showing position of Russian troops":                     true,
		"Deployment near Belgorod, Russia":                                   true,
		"You can read more about what we know about the proposed talks here": false,
		"Here's a profile of the Ukrainian president.":                       false,
		"He said: \"We will win.\"":                                          false,
		"Media caption,":                                                     false,
		"• Putin says no":                                                    false,
	}
	tabletest.Func(t, "isAltText", isAltText, tests)
}

func TestEmbedStartEnd(t *testing.T) {
	starts := map[string]bool{
		"This Twitter post cannot be displayed in your browser. Please enable Javascript or try a different browser.View original content on Twitter": true,
		"Skip youtube video":              true,
		"Allow Instagram content?":        true,
		"Skip to the next post, he said.": false,
		"This post was updated.":          false,
	}
	tabletest.Func(t, "embedStart", embedStart, starts)
	ends := map[string]string{"End of twitter post": "Twitter", "End of youtube video": "YouTube", "End of Instagram content": "Instagram", "End of the talks": ""}
	for s, want := range ends {
		got, ok := embedEnd(s)
		if got != want || ok != (want != "") {
			t.Errorf("embedEnd(%q) = %q %v, want %q", s, got, ok, want)
		}
	}
}

// TestAgency: an agency can hold a comma, or be empty.
func TestAgency(t *testing.T) {
	tabletest.Func(t, "agency", agency, map[string]string{
		"Reuters": "Reuters", " Olga Ivshina, BBC": "Olga Ivshina, BBC", ".": "", " ": "", "-": "", "Getty Images ": "Getty Images",
	})
}

// TestIsSourceName: a source in the byline's place, not a journalist's
// name or a photo's alt text.
func TestIsSourceName(t *testing.T) {
	names := map[string]bool{
		"Today Programme": true, "House of Commons": true, "BBC Monitoring": true, "BBC News Channel": true,
		"BBC World Service": true, "Foreign Affairs Committee": true, "Newsnight Show": true,
		"Paul Adams": false, "Ursula von der Leyen": false, "Map of the coast": false,
		"The programme said it would continue.": false, "Radio silence in the capital": false, "": false,
	}
	tabletest.Func(t, "isSourceName", isSourceName, names)
	bodies := map[string]bool{
		"BBC Radio 4": true, "Parliament": true, "BBC One": true,
		"A former general told the programme.": false, "Image caption,": false, "reporting from the scene": false,
	}
	tabletest.Func(t, "isSourceBody", isSourceBody, bodies)
}

// TestSplitGlued: a photo or alt-text line run into the next header's
// number is split off; a title holding a number is not.
func TestSplitGlued(t *testing.T) {
	tests := []struct {
		in, glued, title string
		n                int
	}{
		{"A tankImage source, Reuters  2. Next title", "A tankImage source, Reuters", "Next title", 2},
		{"Map of the coast   14. Drones over the coast", "Map of the coast", "Drones over the coast", 14},
		{"3. Talks end", "", "Talks end", 3},
		{"Prices rose 2. Then fell", "", "Prices rose 2. Then fell", 0},
		{"Talks end", "", "Talks end", 0},
	}
	for _, tc := range tests {
		glued, n, title := splitGlued(tc.in)
		if glued != tc.glued || n != tc.n || title != tc.title {
			t.Errorf("splitGlued(%q) = %q %d %q, want %q %d %q", tc.in, glued, n, title, tc.glued, tc.n, tc.title)
		}
	}
}

// TestSourceRoleAndFiniteVerb: the role line that makes a name a source,
// and the verbs that make a short line a sentence rather than alt text.
func TestSourceRoleAndFiniteVerb(t *testing.T) {
	tabletest.Func(t, "isSourceRole", isSourceRole, map[string]bool{
		"Radio 4 programme": true, "BBC Radio 5 live programme": true, "News channel": true,
		"Today programme presenter": false, "BBC diplomatic correspondent": false, "BBC Russian Service": false, "He said it was over.": false,
	})
	tabletest.Func(t, "isTitleLine", isTitleLine, map[string]bool{
		"The World This Weekend": true, "BBC Radio 5 live": true, "House of Commons": true,
		"the programme said": false, "It was over.": false,
	})
	tabletest.Func(t, "hasFiniteVerb", hasFiniteVerb, map[string]bool{
		"The 24-year-old died in the fire": true, "Talks are over": true, "He said no": true,
		"Equipment deployed near Valuyki": false, "Map of Nato expansion": false, "BBC graphic showing troops": false,
	})
	cut := func(s string) string { name, _ := cutBBCs(s); return name }
	tabletest.Func(t, "cutBBCs", cut, map[string]string{"The BBC's Maya Osei, at the scene": "Maya Osei, at the scene", "BBC’s Tom Akers": "Tom Akers", "BBC News": ""})
}
