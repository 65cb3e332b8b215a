package render

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"
)

func TestRouteFs(t *testing.T) {
	disk := t.TempDir()
	content := filepath.Join(disk, "content")
	mem := afero.NewMemMapFs()
	r := newRouteFs(content+"/", mem, afero.NewOsFs())

	if err := afero.WriteFile(r, filepath.Join(content, "a", "b.md"), []byte("in memory"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := afero.WriteFile(r, filepath.Join(disk, "contented.md"), []byte("on disk"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path   string
		inMem  bool
		onDisk bool
	}{
		{filepath.Join(content, "a", "b.md"), true, false},
		{filepath.Join(disk, "contented.md"), false, true}, // a name that starts like the folder is not in it
	} {
		_, errMem := mem.Stat(tt.path)
		_, errDisk := os.Stat(tt.path)
		if (errMem == nil) != tt.inMem || (errDisk == nil) != tt.onDisk {
			t.Errorf("%s: in memory %v (want %v), on disk %v (want %v)", tt.path, errMem == nil, tt.inMem, errDisk == nil, tt.onDisk)
		}
		if data, err := afero.ReadFile(r, tt.path); err != nil || len(data) == 0 {
			t.Errorf("%s: read through the route: %q, %v", tt.path, data, err)
		}
	}
	// The folder itself lists from memory, with a file Hugo can ReadDir.
	f, err := r.Open(content)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, ok := f.(interface {
		ReadDir(int) ([]os.DirEntry, error)
	}); !ok {
		t.Errorf("%T has no ReadDir", f)
	}
	if names, _ := f.Readdirnames(-1); len(names) != 1 || names[0] != "a" {
		t.Errorf("content lists %v", names)
	}
	if err := r.Rename(filepath.Join(content, "a", "b.md"), filepath.Join(disk, "b.md")); err == nil {
		t.Error("a rename from memory to disk succeeded")
	}
}
