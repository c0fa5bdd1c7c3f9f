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

# seconds TOOL...: wall time of one run, output discarded.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}
# best of N runs
best() {
    local n=$1 best=""
    shift
    for _ in $(seq "$n"); do
        local t
        t=$(seconds "$@")
        if [ -z "$best" ] || (($(echo "$t < $best" | bc -l))); then best=$t; fi
    done
    echo "$best"
}

events=$("$build/src/cli/casefile" events --output count "$data" | awk '$1=="total"{print $2}')
t_casefile=$(best 3 "$build/src/cli/casefile" events --output count "$data")
t_jq=$(best 1 jq -c . "$data")
t_ceiling=$(best 3 "$build/bench/simdjson_ceiling" "$data")

mbps() { echo "scale=1; $bytes / 1048576 / $1" | bc -l; }
m_casefile=$(mbps "$t_casefile")
m_jq=$(mbps "$t_jq")
m_ceiling=$(mbps "$t_ceiling")

printf '\ninput: %s (%s bytes, %s events, %s cores)\n' "$data" "$bytes" "$events" "$(nproc)"
printf '%-34s %10s %10s\n' "tool" "seconds" "MB/s"
printf '%-34s %10.2f %10s\n' "casefile events --output count" "$t_casefile" "$m_casefile"
printf '%-34s %10.2f %10s\n' "jq -c ." "$t_jq" "$m_jq"
printf '%-34s %10.2f %10s\n' "simdjson On-Demand (ceiling)" "$t_ceiling" "$m_ceiling"
printf '\ncasefile / jq        = %sx   (target: >= 10x)\n' "$(echo "scale=1; $t_jq / $t_casefile" | bc -l)"
printf 'casefile / ceiling   = %s%%\n' "$(echo "scale=1; 100 * $t_ceiling / $t_casefile" | bc -l)"
