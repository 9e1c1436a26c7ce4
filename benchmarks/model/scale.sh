#!/usr/bin/env bash
# Model-builder time and memory on a large record store: generates an nginx combined log (random client
# addresses, so nearly every record is a new ip+ua session: the worst case for open sessions), parses it,
# then runs stampede model --check under a fixed heap and prints the wall time and peak resident memory.
#
#   benchmarks/model/scale.sh [LINES] [HEAP]      (default 10,000,000 lines, -Xmx512m)
#
# With STAMPEDE_BENCH_SUMMARY=FILE, also appends the headline figures to FILE (see benchmarks/summary.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
lines="${1:-10000000}"
heap="${2:-512m}"
work="$(mktemp -d "${TMPDIR:-/tmp}/stampede-model-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# shellcheck source=../summary.sh
. "$root/benchmarks/summary.sh"

echo "generating $lines lines..." >&2
java "$root/benchmarks/parse/GenerateNginxLog.java" "$lines" "$work/access.log"
"$root/stampede" parse --format combined "$work/access.log" -o "$work/store" > /dev/null
rm -f "$work/access.log"

start=$(date +%s%N)
STAMPEDE_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f '%M' -o "$work/rss" \
  "$root/stampede" model "$work/store" -o "$work/model" --check > "$work/out.txt"
end=$(date +%s%N)
records=$(sed -n 's/^modelled \([0-9,]*\) records.*/\1/p' "$work/out.txt" | tr -d ,)
[ "$records" = "$lines" ] || { echo "modelled $records of $lines records" >&2; cat "$work/out.txt" >&2; exit 1; }

awk -v n="$lines" -v ns=$((end - start)) -v kb="$(cat "$work/rss")" -v heap="$heap" 'BEGIN {
  s = ns / 1e9
  printf "\n%d records, -Xmx%s\n", n, heap
  printf "stampede model --check: %.1f s (%.0f records/s over two passes and the check), peak RSS %.0f MB\n", s, n / s, kb / 1024
}'
grep '^fidelity:' "$work/out.txt"

summary model "records/s, stampede model --check ($lines records)" \
  "$(awk -v n="$lines" -v ns=$((end - start)) 'BEGIN { printf "%.0f", n / (ns / 1e9) }')"
summary model "seconds, stampede model --check" "$(awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')"
summary model "peak RSS, MB" "$(awk -v kb="$(cat "$work/rss")" 'BEGIN { printf "%.0f", kb / 1024 }')" "-Xmx$heap"
