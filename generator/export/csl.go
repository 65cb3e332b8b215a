package export

import (
	"io"
	"strings"
	"time"

	"chronicle/generator/cite"
	"chronicle/generator/entry"
)

// CSLJSON writes every entry as a CSL-JSON item (cite.Item), cited in the
// chronicle called ds.Chronicle on the day ds.Accessed: what Zotero and
// pandoc import.
func CSLJSON(w io.Writer, ds Dataset, indent string) error {
	return writeJSON(w, CSLItems(ds), indent)
}

// CSLItems are the dataset's entries as CSL-JSON items.
func CSLItems(ds Dataset) []cite.Item {
	ws := Works(ds)
	items := make([]cite.Item, len(ws))
	for i, w := range ws {
		items[i] = w.CSL()
	}
	return items
}

// Works are the dataset's entries as works to cite.
func Works(ds Dataset) []cite.Work {
	caps := map[string]*entry.Capture{}
	for i := range ds.Captures {
		caps[ds.Captures[i].File] = &ds.Captures[i]
	}
	ws := make([]cite.Work, len(ds.Entries))
	for i := range ds.Entries {
		e := &ds.Entries[i]
		c := caps[e.Capture]
		var address string
		if ds.Address != nil {
			address = ds.Address(e.ID)
		}
		if !strings.HasPrefix(address, "https://") && !strings.HasPrefix(address, "http://") {
			address = "" // a citation gives a permanent address or none, not a path
		}
		ws[i] = cite.Of(e, c, entry.ZoneOf(e, c), address, ds.Chronicle, ds.accessed())
	}
	return ws
}

// accessed is the day citations are made for: ds.Accessed, else today.
func (ds Dataset) accessed() time.Time {
	if ds.Accessed.IsZero() {
		return time.Now().UTC()
	}
	return ds.Accessed
}
