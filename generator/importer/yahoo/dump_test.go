package yahoo

import (
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"chronicle/generator/entry"
)

var (
	dump     = flag.String("dump", "", "print what the reader makes of this capture")
	dumpDate = flag.String("date", "", "page date for -dump")
)

// TestDump prints a capture as read, for a person to look over:
// go test -run Dump -dump=path/to/capture.txt [-date=YYYY-MM-DD].
func TestDump(t *testing.T) {
	if *dump == "" {
		t.Skip("no -dump file")
	}
	d := readCapture(t, *dump, *dumpDate)
	fmt.Printf("headline: %s\nlede: %d paragraphs\nkey points: %q\n", d.Capture.Page.Headline, len(d.Capture.Page.Lede), d.Capture.Page.KeyPoints)
	for i, e := range d.Entries {
		fmt.Printf("\n#%d %v [%s] %s %q by %v lines %v\n", i, e.Time.Format(time.RFC3339), e.LocalTime, e.Kind, e.Title, e.Authors, e.Lines)
		for _, b := range e.Body {
			fmt.Printf("   %-9s %v %s\n", b.Type, b.Lines, describe(b))
		}
	}
	for _, p := range d.Problems {
		fmt.Println(p)
	}
	fmt.Println("unplaced:", d.Unplaced())
}

func describe(b entry.Block) string {
	switch b.Type {
	case entry.BlockFigure:
		return fmt.Sprintf("caption=%q credit=%q", b.Caption, b.Credit)
	case entry.BlockList:
		var s []string
		for _, it := range b.Items {
			s = append(s, it.Text)
		}
		return strings.Join(s, " | ")
	}
	s := b.Text
	if len(s) > 90 {
		s = s[:60] + " … " + s[len(s)-25:]
	}
	return s
}
