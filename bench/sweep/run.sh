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
# The script fails when the three line counts differ. Timings are wall-clock seconds of one run
# each after a warm-up read of the corpus; no timing is asserted anywhere.
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

now() { date +%s.%N; }
report() { # name start end lines
    python3 -c "import sys; n,t0,t1,l,b=sys.argv[1],float(sys.argv[2]),float(sys.argv[3]),sys.argv[4],int(sys.argv[5]); s=t1-t0; print(f'{n:<16} {s:7.2f} s  {b/s/1e6:8.1f} MB/s  {l:>9} matching lines')" "$1" "$2" "$3" "$4" "$bytes"
}

echo "== $((bytes / 1048576)) MiB, $(wc -l <"$work/indicators.txt") indicators, $(nproc) CPUs"
t0=$(now)
"$casefile" sweep "$work/case" "$corpus" --no-progress >/dev/null 2>"$work/casefile.err"
t1=$(now)
cf_lines=$(sed -n 's/^sweep: [0-9]* hits on \([0-9]*\) lines.*/\1/p' "$work/casefile.err")
if [ -z "$cf_lines" ]; then
    cat "$work/casefile.err" >&2
    exit 1
fi
report "casefile sweep" "$t0" "$t1" "$cf_lines"

t0=$(now)
rg_lines=$(rg -F -w -i -c -f "$work/indicators.txt" "$corpus" || true)
t1=$(now)
report "rg -F -w -i" "$t0" "$t1" "${rg_lines:-0}"

t0=$(now)
grep_lines=$(LC_ALL=C grep -F -w -i -c -f "$work/indicators.txt" "$corpus" || true)
t1=$(now)
report "grep -F -w -i" "$t0" "$t1" "${grep_lines:-0}"

if [ "$cf_lines" != "${rg_lines:-0}" ] || [ "$cf_lines" != "${grep_lines:-0}" ]; then
    echo "MISMATCH: casefile $cf_lines, rg ${rg_lines:-0}, grep ${grep_lines:-0} matching lines" >&2
    exit 1
fi
echo "ok: all three report $cf_lines matching lines"
