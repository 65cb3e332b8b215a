package export

import (
	"io"
)

// DataPackageFile is the name of the descriptor beside the downloads.
const DataPackageFile = "datapackage.json"

// dataPackage is a Frictionless Data Package descriptor
// (https://specs.frictionlessdata.io/data-package/): the downloads, and a
// Table Schema for the CSV.
type dataPackage struct {
	Profile     string     `json:"profile"`
	Name        string     `json:"name"`
	Title       string     `json:"title,omitempty"`
	Description string     `json:"description"`
	Created     string     `json:"created"`
	Resources   []resource `json:"resources"`
}

type resource struct {
	Name        string       `json:"name"`
	Path        string       `json:"path"`
	Profile     string       `json:"profile"`
	Title       string       `json:"title"`
	Description string       `json:"description"`
	Format      string       `json:"format"`
	MediaType   string       `json:"mediatype"`
	Encoding    string       `json:"encoding"`
	Schema      *tableSchema `json:"schema,omitempty"`
}

type tableSchema struct {
	Fields     []field `json:"fields"`
	PrimaryKey string  `json:"primaryKey"`
}

type field struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Description string `json:"description"`
}

// DataPackage writes the descriptor of the dataset's downloads.
func DataPackage(w io.Writer, ds Dataset) error {
	fields := make([]field, len(Columns))
	for i, c := range Columns {
		fields[i] = field{Name: c.Name, Type: c.Type, Description: c.Description}
	}
	title := ds.Chronicle
	pkg := dataPackage{
		Profile: "data-package", Name: packageName(title), Title: title,
		Description: "The entries of the chronicle, one per post of the captured live pages, as read from the captures: a table (CSV), the same with every body block (JSON), and citations of each (CSL-JSON).",
		Created:     ds.accessed().Format("2006-01-02T15:04:05Z"),
		Resources: []resource{
			{Name: "entries", Path: "entries.csv", Profile: "tabular-data-resource", Title: "Entries (table)",
				Description: "One row per entry, oldest first.", Format: "csv", MediaType: "text/csv", Encoding: "utf-8",
				Schema: &tableSchema{Fields: fields, PrimaryKey: "id"}},
			{Name: "entries-json", Path: "entries.json", Profile: "data-resource", Title: "Entries (JSON)",
				Description: "The same entries as a JSON array, each with its body blocks (paragraphs, lists, quotes, figures, embeds) and byline as objects.", Format: "json", MediaType: "application/json", Encoding: "utf-8"},
			{Name: "entries-csl", Path: "entries.csl.json", Profile: "data-resource", Title: "Citations (CSL-JSON)",
				Description: "Every entry as a CSL-JSON item, for reference managers (Zotero, pandoc).", Format: "json", MediaType: "application/vnd.citationstyles.csl+json", Encoding: "utf-8"},
		},
	}
	return writeJSON(w, pkg, "  ")
}

// packageName is a package name as the specification allows: lower-case
// letters, digits and - . _ only.
func packageName(title string) string {
	var b []byte
	dash := false
	for _, r := range title {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b, dash = append(b, byte(r)), false
		case r >= 'A' && r <= 'Z':
			b, dash = append(b, byte(r-'A'+'a')), false
		case !dash && len(b) > 0:
			b, dash = append(b, '-'), true
		}
	}
	if len(b) > 0 && b[len(b)-1] == '-' {
		b = b[:len(b)-1]
	}
	if len(b) == 0 {
		return "chronicle"
	}
	return string(b)
}
