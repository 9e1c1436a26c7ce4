#!/usr/bin/env bash
# Model-builder time and memory on a large record store: generates an nginx combined log (random client
# addresses, so nearly every record is a new ip+ua session: the worst case for open sessions), parses it,
# then runs stampede model --check under a fixed heap and prints the wall time and peak resident memory.
#
#   benchmarks/model/scale.sh [LINES] [HEAP]      (default 10,000,000 lines, -Xmx512m)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
lines="${1:-10000000}"
heap="${2:-512m}"
work="$(mktemp -d "${TMPDIR:-/tmp}/stampede-model-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

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
