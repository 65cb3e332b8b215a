package main

import (
	"chronicle/internal/testenv"

	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// capture runs the command line and returns its exit code and standard output.
func runCmd(t *testing.T, args ...string) (int, string) {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = f
	code := run(args)
	os.Stdout = old
	f.Close()
	data, _ := os.ReadFile(f.Name())
	return code, string(data)
}

func TestExportJSON(t *testing.T) {
	code, out := runCmd(t, "export", "--format", "json", "--root", "../..")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var entries []map[string]any
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 149 {
		t.Fatalf("%d entries", len(entries))
	}
	for _, key := range []string{"id", "capture", "publisher", "time", "local_time", "title", "kind", "authors", "body", "lines"} {
		if _, ok := entries[0][key]; !ok {
			t.Errorf("entry has no %q", key)
		}
	}
	var people, quotes, threads int
	for _, e := range entries {
		if _, ok := e["people"]; ok {
			people++
		}
		if _, ok := e["quotes"]; ok {
			quotes++
		}
		if _, ok := e["threads"]; ok {
			threads++
		}
	}
	if people < 100 || quotes < 30 || threads < 50 {
		t.Errorf("annotations in the export: %d entries with people, %d with quotes, %d with threads", people, quotes, threads)
	}
	if entries[0]["time"].(string) > entries[len(entries)-1]["time"].(string) {
		t.Error("not oldest first")
	}
}

func TestExportCSVOfOneCapture(t *testing.T) {
	code, out := runCmd(t, "export", "--format", "csv", "../../content/sources/000_7afe650ce409cb36.txt")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if rows := strings.Count(out, "\n2022-02-01-"); rows != 20 {
		t.Errorf("%d rows", rows)
	}
}

func TestCheck(t *testing.T) {
	if code, out := runCmd(t, "check", "--strict", "--root", "../.."); code != 0 {
		t.Errorf("check --strict on the seeds: exit %d\n%s", code, out)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("Headline\r\n\r\nTitle\r\n\r\n25:61 , Jane Dalton\r\n"), 0o644)
	code, out := runCmd(t, "check", bad)
	if code != 1 || !strings.Contains(out, "bad.txt:1: error: CRLF") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
	nodate := filepath.Join(dir, "nodate.txt")
	os.WriteFile(nodate, []byte("Headline\n\nTalks begin\n\n09:09 , Shweta Sharma\n\nText.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "nodate.toml"), []byte("publisher = \"The Independent\"\n"), 0o644)
	if code, out := runCmd(t, "check", nodate); code != 1 || !strings.Contains(out, "nodate.txt:5: error") {
		t.Errorf("without a date: exit %d\n%s", code, out)
	}
	if code, out := runCmd(t, "check", "--date", "2022-01-21", nodate); code != 0 {
		t.Errorf("with --date: exit %d\n%s", code, out)
	}
}

func TestUsage(t *testing.T) {
	if code, _ := runCmd(t, "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
	if code, _ := runCmd(t, "export", "--format", "xml", "--root", "../.."); code != 1 {
		t.Errorf("unknown format: exit %d", code)
	}
}

// TestZip runs `chronicle zip` as an editor would: it prints the size of the
// archive it wrote, and the handouts inside print the public address given
// with --base-url, the only place the archive names it.
func TestZip(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the seed site")
	}
	out := t.TempDir()
	code, stdout := runCmd(t, "zip", "--root", "../..", "--out", out, "--base-url", "https://archive.example.net/")
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, stdout)
	}
	path := filepath.Join(out, "chronicle-offline.zip")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("wrote %s: %d bytes", filepath.ToSlash(path), fi.Size()); !strings.Contains(stdout, want) {
		t.Errorf("output does not say %q:\n%s", want, stdout)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open("chronicle-offline/handouts/days/2022-02-01.html")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(f)
	if !strings.Contains(string(page), "https://archive.example.net/days/2022-02-01.html") {
		t.Error("the day handout does not print the address given with --base-url")
	}
}

// TestBadDate: a --date that is no date is an error for every command that
// takes one, even when no capture needs it.
func TestBadDate(t *testing.T) {
	for _, cmd := range []string{"export", "check"} {
		if code, _ := runCmd(t, cmd, "--date", "2022-13-45", "--root", "../.."); code != 1 {
			t.Errorf("%s --date 2022-13-45: exit %d, want 1", cmd, code)
		}
	}
}

// TestNotAChronicle: a command run where there is no chronicle says so, and
// how to make one.
func TestNotAChronicle(t *testing.T) {
	for _, cmd := range []string{"check", "build", "export"} {
		dir := t.TempDir()
		old := os.Stderr
		f, _ := os.CreateTemp(t.TempDir(), "err")
		os.Stderr = f
		code, _ := runCmd(t, cmd, "--root", dir)
		os.Stderr = old
		f.Close()
		msg, _ := os.ReadFile(f.Name())
		if code == 0 || !strings.Contains(string(msg), "not a chronicle's folder (make one with `chronicle new DIR`, or give --root DIR)") {
			t.Errorf("%s in an empty folder: exit %d, %s", cmd, code, msg)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s wrote into a folder that holds no chronicle", cmd)
		}
	}
}

// TestCheckExplain: `check --explain FILE` shows where each line of the
// capture went, then the problems; without a capture it is a usage error.
func TestCheckExplain(t *testing.T) {
	code, out := runCmd(t, "check", "--explain", "../../content/sources/000_7afe650ce409cb36.txt")
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	for _, want := range []string{
		"000_7afe650ce409cb36.txt (bbc-live, 249 lines, 20 entries)\n",
		"\n    1  page · summary-heading ",
		"\n   17  2022-02-01-1905-bbc-whats-happened-today · header ",
		"1 captures, 20 entries: 0 errors",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check --explain does not print %q", want)
		}
	}
	if code, _ := runCmd(t, "check", "--explain"); code != 2 {
		t.Errorf("check --explain with no capture: exit %d, want 2", code)
	}
}

// TestCheckReportsSourceCredits: a source credited in a byline that the
// people registry lacks is a candidate, as a person named in the text is,
// at the line of the credit.
func TestCheckReportsSourceCredits(t *testing.T) {
	root := t.TempDir()
	testenv.WriteFiles(t, root, map[string]string{
		"content/sources/bbc.txt": "  1. What listeners heardpublished at 13:42 Greenwich Mean Time 17 February 2022\n\n" +
			"    Today Programme\n    BBC Radio 4\n\n    A former general told the programme the talks would fail.\n",
		"content/sources/bbc.toml":          "publisher = \"BBC News\"\npublisher_id = \"bbc\"\npage_date = \"2022-02-17\"\ntime_zone = \"Europe/London\"\nformat = \"bbc-live\"\n",
		"content/annotations/people.toml":   "",
		"content/annotations/glossary.toml": "",
	})
	code, out := runCmd(t, "check", "--root", root)
	if want := `bbc.txt:3: notice: "Today Programme" is credited in a byline as a source and is not in people.toml`; code != 0 || !strings.Contains(out, want) {
		t.Errorf("exit %d, output does not hold %q:\n%s", code, want, out)
	}
}
