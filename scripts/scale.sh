#!/usr/bin/env bash
# Scale runs: full builds of synthetic corpora (chronicle synth) and, in the
# same run, the bare-Hugo baseline they are measured against.
#
#   scripts/scale.sh                 # 1,000, 10,000 and 100,000 entries
#   scripts/scale.sh 1000 10000      # chosen sizes
#
# For each size N it
#   1. writes a corpus of N entries (seed 1) with `chronicle synth`,
#   2. builds it, import to minified site, with
#      `/usr/bin/time -v chronicle build --content … --stats`,
#   3. renders the same number of HTML pages, of the same average size, with
#      plain Hugo (the same v0.165.0, in-process, minimal templates):
#      `/usr/bin/time -v chronicle bench-hugo --pages P --bytes B --stats`,
# (the size is that of the chronicle's pages as written: Hugo minifies them as
# it renders; the bare-Hugo pages are not minified), and writes a Markdown table (stdout, and $SCALE_WORK/scale.md) with the wall
# time and CPU time of every stage, the peak RSS, the pages and bytes written
# and the ratios to bare Hugo. Logs stay in $SCALE_WORK (default: a new
# temporary folder); sites are removed after each size to save disk space
# (SCALE_KEEP=1 keeps them). The command is built once; the Go build cache
# should be warm (run `go build ./cmd/chronicle` first on a fresh machine).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [ ! -x /usr/bin/time ]; then
	echo "scale.sh: /usr/bin/time is needed (apt-get install time)" >&2
	exit 1
fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
work=${SCALE_WORK:-$(mktemp -d -t chronicle-scale-XXXXXX)}
mkdir -p "$work"
bin=$work/chronicle
go build -o "$bin" ./cmd/chronicle

# field KEY FILE: the value of KEY=… on the "stats total" or "stats baseline" line.
field() { grep -E '^stats (total|baseline) ' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p" | head -1; }
# stage NAME KEY FILE: the value of KEY=… on the line of stage NAME.
stage() { grep -E "^stats stage=$1 " "$3" | tr ' ' '\n' | sed -n "s/^$2=//p" | head -1; }
# rss FILE: the peak RSS in MB from /usr/bin/time -v.
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$1"; }

{
	echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(go version | cut -d' ' -f3-4)."
	echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)."
	echo
	echo "Stage times are wall-clock seconds (CPU seconds on all cores in brackets)."
	echo
	echo "| entries | import | annotate | write | render | package | minify | total | µs/entry | peak RSS | KB/entry | HTML pages | output bytes | bare Hugo render | bare Hugo RSS | total ÷ bare Hugo | around Hugo |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} > "$work/scale.md"

for n in "${sizes[@]}"; do
	corpus=$work/corpus-$n
	site=$work/site-$n
	rm -rf "$corpus" "$site"
	echo "== $n entries" >&2
	"$bin" synth --entries "$n" --seed 1 --out "$corpus" --root "$root" >&2
	/usr/bin/time -v "$bin" build --root "$root" --content "$corpus/content" --out "$site" --stats \
		> "$work/build-$n.log" 2> "$work/build-$n.time"
	cat "$work/build-$n.log" >&2
	pages=$(field html_pages "$work/build-$n.log")
	bytes=$(field bytes "$work/build-$n.log")
	html=$(field html_bytes "$work/build-$n.log")
	size=$((html / pages))
	if [ "${SCALE_KEEP:-}" != 1 ]; then rm -rf "$site" "$corpus"; fi
	/usr/bin/time -v "$bin" bench-hugo --pages "$pages" --bytes "$size" --stats \
		> "$work/bare-$n.log" 2> "$work/bare-$n.time"
	cat "$work/bare-$n.log" >&2

	row="| $n"
	for s in import annotate write render package minify; do
		row="$row | $(stage "$s" seconds "$work/build-$n.log") ($(stage "$s" cpu_seconds "$work/build-$n.log"))"
	done
	total=$(field seconds "$work/build-$n.log")
	render=$(stage render seconds "$work/build-$n.log")
	bare=$(field seconds "$work/bare-$n.log")
	peak=$(rss "$work/build-$n.time")
	row="$row | $total ($(wall "$work/build-$n.time") wall)"
	row="$row | $(awk -v t="$total" -v n="$n" 'BEGIN { printf "%.0f", t * 1e6 / n }')"
	row="$row | $peak MB | $(awk -v r="$peak" -v n="$n" 'BEGIN { printf "%.1f", r * 1024 / n }')"
	row="$row | $pages | $(awk -v b="$bytes" 'BEGIN { printf "%.0f MB", b / 1e6 }') ($(awk -v b="$html" 'BEGIN { printf "%.0f MB", b / 1e6 }') of HTML)"
	row="$row | $bare ($(field cpu_seconds "$work/bare-$n.log")) | $(rss "$work/bare-$n.time") MB"
	row="$row | $(awk -v t="$total" -v b="$bare" 'BEGIN { printf "%.2f", t / b }')"
	row="$row | $(awk -v t="$total" -v r="$render" 'BEGIN { printf "%.0f%%", 100 * (t - r) / t }') |"
	echo "$row" >> "$work/scale.md"
done
echo >> "$work/scale.md"
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)." >> "$work/scale.md"
cat "$work/scale.md"
echo "logs in $work" >&2
