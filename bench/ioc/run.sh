#!/usr/bin/env bash
# IoC extraction throughput, side by side on one deterministic corpus:
#   casefile iocs --format json -j 1 (all types, Release build, single-threaded)
#   casefile iocs --format json (its default: one thread per CPU)
#   ioc-extractor 8.2.0 CLI (npm, all types, strict + refang: its defaults)
#   rg -o with a naive IPv4|domain regex (no validation at all)
#   cat (the ceiling: reading the file)
# Each tool runs RUNS times (best run kept) with the corpus in the page cache and its output sent
# to /dev/null. Wall-clock MB/s is printed with CPU-time MB/s (user+sys) beside it, because the
# build machines are shared and wall time moves with their load. The reference tools read one
# file on one thread, so the like-for-like comparison is casefile -j 1; the default run shows
# what the extra cores of this machine add.
#
# Usage: bench/ioc/run.sh [--size-mb N] [--runs N] [--skip-ioc-extractor] [--out DIR]
#   Writes the corpus and results under DIR (default: ${TMPDIR:-/tmp}/casefile-bench-ioc, outside
#   the repository). Needs python3, node + npm, ripgrep.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

size_mb=200
runs=5 # the machines are shared: the best of five is steadier than of three
skip_node=0
out="${TMPDIR:-/tmp}/casefile-bench-ioc"
while [ $# -gt 0 ]; do
    case "$1" in
    --size-mb) size_mb=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --skip-ioc-extractor) skip_node=1; shift ;;
    --out) out=$2; shift 2 ;;
    -h | --help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done

mkdir -p "$out"
gen="${CASEFILE_SHARED_DIR:-$root/../shared}/tools/gen_corpus.py"
corpus="$out/corpus-${size_mb}mb.log"
if [ ! -s "$corpus" ]; then
    echo "== generating $corpus ($size_mb MB, seed 1337)"
    python3 "$gen" "$corpus" --size-mb "$size_mb"
fi
bytes=$(stat -L -c %s "$corpus")

echo "== building casefile (preset release)"
cmake --preset release >/dev/null
cmake --build --preset release --target casefile >/dev/null
casefile="$root/build/release/casefile"

if [ "$skip_node" = 0 ]; then
    echo "== installing ioc-extractor into bench/node_modules (npm ci)"
    (cd bench && npm ci --no-audit --no-fund --silent)
fi

rg_pattern='(?:[0-9]{1,3}\.){3}[0-9]{1,3}|(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}'

cat "$corpus" >/dev/null # into the page cache

# measure NAME COMMAND: best-of-$runs wall and CPU seconds -> globals wall_s, cpu_s
measure() {
    local name=$1 cmd=$2 best_wall="" best_cpu="" w u s c
    for _ in $(seq "$runs"); do
        /usr/bin/time -o "$out/time.txt" -f "%e %U %S" bash -c "$cmd" >/dev/null 2>/dev/null
        read -r w u s <"$out/time.txt"
        c=$(echo "$u + $s" | bc -l)
        if [ -z "$best_wall" ] || [ "$(echo "$w < $best_wall" | bc -l)" = 1 ]; then
            best_wall=$w
        fi
        if [ -z "$best_cpu" ] || [ "$(echo "$c < $best_cpu" | bc -l)" = 1 ]; then
            best_cpu=$c
        fi
    done
    wall_s=$best_wall
    cpu_s=$best_cpu
    printf '%-34s %8.3f s wall %9.1f MB/s   %8.3f s cpu %9.1f MB/s\n' "$name" "$wall_s" \
        "$(echo "$bytes / 1000000 / $wall_s" | bc -l)" "$cpu_s" \
        "$(echo "$bytes / 1000000 / ($cpu_s + 0.0001)" | bc -l)"
}

echo "== corpus: $corpus ($bytes bytes), best of $runs runs, load: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "cat" "cat '$corpus'"
cat_wall=$wall_s cat_cpu=$cpu_s
measure "casefile iocs --format json -j 1" "'$casefile' iocs --format json -j 1 '$corpus'"
cf_wall=$wall_s cf_cpu=$cpu_s
cores=$(nproc)
measure "casefile iocs --format json (-j $cores)" "'$casefile' iocs --format json '$corpus'"
cfj_wall=$wall_s cfj_cpu=$cpu_s
measure "rg -o (IPv4|domain, naive)" "rg -o -N --no-filename '$rg_pattern' '$corpus'"
rg_wall=$wall_s rg_cpu=$cpu_s
if [ "$skip_node" = 0 ]; then
    runs_saved=$runs
    runs=1 # a minute per run: one is enough to compare
    measure "ioc-extractor 8.2.0 (all types)" \
        "'$root/bench/node_modules/.bin/ioc-extractor' < '$corpus'"
    ie_wall=$wall_s ie_cpu=$cpu_s
    runs=$runs_saved
fi

ratio() { echo "scale=2; $1 / $2" | bc -l; }
echo "== ratios (wall / cpu), single-threaded casefile"
echo "casefile vs rg -o:          $(ratio "$rg_wall" "$cf_wall")x / $(ratio "$rg_cpu" "$cf_cpu")x faster"
if [ "$skip_node" = 0 ]; then
    echo "casefile vs ioc-extractor:  $(ratio "$ie_wall" "$cf_wall")x / $(ratio "$ie_cpu" "$cf_cpu")x faster"
fi
echo "cat vs casefile (ceiling):  $(ratio "$cf_wall" "$cat_wall")x / $(ratio "$cf_cpu" "$cat_cpu")x"
echo "== ratios (wall), casefile on $cores threads"
echo "casefile vs rg -o:          $(ratio "$rg_wall" "$cfj_wall")x faster"
if [ "$skip_node" = 0 ]; then
    echo "casefile vs ioc-extractor:  $(ratio "$ie_wall" "$cfj_wall")x faster"
fi
echo "speed-up over -j 1:         $(ratio "$cf_wall" "$cfj_wall")x"
