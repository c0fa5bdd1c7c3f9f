#!/usr/bin/env bash
# Median render times of the example case and of a 5,000-indicator case: casefile's Markdown,
# HTML and native PDF (cairo/pango), beside Chromium printing our own HTML to PDF in the same run.
# Usage: bench/render_bench.sh [RUNS]      (builds the release preset first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}

# -Werror off: GCC 12 at -O3 warns falsely (stringop-overflow) in src/ioc/ip_address.cpp.
cmake --preset release -DCASEFILE_BUILD_BENCH=ON -DCASEFILE_WERROR=OFF >/dev/null
cmake --build --preset release --target render_bench casefile >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== casefile (median of $runs runs, in-process, analysis done once)"
build/release/bench/render_bench examples/IR-2025-1142 "$runs" --write-html "$work/"

echo "== casefile report, whole process (load, analyse, render, safety gate, write)"
for format in md html pdf; do
    times=()
    for ((i = 0; i < runs; i++)); do
        start=$(date +%s%N)
        build/release/casefile report examples/IR-2025-1142 -o "$work/r.$format" 2>/dev/null
        times+=($(( ($(date +%s%N) - start) / 1000 )))
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    printf '%-14s %-8s %8.1f ms\n' example "$format" "$(awk -v m="$median" 'BEGIN { print m / 1000 }')"
done

if ! command -v chromium >/dev/null; then
    echo "== chromium not installed: no comparison"
    exit 0
fi
echo "== chromium --headless --print-to-pdf of the same HTML (median of $runs runs)"
for name in example 5000-iocs; do
    times=()
    for ((i = 0; i < runs; i++)); do
        profile=$(mktemp -d)
        start=$(date +%s%N)
        chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
            --disable-background-networking --disable-component-update --disable-sync \
            --user-data-dir="$profile" --no-pdf-header-footer \
            --print-to-pdf="$work/$name-chromium.pdf" "file://$work/$name.html" >/dev/null 2>&1
        times+=($(( ($(date +%s%N) - start) / 1000 )))
        rm -rf "$profile"
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    printf '%-14s chromium pdf %8.1f ms\n' "$name" "$(awk -v m="$median" 'BEGIN { print m / 1000 }')"
done
