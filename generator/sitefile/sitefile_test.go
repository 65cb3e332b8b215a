package sitefile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckBaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://chronicle.test/":     "https://chronicle.test/",
		"https://chronicle.test":      "https://chronicle.test/",
		"http://127.0.0.1:1313/":      "http://127.0.0.1:1313/",
		"https://host.test/sub/path":  "https://host.test/sub/path/",
		"javascript:alert(1)":         "",
		"javascript://host.test/%0a1": "",
		"ftp://host.test/":            "",
		"/relative/":                  "",
		"https://host.test/?q=1":      "",
		"https://user@host.test/":     "",
		"":                            "",
	} {
		got, err := CheckBaseURL(in)
		if want == "" {
			if err == nil {
				t.Errorf("CheckBaseURL(%q) = %q, want an error", in, got)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("CheckBaseURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// TestAddress: --base-url, then the site file, then Netlify's environment
// (DEPLOY_PRIME_URL on previews), else none.
func TestAddress(t *testing.T) {
	for _, c := range []struct {
		name, flag, file string
		env              map[string]string
		want, from       string
	}{
		{"none", "", "", nil, "", ""},
		{"flag first", "https://flag.test", "https://file.test/", map[string]string{"URL": "https://env.test/"}, "https://flag.test/", "--base-url"},
		{"site file next", "", "https://file.test/", map[string]string{"URL": "https://env.test/"}, "https://file.test/", Name},
		{"Netlify production", "", "", map[string]string{"URL": "https://env.test", "CONTEXT": "production", "DEPLOY_PRIME_URL": "https://main--x.test"}, "https://env.test/", "URL"},
		{"Netlify preview", "", "", map[string]string{"URL": "https://env.test", "CONTEXT": "deploy-preview", "DEPLOY_PRIME_URL": "https://deploy-preview-3--x.test"}, "https://deploy-preview-3--x.test/", "DEPLOY_PRIME_URL (deploy-preview)"},
		{"URL alone", "", "", map[string]string{"URL": "https://chronicle.test/"}, "https://chronicle.test/", "URL"},
	} {
		s := Default()
		s.BaseURL = c.file
		got, from, err := s.Address(c.flag, func(k string) string { return c.env[k] })
		if err != nil || got != c.want || from != c.from {
			t.Errorf("%s: Address = %q from %q, %v; want %q from %q", c.name, got, from, err, c.want, c.from)
		}
	}
	s := Default()
	if _, _, err := s.Address("", func(k string) string { return map[string]string{"URL": "not an address"}[k] }); err == nil || !strings.Contains(err.Error(), "URL") {
		t.Errorf("a bad URL in the environment: %v, want an error naming URL", err)
	}
}

func TestParse(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "about.md"), []byte("About {entries}."), 0o644)
	good := `title = "Flood 2031"
language = "nl"
about = "about.md"
paper = "Letter"

[[zones]]
tz = "America/New_York"
label = "New York"

[[publishers]]
id = "gazette"
name = "The Gazette"
rights = "Text © The Gazette"
`
	s, err := Parse("chronicle.toml", []byte(good), root)
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "Flood 2031" || s.Headline != "Flood 2031" || s.Language != "nl" || s.Paper != "Letter" || s.AboutText != "About {entries}." {
		t.Errorf("decoded %+v", s)
	}
	if len(s.Zones) != 1 || s.Zones[0].Loc == nil || s.Zones[0].Loc.String() != "America/New_York" || s.Publisher("gazette") == nil {
		t.Errorf("zones %+v, publishers %+v", s.Zones, s.Publishers)
	}
	d := Default()
	if d.Title != DefaultTitle || d.Paper != "A4" || d.Language != "en" || len(d.Zones) != 0 {
		t.Errorf("defaults %+v", d)
	}

	for _, c := range []struct{ text, want string }{
		{"title = \"x\"\npaper = \"A5\"\n", "chronicle.toml:2: paper \"A5\""},
		{"titel = \"x\"\n", "chronicle.toml:1: unknown key \"titel\""},
		{"base_url = \"ftp://x\"\n", "chronicle.toml:1: base_url"},
		{"[[zones]]\ntz = \"Europe/Kyiv\"\nlabel = \"Kyiv\"\n\n[[zones]]\ntz = \"Mars/Olympus\"\nlabel = \"M\"\n", "chronicle.toml:6: unknown time zone \"Mars/Olympus\""},
		{"[[zones]]\ntz = \"Europe/Kyiv\"\n", "chronicle.toml:2: zone \"Europe/Kyiv\" needs a label"},
		{"[[publishers]]\nid = \"a\"\n[[publishers]]\nid = \"../b\"\n", "chronicle.toml:4: publisher id"},
		{"about = \"missing.md\"\n", "chronicle.toml:1: about"},
		{"about = \"../../etc/passwd\"\n", "chronicle.toml:1: about \"../../etc/passwd\": give a file inside the chronicle's folder"},
		{"title = \"x\"\nabout = \"/etc/passwd\"\n", "chronicle.toml:2: about \"/etc/passwd\""},
	} {
		_, err := Parse("chronicle.toml", []byte(c.text), root)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.text, err, c.want)
		}
	}
}

// TestRepositorySiteFile: the repository's own chronicle reads.
func TestRepositorySiteFile(t *testing.T) {
	s, err := Load(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if s.File == "" || len(s.Zones) != 1 || s.Zones[0].Label != "Kyiv" || s.AboutText == "" || s.BaseURL != "" {
		t.Errorf("the repository's site file: %+v", s)
	}
}

// FuzzParse: no site file makes Parse panic, and an error always names the
// file and a line.
func FuzzParse(f *testing.F) {
	f.Add([]byte("title = \"x\"\n[[zones]]\ntz = \"Europe/Kyiv\"\nlabel = \"Kyiv\"\n"))
	f.Add([]byte("paper = \"A5\"\n[[publishers]]\nid = \"..\"\n"))
	f.Add([]byte("base_url = \"https://x.test\"\nabout = \"nope.md\"\n"))
	root := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("chronicle.toml", data, root)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "chronicle.toml:") {
				t.Fatalf("error without file and line: %v", err)
			}
			return
		}
		if s.Title == "" || (s.Paper != "A4" && s.Paper != "Letter") {
			t.Fatalf("parsed without defaults: %+v", s)
		}
	})
}
