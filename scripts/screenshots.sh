#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ with headless Chromium (Debian's
# chromium package): home, a day, a person, an entry and its citations, a
# capture's page, at desktop and phone
# width, in light and dark mode, and the two pages of a printed day handout. Run from the repository
# root after `go run ./cmd/chronicle build`.
set -euo pipefail
site="${1:-public}"
out=docs/screenshots
mkdir -p "$out"
shot() { # name page width [extra chromium flags]
	local profile
	profile=$(mktemp -d)
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --hide-scrollbars --force-device-scale-factor=1 \
		--user-data-dir="$profile" --window-size="$3,1800" --screenshot="$out/$1.png" "${@:4}" \
		"file://$(realpath "$site")/$2" 2>/dev/null
	rm -rf "$profile"
}
for size in desktop:1280 phone:390; do
	name=${size%%:*} width=${size##*:}
	for mode in light dark; do
		flags=() suffix=""
		if [[ $mode == dark ]]; then flags=(--force-dark-mode) suffix="-dark"; fi
		shot "home-$name$suffix" index.html "$width" "${flags[@]}"
		shot "day-$name$suffix" days/2022-02-01.html "$width" "${flags[@]}"
		shot "person-$name$suffix" people/volodymyr-zelensky.html "$width" "${flags[@]}"
		shot "entry-$name$suffix" entries/2022-02-01-1843-bbc-putins-threat-of-force-gets-us.html "$width" "${flags[@]}"
		shot "capture-$name$suffix" captures/000_7afe650ce409cb36.html "$width" "${flags[@]}"
	done
done
# A day handout as printed: first page of the PDF (pdftoppm: poppler-utils).
if command -v pdftoppm >/dev/null; then
	profile=$(mktemp -d) pdf=$(mktemp --suffix=.pdf)
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --user-data-dir="$profile" --no-pdf-header-footer \
		--print-to-pdf="$pdf" "file://$(realpath "$site")/handouts/days/2022-02-01.html" 2>/dev/null
	pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$pdf" "$out/handout-day"
	pdftoppm -png -r 100 -f 2 -l 2 -singlefile "$pdf" "$out/handout-day-page2"
	rm -rf "$profile" "$pdf"
fi
# "Cite this entry" of an entry, cut from the page by a browser test.
CHRONICLE_SCREENSHOTS="$(realpath "$out")" go test -count=1 -run TestCopyCitation ./generator/build/ >/dev/null
ls -l "$out"
