package capture

// Recogniser is the one contract of every reader's recognisers: it tries to
// read one kind of block of an entry at line n, the first line of the body
// not yet read, and returns the line after what it took, or false having
// taken nothing. B is the reader's own state of the body it reads (the
// entry, the lines it may read, what it has seen). Each recogniser is one
// function in a file of its reader, with its own table test.
type Recogniser[B any] func(b B, n int) (next int, ok bool)

// Walk is the one walk loop of the readers. It goes over lines first..last
// of the document, blank lines skipped; at each line the first recogniser
// that takes it reads it, so the order of rs is their priority (the most
// specific first, a paragraph last). A line no recogniser takes is left to
// the ledger, which reports it as unplaced. step, when not nil, is called
// after each line read, for state that lasts one step (a BBC entry's
// "just after the header").
func Walk[B any](d *Doc, b B, first, last int, rs []Recogniser[B], step func(B)) {
	for n := first; n <= last; {
		if d.Blank(n) {
			n++
			continue
		}
		next, ok := n+1, false
		for _, r := range rs {
			if next, ok = r(b, n); ok {
				break
			}
		}
		if !ok || next <= n {
			next = n + 1 // nothing took it, or a recogniser took no line
		}
		if step != nil {
			step(b)
		}
		n = next
	}
}
