// Command chronicle builds the annotated crisis chronicle: it checks and
// exports captures, builds the site, serves it while you edit, and packs the
// offline archive.
//
//	chronicle build   [--out public] [--base-url URL] [--keep] [--offline] [--stats] [--content DIR]
//	chronicle serve   [--addr 127.0.0.1:1313]
//	chronicle check   [--strict] [--date YYYY-MM-DD] [paths…]
//	chronicle export  --format json|csv [--date YYYY-MM-DD] [paths…]
//	chronicle zip     [--out dist] [--name chronicle]
//	chronicle synth   --entries N --seed S --out DIR [--root DIR]
package main

import (
	"errors"
	"fmt"
	"os"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(args []string) error
}

// errUsage marks an error already explained to the user.
var errUsage = errors.New("usage")

// exitError carries an exit code without a message of its own.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func commands() []command {
	return []command{
		{"new", "write a new chronicle into a folder: site file, a sample capture, annotations", runNew},
		{"build", "build the site into public/ (or --out)", runBuild},
		{"serve", "build, serve on localhost, rebuild on changes", runServe},
		{"check", "check captures, sidecars and annotations; print file:line problems", runCheck},
		{"export", "write all entries as JSON, CSV or CSL-JSON to standard output", runExport},
		{"zip", "build the offline archive dist/<name>-offline.zip", runZip},
		{"verify", "check a built site or offline zip against its manifest of SHA-256s", runVerify},
		{"synth", "write a synthetic corpus of N entries for benchmarks", runSynth},
	}
}

func main() {
	stops.listen()
	os.Exit(stops.exitCode(run(os.Args[1:])))
}

func run(args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage()
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmds := commands()
	// Not in the help: the bare-Hugo baseline that scripts/scale.sh measures against.
	cmds = append(cmds, command{"bench-hugo", "", runBenchHugo})
	for _, c := range cmds {
		if c.name != args[0] {
			continue
		}
		err := c.run(args[1:])
		var ee exitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &ee):
			return ee.code
		case errors.Is(err, errUsage):
			return 2
		case stops.stopping():
			return 1 // stopped by a signal: main exits with its code
		default:
			fmt.Fprintf(os.Stderr, "chronicle %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(os.Stderr, "chronicle: unknown command %q\n\n", args[0])
	usage()
	return 2
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: chronicle <command> [flags]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(os.Stderr, "  %-7s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(os.Stderr, "\nRun 'chronicle <command> -h' for a command's flags.")
}
