package bbc

import "testing"

func TestIsPersonNameAndRole(t *testing.T) {
	names := map[string]bool{
		"Paul Adams": true, "Barbara Plett Usher": true, "Ursula von der Leyen": true,
		"Olga Ivshina": true, "Zelensky": false, "BBC diplomatic correspondent": false,
		"Map of Nato expansion": false, "Press conferenceImage source, PA Media": false,
	}
	for s, want := range names {
		if got := isPersonName(s); got != want {
			t.Errorf("isPersonName(%q) = %v, want %v", s, got, want)
		}
	}
	roles := map[string]bool{
		"BBC diplomatic correspondent": true, "State Department Correspondent, BBC News": true,
		"BBC Russian Service": true, "Diplomatic correspondent": true,
		"Reporting from Kyiv": true, "BBC News, Berlin": true, // roles that are places
		"He said it was over.": false, "Image caption,": false, "• a bullet": false,
	}
	for s, want := range roles {
		if got := isRole(s); got != want {
			t.Errorf("isRole(%q) = %v, want %v", s, got, want)
		}
	}
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
	for s, want := range tests {
		if got := isAltText(s); got != want {
			t.Errorf("isAltText(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestEmbedStartEnd(t *testing.T) {
	starts := map[string]bool{
		"This Twitter post cannot be displayed in your browser. Please enable Javascript or try a different browser.View original content on Twitter": true,
		"Skip youtube video":              true,
		"Allow Instagram content?":        true,
		"Skip to the next post, he said.": false,
		"This post was updated.":          false,
	}
	for s, want := range starts {
		if got := embedStart(s); got != want {
			t.Errorf("embedStart(%q) = %v, want %v", s, got, want)
		}
	}
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
	for in, want := range map[string]string{
		"Reuters": "Reuters", " Olga Ivshina, BBC": "Olga Ivshina, BBC", ".": "", " ": "", "-": "", "Getty Images ": "Getty Images",
	} {
		if got := agency(in); got != want {
			t.Errorf("agency(%q) = %q, want %q", in, got, want)
		}
	}
}
