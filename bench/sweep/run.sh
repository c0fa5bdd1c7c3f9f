#!/usr/bin/env bash
# Sweep benchmark: casefile sweep beside grep -F and ripgrep -F on the same 1 GiB of mixed logs
# and the same 10,000 indicators (half known to occur), in the same run.
#
# Usage: bench/sweep/run.sh [WORK_DIR] [SIZE_MB]     (default /tmp/casefile-sweep-bench, 1024)
#
# A hit is a matching line: a line holding at least one indicator that stands alone (grep -w
# rules; casefile's own boundary rules agree on these indicators, see make_indicators.py). All
# three tools match case-insensitively (casefile does so for IPs, hashes and domains and matches
# URLs case-sensitively; the corpus writes every indicator in lower case, so the counts agree).
# The script fails when the three line counts differ. Each tool runs once after a warm-up read
# of the corpus; it prints wall-clock seconds, MB/s and CPU seconds (user + system: casefile
# uses every CPU, grep and rg use one for a single file). No timing is asserted anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-/tmp/casefile-sweep-bench}"
size_mb="${2:-1024}"
shared="${CASEFILE_SHARED_DIR:-$(cd .. && pwd)/shared}"
mkdir -p "$work"

echo "== build (release preset)"
# Warnings are the dev preset's job; a benchmark build must not stop at an -O3-only one.
cmake --preset release -DCASEFILE_WERROR=OFF >/dev/null
cmake --build --preset release --target casefile >/dev/null
casefile="$PWD/build/release/casefile"

corpus="$work/corpus-${size_mb}mb.log"
if [ ! -s "$corpus" ]; then
    echo "== generating $size_mb MiB corpus (deterministic, seed 1337)"
    python3 "$shared/tools/gen_corpus.py" "$corpus" --size-mb "$size_mb"
fi
python3 bench/sweep/make_indicators.py "$corpus" "$work"
bytes=$(stat -c %s "$corpus")
cat "$corpus" >/dev/null # warm the page cache for every tool alike

TIMEFORMAT='%R %U %S'
timed() { # output-file command... : runs the command, stdout to output-file, times to $work/time
    local out="$1"
    shift
    { time "$@" >"$out" 2>>"$work/stderr"; } 2>"$work/time" || true
}
report() { # name lines
    read -r wall user sys <"$work/time"
    python3 -c "import sys; n,w,u,s,l,b=sys.argv[1],float(sys.argv[2]),float(sys.argv[3]),float(sys.argv[4]),sys.argv[5],int(sys.argv[6]); print(f'{n:<18} {w:7.2f} s wall {b/w/1e6:8.1f} MB/s   {u+s:7.2f} s CPU   {l:>9} matching lines')" "$1" "$wall" "$user" "$sys" "$2" "$bytes"
}
: >"$work/stderr"

echo "== $((bytes / 1048576)) MiB, $(wc -l <"$work/indicators.txt") indicators, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "-- same hit definition (a line with an indicator standing alone, case-insensitive):"
timed /dev/null "$casefile" sweep "$work/case" "$corpus" --no-progress
cf_lines=$(sed -n 's/^sweep: [0-9]* hits on \([0-9]*\) lines.*/\1/p' "$work/stderr")
if [ -z "$cf_lines" ]; then
    cat "$work/stderr" >&2
    exit 1
fi
report "casefile sweep" "$cf_lines"
timed "$work/rg.count" rg -F -w -i -c -f "$work/indicators.txt" "$corpus"
rg_lines=$(cat "$work/rg.count")
report "rg -F -w -i" "${rg_lines:-0}"
timed "$work/grep.count" env LC_ALL=C grep -F -w -i -c -f "$work/indicators.txt" "$corpus"
grep_lines=$(cat "$work/grep.count")
report "grep -F -w -i" "${grep_lines:-0}"

# For reference: the other tools' fastest mode, plain substrings with case (more lines match,
# so the counts are not comparable). rg -F -i without -w is left out: with 10,000 patterns it
# ran for over 15 minutes here.
echo "-- reference, plain substrings (not the same hit definition):"
timed "$work/rg-plain.count" rg -F -c -f "$work/indicators.txt" "$corpus"
report "rg -F" "$(cat "$work/rg-plain.count")"
timed "$work/grep-plain.count" env LC_ALL=C grep -F -c -f "$work/indicators.txt" "$corpus"
report "grep -F" "$(cat "$work/grep-plain.count")"

if [ "$cf_lines" != "${rg_lines:-0}" ] || [ "$cf_lines" != "${grep_lines:-0}" ]; then
    echo "MISMATCH: casefile $cf_lines, rg ${rg_lines:-0}, grep ${grep_lines:-0} matching lines" >&2
    exit 1
fi
echo "ok: all three report $cf_lines matching lines"
