package entry

import "testing"

func TestCheckID(t *testing.T) {
	good := []string{"bbc", "vladimir-putin", "000_7afe650ce409cb36", "nord-stream-2", "a"}
	bad := []string{"", "..", "../../../../tmp/x", "a/b", "Putin", "a b", "a--b", "-a", "a-", "x#y", "50%", "é", string(make([]byte, 81))}
	for _, id := range good {
		if err := CheckID(id); err != nil {
			t.Errorf("CheckID(%q) = %v, want nil", id, err)
		}
	}
	for _, id := range bad {
		if err := CheckID(id); err == nil {
			t.Errorf("CheckID(%q) = nil, want an error", id)
		}
	}
}

func TestCaptureID(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"000_7afe650ce409cb36.txt", "000_7afe650ce409cb36"},
		{"BBC live 21 Feb #2.txt", "bbc-live-21-feb-2"},
		{"100% sure.txt", "100-sure"},
		{"a__b--c.txt", "a_b-c"},
		{"#.txt", "capture"},
		{"Kyiv – Kiev.txt", "kyiv-kiev"},
	} {
		got := CaptureID(c.in)
		if got != c.want {
			t.Errorf("CaptureID(%q) = %q, want %q", c.in, got, c.want)
		}
		if err := CheckID(got); err != nil {
			t.Errorf("CaptureID(%q) = %q does not fit the grammar: %v", c.in, got, err)
		}
	}
}

func FuzzCaptureID(f *testing.F) {
	f.Add("BBC live 21 Feb #2.txt")
	f.Fuzz(func(t *testing.T, name string) {
		if id := CaptureID(name); CheckID(id) != nil {
			t.Fatalf("CaptureID(%q) = %q, which CheckID refuses", name, id)
		}
	})
}
