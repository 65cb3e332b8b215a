package pages

import (
	"strings"
	"testing"

	"chronicle/internal/tabletest"
)

func TestEscape(t *testing.T) {
	tests := map[string]string{
		"<script>alert(1)</script>": `\<script\>alert(1)\</script\>`,
		"*stars*":                   `\*stars\*`,
		"[x](javascript:alert(1))":  `\[x\](javascript:alert(1))`,
		"{{< shortcode >}}":         `\{\{\< shortcode \>\}\}`,
		"# not a heading":           `\# not a heading`,
		"- not a list":              `\- not a list`,
		"1. not a list":             `1\. not a list`,
		"2022) fine":                `2022\) fine`,
		"What's happened today?":    "What's happened today?",
		"a & b":                     `a \& b`,
		"    indented":              "indented",
		"line\nbreak":               "line break",
		"£88m in new UK aid":        "£88m in new UK aid",
		"\\ backslash":              `\\ backslash`,
		"`code`":                    "\\`code\\`",
	}
	tabletest.Func(t, "Escape", Escape, tests)
}

func FuzzEscape(f *testing.F) {
	f.Add("<script>alert(1)</script> *x* {{< y >}}")
	f.Fuzz(func(t *testing.T, s string) {
		out := Escape(s)
		for i := 0; i < len(out); i++ {
			if out[i] == '<' && (i == 0 || out[i-1] != '\\') {
				t.Fatalf("unescaped < in %q", out)
			}
		}
	})
}

func TestEditorMarkdown(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain *Markdown* stays", "plain *Markdown* stays"},
		{`Watch {{< youtube abc >}} now`, `Watch {\{< youtube abc >}} now`},
		{`{{< param "title" >}}`, `{\{< param "title" >}}`},
		{`{{% x user="a" %}}`, `{\{% x user="a" %}}`},
		{`{{{< a >}}`, `{{\{< a >}}`},
		{`unclosed {{< here`, `unclosed {\{< here`},
		{`a {{ template }} is not a shortcode`, `a {{ template }} is not a shortcode`},
	} {
		if got := EditorMarkdown(c.in); got != c.want {
			t.Errorf("EditorMarkdown(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzEditorMarkdown(f *testing.F) {
	f.Add(`Watch {{< youtube abc >}} now {{% x %}} {{< open`)
	f.Fuzz(func(t *testing.T, s string) {
		if out := EditorMarkdown(s); strings.Contains(out, "{{<") || strings.Contains(out, "{{%") {
			t.Fatalf("EditorMarkdown(%q) = %q: a shortcode would run", s, out)
		}
	})
}
