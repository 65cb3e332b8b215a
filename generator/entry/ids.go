package entry

import (
	"fmt"
	"strings"
)

// MaxIDLength is the longest ID, in bytes. IDs name files and addresses
// (entries/<id>.html), so they must stay well under the 255 bytes a file
// name may have on every file system, with room for a suffix.
const MaxIDLength = 80

// CheckID checks an ID that an editor or a sidecar gives (a person, a
// publisher, a thread, a term, a series, a note's file name) against the
// one grammar of IDs: lower-case ASCII letters and digits in words joined
// by single hyphens or underscores, at most MaxIDLength bytes. So an ID is
// always one path segment: no "/", "..", "%", "#" or space can make a page
// land elsewhere or a link break. The error says what to write instead.
func CheckID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("empty ID")
	case len(id) > MaxIDLength:
		return fmt.Errorf("ID %q is %d bytes long; at most %d", id, len(id), MaxIDLength)
	}
	prevSep := true
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			prevSep = false
		case (c == '-' || c == '_') && !prevSep && i < len(id)-1:
			prevSep = true
		default:
			return fmt.Errorf("ID %q is not a slug (lower-case letters and digits joined by - or _, such as %q)", id, CaptureID(id))
		}
	}
	return nil
}

// CaptureID is the ID of a capture: its file name without ".txt", made to
// fit the ID grammar (CheckID), so that any name, with spaces, "#" or "%"
// in it, gives a working address. A name that fits already is kept as it
// is: 000_7afe650ce409cb36.txt is 000_7afe650ce409cb36.
func CaptureID(name string) string {
	name = strings.TrimSuffix(name, ".txt")
	var b strings.Builder
	sep := "" // the separator run since the last letter or digit
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if sep != "" && b.Len() > 0 {
				// A run of underscores alone stays one underscore, as in
				// 000_7afe650ce409cb36; any other run is one hyphen.
				if strings.Trim(sep, "_") == "" {
					b.WriteByte('_')
				} else {
					b.WriteByte('-')
				}
			}
			sep = ""
			b.WriteRune(r)
			continue
		}
		sep += string(r)
	}
	id := b.String()
	if len(id) > MaxIDLength {
		id = strings.TrimRight(id[:MaxIDLength], "-_")
	}
	if id == "" {
		id = "capture"
	}
	return id
}
