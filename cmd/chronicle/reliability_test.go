package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"chronicle/generator/build"
	"chronicle/generator/synth"
	"chronicle/internal/testenv"
)

// treeHashes maps every file under dir (by its slash path) to its SHA-256;
// a missing dir is nil.
func treeHashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	out := map[string]string{}
	for name, text := range testenv.ReadTree(t, dir) {
		sum := sha256.Sum256([]byte(text))
		out[name] = hex.EncodeToString(sum[:])
	}
	return out
}

// copyProject copies the project's content, templates and static files to a
// new folder, for tests that must not risk the repository.
func copyProject(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	for _, d := range []string{"content", "templates", "static"} {
		if err := os.CopyFS(filepath.Join(dst, d), os.DirFS(filepath.Join("..", "..", d))); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// TestOutGuard: `build --out` refuses the project, its content and
// templates, a folder above them, a folder of someone else's files and a
// regular file, each with a message that says what is there, and changes
// nothing. An empty folder, a missing one and an earlier build's output
// are replaced.
func TestOutGuard(t *testing.T) {
	proj := copyProject(t)
	thesis := filepath.Join(t.TempDir(), "thesis")
	os.MkdirAll(thesis, 0o755)
	os.WriteFile(filepath.Join(thesis, "chapter1.docx"), []byte("my thesis"), 0o644)
	file := filepath.Join(t.TempDir(), "site.html")
	os.WriteFile(file, []byte("not a folder"), 0o644)
	refused := []struct{ out, says string }{
		{proj, "is the project folder"},
		{filepath.Join(proj, "content"), "is the content folder"},
		{filepath.Join(proj, "templates"), "is the templates folder"},
		{filepath.Join(proj, "content", "sources", "site"), "is inside the content folder"},
		{filepath.Dir(proj), "holds the project folder"},
		{proj + "/.", "is the project folder"},
		{thesis, "holds files Chronicle did not make (chapter1.docx)"},
		{file, "is a file, not a folder"},
	}
	before := treeHashes(t, proj)
	for _, c := range refused {
		code, stderr := runCmdErr(t, "build", "--root", proj, "--out", c.out)
		if code != 1 || !strings.Contains(stderr, c.says) {
			t.Errorf("build --out %s: exit %d, want 1 saying %q:\n%s", c.out, code, c.says, stderr)
		}
	}
	if after := treeHashes(t, proj); !maps.Equal(before, after) {
		t.Fatal("a refused build changed the project's files")
	}
	if data, err := os.ReadFile(file); string(data) != "not a folder" {
		t.Fatalf("the regular file changed: %q, %v", data, err)
	}
	if h := treeHashes(t, thesis); h["chapter1.docx"] == "" || len(h) != 1 {
		t.Fatalf("the thesis folder changed: %v", h)
	}
	// What may be replaced: a missing folder, an empty one, an earlier output.
	empty := filepath.Join(t.TempDir(), "empty")
	os.MkdirAll(empty, 0o755)
	for _, out := range []string{filepath.Join(proj, "public"), empty, filepath.Join(proj, "public")} {
		if code, stderr := runCmdErr(t, "build", "--root", proj, "--out", out); code != 0 {
			t.Fatalf("build --out %s: exit %d\n%s", out, code, stderr)
		}
		if _, err := os.Stat(filepath.Join(out, build.OutputMark)); err != nil {
			t.Errorf("%s has no %s: %v", out, build.OutputMark, err)
		}
	}
}

// runCmdErr runs the command line and returns its exit code and what it
// wrote to standard error.
func runCmdErr(t *testing.T, args ...string) (int, string) {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "err")
	if err != nil {
		t.Fatal(err)
	}
	oldOut, oldErr := os.Stdout, os.Stderr
	devnull, _ := os.Open(os.DevNull)
	os.Stdout, os.Stderr = devnull, f
	code := run(args)
	os.Stdout, os.Stderr = oldOut, oldErr
	devnull.Close()
	f.Close()
	data, _ := os.ReadFile(f.Name())
	return code, string(data)
}

// killRig is a synthetic chronicle, the chronicle binary, and two builds of
// it (one per base address) to compare an interrupted build's output with.
type killRig struct {
	t                *testing.T
	bin, proj, out   string
	tmp              string // the builds' TMPDIR, so that leftovers can be seen
	prev, next       map[string]string
	baseURL, nextURL string
	took             time.Duration // how long a build of the chronicle takes
}

func newKillRig(t *testing.T) *killRig {
	t.Helper()
	r := &killRig{t: t, baseURL: "https://a.chronicle.test/", nextURL: "https://b.chronicle.test/"}
	dir := t.TempDir()
	r.bin = filepath.Join(dir, "chronicle")
	if out, err := exec.Command("go", "build", "-o", r.bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	r.proj = filepath.Join(dir, "corpus")
	if _, err := synth.Write(r.proj, synth.Options{Entries: 200, Seed: 7, Annotations: build.AnnotationsDir(filepath.Join("..", ".."))}); err != nil {
		t.Fatal(err)
	}
	r.tmp = filepath.Join(dir, "tmp")
	os.MkdirAll(r.tmp, 0o755)
	r.out = filepath.Join(r.proj, "public")
	other := filepath.Join(dir, "next")
	start := time.Now()
	r.mustBuild(r.nextURL, other)
	r.took = time.Since(start)
	r.next = treeHashes(t, other)
	r.mustBuild(r.baseURL, r.out)
	r.prev = treeHashes(t, r.out)
	if maps.Equal(r.prev, r.next) {
		t.Fatal("the two base addresses gave the same site: the rig cannot tell them apart")
	}
	return r
}

func (r *killRig) command(baseURL, out string, env ...string) *exec.Cmd {
	cmd := exec.Command(r.bin, "build", "--root", filepath.Join("..", ".."), "--content", filepath.Join(r.proj, "content"), "--out", out, "--base-url", baseURL)
	cmd.Env = append(append(os.Environ(), "TMPDIR="+r.tmp), env...)
	return cmd
}

func (r *killRig) mustBuild(baseURL, out string) {
	r.t.Helper()
	if b, err := r.command(baseURL, out).CombinedOutput(); err != nil {
		r.t.Fatalf("build: %v\n%s", err, b)
	}
}

// leftovers lists the temporary folders of builds that remain.
func (r *killRig) leftovers() []string {
	a, _ := filepath.Glob(filepath.Join(r.proj, ".public-new-*"))
	b, _ := filepath.Glob(filepath.Join(r.tmp, "chronicle-*"))
	return append(a, b...)
}

// whole checks that the output is one of the two complete sites, the
// previous one unless mayBeNext.
func (r *killRig) whole(moment string, mayBeNext bool) {
	r.t.Helper()
	got := treeHashes(r.t, r.out)
	switch {
	case maps.Equal(got, r.prev):
	case mayBeNext && maps.Equal(got, r.next):
	default:
		r.t.Fatalf("killed at %s: the output is neither the previous site nor the new one (%d files, want %d)", moment, len(got), len(r.prev))
	}
}

// recover runs the next build, which must succeed, give the previous site
// again and leave no temporary folder.
func (r *killRig) recover(moment string) {
	r.t.Helper()
	r.mustBuild(r.baseURL, r.out)
	r.whole(moment+", then rebuilt", false)
	if l := r.leftovers(); len(l) > 0 {
		r.t.Fatalf("killed at %s, then rebuilt: left %v", moment, l)
	}
}

// TestKillAnywhere stops builds with SIGKILL at every named moment of the
// pipeline and at moments spread over a build's run, as a power cut or the
// OOM killer would: each time the previous site must be whole and
// byte-identical (or, past the swap, the new one whole), and the next build
// must succeed and leave no temporary folder behind.
func TestKillAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a synthetic chronicle some forty times")
	}
	r := newKillRig(t)
	for _, point := range build.KillPoints {
		if point == "between-renames" {
			continue // TestKillBetweenRenames
		}
		cmd := r.command(r.nextURL, r.out, build.KillAtEnv+"="+point)
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("kill at %s: the build was not killed (%v)", point, err)
		}
		r.whole(point, point == "after-swap")
		r.recover(point)
	}
	const moments = 12
	for i := range moments {
		d := r.took * time.Duration(i+1) / moments
		cmd := r.command(r.nextURL, r.out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(d)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		moment := fmt.Sprintf("%v into the build", d.Round(time.Millisecond))
		r.whole(moment, true)
		r.recover(moment)
	}
}

// TestKillBetweenRenames stops a build that publishes with two renames (as
// on a file system without an atomic exchange) between them: there is no
// output then, and the next build puts the previous site back before it
// builds.
func TestKillBetweenRenames(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a synthetic chronicle")
	}
	r := newKillRig(t)
	cmd := r.command(r.nextURL, r.out, build.KillAtEnv+"=between-renames", build.TwoStepsEnv+"=1")
	if err := cmd.Run(); err == nil {
		t.Fatal("the build was not killed")
	}
	if _, err := os.Lstat(r.out); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("killed between the renames, the output should be missing: %v", err)
	}
	out, err := r.command(r.baseURL, r.out).CombinedOutput()
	if err != nil {
		t.Fatalf("the next build: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "put back the previous site") {
		t.Errorf("the next build does not say it put the previous site back:\n%s", out)
	}
	r.whole("between the renames, then rebuilt", false)
	if l := r.leftovers(); len(l) > 0 {
		t.Fatalf("left %v", l)
	}
}

// TestSignalCleansUp: SIGINT and SIGTERM stop a build with the usual exit
// codes, remove its temporary folders at once, and leave the previous site,
// or the new one when it was published before the signal came, as the
// build then says.
func TestSignalCleansUp(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a synthetic chronicle")
	}
	r := newKillRig(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		for _, frac := range []int{3, 2} {
			cmd := r.command(r.nextURL, r.out)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(r.took / time.Duration(frac))
			cmd.Process.Signal(sig)
			if err := cmd.Wait(); err == nil {
				continue // it finished first: nothing to see
			}
			r.stopped(sig.String(), cmd.ProcessState, stderr.String())
		}
	}
	// At the moments either side of the swap, which a timed signal may hit.
	for _, point := range []string{"before-swap", "after-swap"} {
		cmd := r.command(r.nextURL, r.out, build.SignalAtEnv+"="+point)
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Fatalf("signalled at %s, the build went on to succeed:\n%s", point, out)
		}
		published := r.stopped(point, cmd.ProcessState, string(out))
		if published != (point == "after-swap") {
			t.Errorf("signalled at %s, the build says the new site was published: %v\n%s", point, published, out)
		}
		r.recover(point)
	}
}

// stopped checks a build stopped by a signal: the signal's exit code, no
// temporary folder left, and the previous site unless the build says it had
// published the new one before the signal came, which it reports.
func (r *killRig) stopped(moment string, ps *os.ProcessState, stderr string) (published bool) {
	r.t.Helper()
	if code := ps.ExitCode(); code != 130 && code != 143 {
		r.t.Fatalf("%s: exit code %d, want 130 or 143\n%s", moment, code, stderr)
	}
	published = strings.Contains(stderr, tooLate)
	if !published && !strings.Contains(stderr, "the previous site is unchanged") {
		r.t.Errorf("%s: the build does not say which site it left:\n%s", moment, stderr)
	}
	r.whole(moment, published)
	if published && !maps.Equal(treeHashes(r.t, r.out), r.next) {
		r.t.Errorf("%s: the build says it published the new site, and the output is the previous one", moment)
	}
	if l := r.leftovers(); len(l) > 0 {
		r.t.Errorf("%s: left %v", moment, l)
	}
	return published
}
