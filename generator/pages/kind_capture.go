package pages

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"chronicle/generator/entry"
)

// kindCapture: a capture's lines, numbered, for citing
// (captures/<capture ID>.md, the ID from entry.CaptureID).
var kindCapture = inSection{"capture", "captures", classOther, classShared}

// captureFront is a capture page's front matter.
type captureFront struct {
	captureMeta
	PageSummary []string `json:"page_summary"`
	// Segments cut the lines into the runs that entries came from and the
	// runs between them, in order, so that an entry's lines have one
	// address (#L46-L63) that highlights them all and links back to it.
	Segments []segment `json:"segments"`
	// Text is the lines as one string: Hugo holds every page's front
	// matter while it renders, and a string costs a fraction of a list.
	Text string `json:"text"`
}

// captureMeta is what other pages read of a capture.
type captureMeta struct {
	Title       string `json:"title"`
	Capture     string `json:"capture"`
	Download    string `json:"download"`
	Publisher   string `json:"publisher"`
	PublisherID string `json:"publisher_id"`
	PageTitle   string `json:"page_title"`
	PageDate    string `json:"page_date"`
	PageURL     string `json:"page_url"`
	Via         string `json:"via"`
	Format      string `json:"format"`
	LineCount   int    `json:"line_count"`
	// Fixity: the capture file's SHA-256 (hexadecimal) and size in bytes,
	// when it was copied and where an archived copy is.
	SHA256     string `json:"sha256"`
	Size       int    `json:"size"`
	CapturedAt string `json:"captured_at"`
	ArchiveURL string `json:"archive_url"`
}

func (f captureFront) stub() any { return stubOf(f.captureMeta) }

func (w *writer) capturePages() []page {
	var ps []page
	for _, c := range w.c.Captures {
		lines := captureLines(c.Source)
		f := captureFront{
			captureMeta: captureMeta{Title: c.File, Capture: c.File, Download: Download(&c), Publisher: c.Publisher,
				PublisherID: c.PublisherID, PageTitle: c.PageTitle, PageDate: c.PageDate, PageURL: c.PageURL, Via: c.Via,
				Format: c.Format, LineCount: len(lines), SHA256: sha256Hex(c.Source), Size: len(c.Source), CapturedAt: c.CapturedAt, ArchiveURL: c.ArchiveURL},
			PageSummary: nonNil(c.Page.Summary), Text: strings.Join(lines, "\n"), Segments: w.segments(c.File, len(lines)),
		}
		ps = append(ps, page{kind: kindCapture, id: c.PageID(), front: f})
	}
	return ps
}

// segment is a run of a capture's lines: the lines of one entry (Item is
// the entry as a list item) or lines between entries (no Item).
type segment struct {
	First int    `json:"first"`
	Last  int    `json:"last"`
	Item  string `json:"item,omitempty"`
}

// segments cuts lines 1..n of a capture into its entries' runs and the
// runs between them.
func (w *writer) segments(file string, n int) []segment {
	var runs []segment
	for _, e := range w.c.Entries {
		if e.Capture == file && e.Lines[0] >= 1 && e.Lines[1] >= e.Lines[0] && e.Lines[1] <= n {
			runs = append(runs, segment{First: e.Lines[0], Last: e.Lines[1], Item: w.item(e.ID)})
		}
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i].First < runs[j].First })
	var out []segment
	next := 1
	for _, r := range runs {
		if r.First < next {
			continue // overlapping runs cannot be; keep the first
		}
		if r.First > next {
			out = append(out, segment{First: next, Last: r.First - 1})
		}
		out = append(out, r)
		next = r.Last + 1
	}
	if next <= n {
		out = append(out, segment{First: next, Last: n})
	}
	return out
}

// Download is where the site offers a capture for download, relative to
// its root: beside the capture's page, named by its ID
// ("captures/000_7afe650ce409cb36.txt").
func Download(c *entry.Capture) string {
	return strings.TrimSuffix(kindCapture.Route(c.PageID()), ".md") + ".txt"
}

// sha256Hex is the SHA-256 of s, hexadecimal.
func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// captureLines are a capture's lines, as its page numbers them.
func captureLines(source string) []string {
	if source == "" {
		return nil
	}
	s := strings.TrimSuffix(strings.ReplaceAll(source, "\r\n", "\n"), "\n")
	return strings.Split(s, "\n")
}
