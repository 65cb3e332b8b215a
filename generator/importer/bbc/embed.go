package bbc

import (
	"strings"
	"unicode"

	"chronicle/generator/entry"
)

// readEmbed recognises what an embedded social post leaves behind: a fixed
// block from "This Twitter post cannot be displayed in your browser…" (or
// "Skip twitter post", "Allow Twitter content?") to "End of twitter post". The
// post itself was not captured; the entry records that it was there.
func readEmbed(b *body, n int) (int, bool) {
	if !embedStart(b.textAt(n)) {
		return n, false
	}
	for m := n; m <= b.end && m < n+40; m++ {
		if provider, ok := embedEnd(b.textAt(m)); ok {
			return b.add(entry.Block{Type: entry.BlockEmbed, Provider: provider}, n, m, "embed"), true
		}
	}
	return n, false
}

// embedStart reports whether a line opens an embed block.
func embedStart(s string) bool {
	low := strings.ToLower(s)
	switch {
	case strings.HasPrefix(low, "this ") && strings.Contains(low, "cannot be displayed in your browser"):
		return true
	case strings.HasPrefix(low, "skip ") && (strings.HasSuffix(low, " post") || strings.HasSuffix(low, " video") || strings.HasSuffix(low, " content")):
		return true
	case strings.HasPrefix(low, "allow ") && strings.HasSuffix(low, " content?"):
		return true
	}
	return false
}

// embedEnd reads "End of twitter post" into the provider's name.
func embedEnd(s string) (string, bool) {
	if !strings.HasPrefix(s, "End of ") {
		return "", false
	}
	f := strings.Fields(strings.TrimPrefix(s, "End of "))
	if len(f) != 2 || (f[1] != "post" && f[1] != "video" && f[1] != "content") {
		return "", false
	}
	return providerName(f[0]), true
}

// providerName capitalises a provider as the page names it: twitter → Twitter.
func providerName(s string) string {
	switch strings.ToLower(s) {
	case "youtube":
		return "YouTube"
	case "tiktok":
		return "TikTok"
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
