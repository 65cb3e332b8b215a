package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"chronicle/generator/build"
)

// stopper ends the program on SIGINT or SIGTERM the way the signal would by
// default (exit 130 or 143), but only after the temporary folders of a build
// under way are removed, so that Ctrl-C leaves nothing behind.
//
// Two paths reach os.Exit once a signal has come: the handler's, when its
// cleanup is done, and main's, when the stopped build returns its error
// (halt.ErrStopped, or a folder that vanished under it). Both ask exitCode,
// which waits for the cleanup and gives the signal's code, so a stopped
// build never ends with the code and message of an ordinary failure.
type stopper struct {
	mu      sync.Mutex
	sig     os.Signal     // the signal that came, nil before one does
	cleaned chan struct{} // closed when the cleanup is done
	cleanup func() (published bool)
	errw    io.Writer
}

// newStopper makes a stopper whose cleanup removes the temporary folders
// and reports whether a new site had been published before it ran.
func newStopper(cleanup func() (published bool), errw io.Writer) *stopper {
	return &stopper{cleaned: make(chan struct{}), cleanup: cleanup, errw: errw}
}

// listen starts the handler: on the first SIGINT or SIGTERM it cleans up
// and exits.
func (s *stopper) listen() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		s.stop(<-ch)
		os.Exit(s.exitCode(0))
	}()
}

// stop records sig, runs the cleanup and says what it left: the previous
// site, or the new one when the signal came after it was published.
func (s *stopper) stop(sig os.Signal) {
	s.mu.Lock()
	s.sig = sig
	s.mu.Unlock()
	if s.cleanup() {
		fmt.Fprintf(s.errw, "chronicle: %v: stopped; %s\n", sig, tooLate)
	} else {
		fmt.Fprintf(s.errw, "chronicle: %v: stopped; the previous site is unchanged\n", sig)
	}
	close(s.cleaned)
}

// tooLate is what a stopped build says when it had published its site.
const tooLate = "the new site had been published before the signal came"

// stopping reports whether a signal has come.
func (s *stopper) stopping() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sig != nil
}

// exitCode is code while no signal has come; once one has, it waits for the
// cleanup and is the signal's conventional code: 128 + its number.
func (s *stopper) exitCode(code int) int {
	if !s.stopping() {
		return code
	}
	<-s.cleaned
	if s.sig == syscall.SIGTERM {
		return 128 + int(syscall.SIGTERM)
	}
	return 128 + int(syscall.SIGINT)
}

// stops is the program's stopper.
var stops = newStopper(build.RemoveTemporaries, os.Stderr)
