package halt

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/spf13/afero"
)

// TestStopKeepsRemovedFoldersRemoved: writers that keep making folders
// under a temporary folder (as the render does) cannot make it again once
// Stop has returned, so removing it after Stop leaves nothing. With a bare
// os.MkdirAll the writers bring it back (the fault behind a flaky
// TestSignalCleansUp).
func TestStopKeepsRemovedFoldersRemoved(t *testing.T) {
	tmp := filepath.Join(t.TempDir(), "stage")
	fs := Fs{Fs: afero.NewOsFs()}
	var wg sync.WaitGroup
	started := make(chan struct{}, 4)
	removed := make(chan struct{})
	for w := range 4 {
		wg.Go(func() {
			for i := 0; ; i++ {
				var err error
				if w%2 == 0 {
					err = MkdirAll(filepath.Join(tmp, "site", "a", string(rune('a'+i%26))), 0o755)
				} else {
					err = fs.MkdirAll(filepath.Join(tmp, "site", "b", string(rune('a'+i%26))), 0o755)
				}
				if i == 0 {
					started <- struct{}{}
				}
				if errors.Is(err, ErrStopped) {
					return
				}
				select {
				case <-removed: // a writer that went on: a few more tries, then stop
					for range 100 {
						MkdirAll(filepath.Join(tmp, "site", "c"), 0o755)
					}
					return
				default:
				}
			}
		})
	}
	for range 4 {
		<-started
	}
	Stop()
	if err := os.RemoveAll(tmp); err != nil {
		t.Fatal(err)
	}
	close(removed)
	wg.Wait()
	if _, err := os.Lstat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a writer made the removed folder again: %v", err)
	}
	if err := MkdirAll(tmp, 0o755); !errors.Is(err, ErrStopped) {
		t.Errorf("MkdirAll after Stop: %v, want ErrStopped", err)
	}
	if err := fs.Mkdir(tmp, 0o755); !errors.Is(err, ErrStopped) {
		t.Errorf("Fs.Mkdir after Stop: %v, want ErrStopped", err)
	}
}
