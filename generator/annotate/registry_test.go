package annotate

import (
	"strings"
	"testing"

	"chronicle/internal/testenv"
)

// TestRegistryIDsAndAliases: a person's or a term's ID is used once, and no
// spelling belongs to two people or two terms; each mistake is reported at
// its line.
func TestRegistryIDsAndAliases(t *testing.T) {
	dir := t.TempDir()
	testenv.WriteFiles(t, dir, map[string]string{
		PeopleFile: "[[person]]\nid = \"anna-field\"\nname = \"Anna Field\"\nkind = \"news\"\n\n" +
			"[[person]]\nid = \"anna-field\"\nname = \"Anna Fields\"\nkind = \"news\"\n\n" +
			"[[person]]\nid = \"a-field\"\nname = \"Anna Field\"\nkind = \"news\"\n",
		GlossaryFile: "[[term]]\nid = \"nato\"\nterm = \"Nato\"\ndefinition = \"An alliance.\"\n\n" +
			"[[term]]\nid = \"nato\"\nterm = \"NATO\"\ndefinition = \"The alliance.\"\n",
	})
	_, err := LoadRegistry(dir)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`people.toml:6: duplicate person id "anna-field" (first at line 1)`,
		`people.toml:11: alias "Anna Field" of "a-field" is already "anna-field"'s`,
		`glossary.toml:6: duplicate term id "nato" (first at line 1)`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("no %q in\n%v", want, err)
		}
	}
}
