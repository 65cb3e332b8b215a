package main

import (
	"io"
	"syscall"
	"testing"
	"time"
)

// TestStoppedBuildExitsWithTheSignalsCode: once a signal has come, the exit
// code main asks for, after the stopped build returned its error (1), is the
// signal's, and only when the cleanup is done. Without the stopper main
// exited 1 while the handler was still removing the temporary folders (the
// fault behind a flaky TestSignalCleansUp).
func TestStoppedBuildExitsWithTheSignalsCode(t *testing.T) {
	for _, tc := range []struct {
		sig  syscall.Signal
		want int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		release := make(chan struct{})
		cleaning := make(chan struct{})
		var cleaned bool
		s := newStopper(func() bool {
			close(cleaning)
			<-release
			cleaned = true
			return false
		}, io.Discard)
		if got := s.exitCode(1); got != 1 {
			t.Fatalf("before any signal: exit %d, want 1", got)
		}
		go s.stop(tc.sig)
		<-cleaning // the signal has come; its cleanup is under way
		got := make(chan int)
		go func() { got <- s.exitCode(1) }()
		select {
		case code := <-got:
			t.Fatalf("%v: main exited %d before the cleanup was done", tc.sig, code)
		case <-time.After(50 * time.Millisecond):
		}
		close(release)
		if code := <-got; code != tc.want || !cleaned {
			t.Errorf("%v: exit %d (cleaned %v), want %d after the cleanup", tc.sig, code, cleaned, tc.want)
		}
	}
}
