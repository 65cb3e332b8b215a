package formatfile

import (
	"embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"chronicle/generator/diag"
)

// shipped holds the format files that come with Chronicle.
//
//go:embed formats/*.toml
var shipped embed.FS

var (
	defaultsOnce sync.Once
	defaults     []*Format
)

// Defaults returns the format files shipped with Chronicle, by name. They
// are checked by the tests; one that does not read is a bug, and panics.
func Defaults() []*Format {
	defaultsOnce.Do(func() {
		names, _ := fs.Glob(shipped, "formats/*.toml")
		sort.Strings(names)
		for _, n := range names {
			data, _ := shipped.ReadFile(n)
			f, problems := Parse("built in: "+n, data)
			if len(problems) > 0 {
				panic(diag.Join(problems))
			}
			defaults = append(defaults, f)
		}
	})
	out := make([]*Format, len(defaults))
	copy(out, defaults)
	return out
}

// Load reads the format files (*.toml) in dir, a chronicle's
// content/formats; a folder that is not there holds none.
func Load(dir string) ([]*Format, []diag.Problem) {
	if dir == "" {
		return nil, nil
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, []diag.Problem{{File: dir, Line: 1, Severity: diag.Error, Code: diag.BadFormatFile, Message: err.Error()}}
	}
	sort.Strings(names)
	var out []*Format
	var problems []diag.Problem
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				problems = append(problems, diag.Problem{File: n, Line: 1, Severity: diag.Error, Code: diag.BadFormatFile, Message: err.Error()})
			}
			continue
		}
		f, ps := Parse(n, data)
		problems = append(problems, ps...)
		if f != nil {
			out = append(out, f)
		}
	}
	return out, problems
}
