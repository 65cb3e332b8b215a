// Package chronicle holds what the command carries inside its binary, so
// that it works in any chronicle's folder: the theme (the templates and
// static files every chronicle is built with; generator/theme lays them out
// for a build, with the chronicle's own files over them) and the starter
// chronicle that `chronicle new` writes.
package chronicle

import "embed"

// Theme holds templates/ and static/ as they were when the binary was built.
//
//go:embed all:templates all:static
var Theme embed.FS

// Starter holds starter/, the small chronicle that `chronicle new` writes,
// with {{key}} placeholders for what its flags say.
//
//go:embed all:starter
var Starter embed.FS
