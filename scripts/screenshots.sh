#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ with headless Chromium (Debian's
# chromium package): home, a day, a person and an entry, at desktop and phone
# width. Run from the repository root after `go run ./cmd/chronicle build`.
set -euo pipefail
site="${1:-public}"
out=docs/screenshots
mkdir -p "$out"
shot() { # name page width
	local profile
	profile=$(mktemp -d)
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --hide-scrollbars --force-device-scale-factor=1 \
		--user-data-dir="$profile" --window-size="$3,1800" --screenshot="$out/$1.png" \
		"file://$(realpath "$site")/$2" 2>/dev/null
	rm -rf "$profile"
}
for size in desktop:1280 phone:390; do
	name=${size%%:*} width=${size##*:}
	shot "home-$name" index.html "$width"
	shot "day-$name" days/2022-02-01.html "$width"
	shot "person-$name" people/volodymyr-zelensky.html "$width"
	shot "entry-$name" entries/2022-02-01-1843-bbc-putins-threat-of-force-gets-us.html "$width"
done
ls -l "$out"
