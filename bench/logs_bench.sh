#!/usr/bin/env bash
# Side-by-side throughput on 500 MB of mixed Defender XDR JSON Lines:
#   casefile events --output count   (full normalization to ECS events)
#   jq -c .                          (the everyday reference tool)
#   simdjson_ceiling                 (bare simdjson On-Demand parse: the ceiling)
# Builds the release preset, generates the file deterministically (bench/gen_defender_jsonl.cpp)
# and prints MB/s and ratios. Usage: bench/logs_bench.sh [SIZE_MB]   (default 500)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-500}"
build=build/release

cmake --preset release >/dev/null
cmake --build --preset release --target casefile logs_gen_defender simdjson_ceiling >/dev/null

data="$build/bench-data/defender-${size_mb}mb.jsonl"
mkdir -p "$(dirname "$data")"
if [ ! -s "$data" ]; then
    echo "generating $data ..."
    "$build/bench/logs_gen_defender" "$data" "$size_mb"
fi
bytes=$(stat -c %s "$data")
cat "$data" >/dev/null # same page-cache state for every tool

# run TOOL...: "wall cpu" seconds of one run (cpu = user + system), output discarded. CPU time
# is printed too because on a shared machine wall time also measures the neighbours.
run() {
    local out
    out=$(mktemp) # one file per run: runs are read through process substitution
    /usr/bin/time -f "%e %U %S" -o "$out" "$@" >/dev/null
    awk '{printf "%s %.2f\n", $1, $2 + $3}' "$out"
    rm -f "$out"
}
# best of N runs, by wall time
best() {
    local n=$1 best_wall="" best_cpu=""
    shift
    for _ in $(seq "$n"); do
        read -r wall cpu < <(run "$@")
        if [ -z "$best_wall" ] || (($(echo "$wall < $best_wall" | bc -l))); then
            best_wall=$wall
            best_cpu=$cpu
        fi
    done
    echo "$best_wall $best_cpu"
}

events=$("$build/casefile" events --output count "$data" | awk '$1=="total"{print $2}')
read -r t_casefile c_casefile < <(best 3 "$build/casefile" events --output count "$data")
read -r t_jq c_jq < <(best 1 jq -c . "$data")
read -r t_ceiling c_ceiling < <(best 3 "$build/bench/simdjson_ceiling" "$data")

mbps() { echo "scale=1; $bytes / 1048576 / $1" | bc -l; }

printf '\ninput: %s (%s bytes, %s events, %s cores, load %s)\n' "$data" "$bytes" "$events" \
    "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)"
printf '%-34s %8s %8s %10s %10s\n' "tool" "wall s" "cpu s" "MB/s wall" "MB/s cpu"
printf '%-34s %8s %8s %10s %10s\n' "casefile events --output count" "$t_casefile" "$c_casefile" \
    "$(mbps "$t_casefile")" "$(mbps "$c_casefile")"
printf '%-34s %8s %8s %10s %10s\n' "jq -c ." "$t_jq" "$c_jq" "$(mbps "$t_jq")" "$(mbps "$c_jq")"
printf '%-34s %8s %8s %10s %10s\n' "simdjson On-Demand (ceiling)" "$t_ceiling" "$c_ceiling" \
    "$(mbps "$t_ceiling")" "$(mbps "$c_ceiling")"
ratio() { echo "scale=1; $1 / $2" | bc -l; }
printf '\ncasefile vs jq:       %sx wall, %sx cpu   (target: >= 10x)\n' \
    "$(ratio "$t_jq" "$t_casefile")" "$(ratio "$c_jq" "$c_casefile")"
printf 'casefile vs ceiling:  %s%% wall, %s%% cpu of simdjson alone\n' \
    "$(echo "scale=1; 100 * $t_ceiling / $t_casefile" | bc -l)" \
    "$(echo "scale=1; 100 * $c_ceiling / $c_casefile" | bc -l)"
