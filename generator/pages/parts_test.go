package pages

import (
	"fmt"
	"testing"
)

func TestCut(t *testing.T) {
	day := func(date string, n int) dayEntries {
		d := dayEntries{Date: date}
		for i := range n {
			d.Entries = append(d.Entries, fmt.Sprintf("%s-%d", date, i))
		}
		return d
	}
	days := []dayEntries{day("a", 400), day("b", 500), day("c", 300), day("d", 2500), day("e", 10)}
	parts := cut(days)
	total := 0
	var sizes []int
	for _, p := range parts {
		n := 0
		for _, d := range p {
			n += len(d.Entries)
		}
		if n > partSize || n == 0 {
			t.Errorf("a part of %d entries", n)
		}
		sizes = append(sizes, n)
		total += n
	}
	if total != 3710 {
		t.Errorf("%d entries in the parts, want 3710", total)
	}
	// a+b fit one part; c starts the next; d is cut into 1000, 1000, 500;
	// the rest of d and e share a part.
	want := fmt.Sprint([]int{900, 300, 1000, 1000, 510})
	if got := fmt.Sprint(sizes); got != want {
		t.Errorf("parts of %v entries, want %v", got, want)
	}
}
