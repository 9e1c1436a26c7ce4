#!/usr/bin/env bash
# report.html at scale: writes a synthetic result directory of a long, busy run (default: 1 hour at
# 10,000 req/s over 30 endpoints; latency.hlog as the engine writes it, intervals.jsonl, run.json), then
# times HtmlReport.write on it under a fixed heap (several times in one JVM; the first is a cold start, like
# `stampede report`) and prints the report's size and the peak resident memory.
# The issue's bar: under 10 s and under 5 MB.
#
#   benchmarks/report/scale.sh [SECONDS] [RATE] [ENDPOINTS] [HEAP]   (default 3600 10000 30 512m)
#
# With STAMPEDE_BENCH_SUMMARY=FILE, also appends the headline figures to FILE (see benchmarks/summary.sh);
# the bar is judged only for a run of an hour or more (a shorter one meeting it says nothing).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-3600}"
rate="${2:-10000}"
endpoints="${3:-30}"
heap="${4:-512m}"
work="$(mktemp -d "${TMPDIR:-/tmp}/stampede-report-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# shellcheck source=../summary.sh
. "$root/benchmarks/summary.sh"

echo "building the benchmarks jar..." >&2
(cd "$root" && mvn -B -q -Pbench -pl benchmarks -am package -DskipTests)

/usr/bin/time -f '%M' -o "$work/rss" \
  java "-Xmx$heap" -cp "$root/benchmarks/target/benchmarks.jar" dev.stampede.benchmarks.ReportScale \
  "$work/result" "$seconds" "$rate" "$endpoints" 3 | tee "$work/out.txt"
awk -v kb="$(cat "$work/rss")" -v heap="$heap" 'BEGIN { printf "peak RSS %.0f MB (-Xmx%s, generation included)\n", kb / 1024, heap }'

# "report N: T s, report.html S MB, ...": the first is the cold start, the last the warm one.
cold=$(sed -n 's/^report 1: \([0-9.]*\) s.*/\1/p' "$work/out.txt")
warm=$(sed -n 's/^report [0-9]*: \([0-9.]*\) s.*/\1/p' "$work/out.txt" | tail -1)
size=$(sed -n 's/^report 1: .*report.html \([0-9.]*\) MB.*/\1/p' "$work/out.txt")
bar() { # VALUE LIMIT: met/MISSED, or n/a for a run shorter than the hour the bar is set for
  awk -v v="$1" -v limit="$2" -v s="$seconds" 'BEGIN { print (s < 3600 ? "n/a (under 1 h)" : v < limit ? "met" : "MISSED") }'
}
run="${seconds} s at $rate req/s, $endpoints endpoints"
summary report "report.html seconds, cold ($run)" "$cold" "< 10" "$(bar "$cold" 10)"
summary report "report.html seconds, warm" "$warm"
summary report "report.html MB" "$size" "< 5" "$(bar "$size" 5)"
summary report "peak RSS, MB" "$(awk -v kb="$(cat "$work/rss")" 'BEGIN { printf "%.0f", kb / 1024 }')" "-Xmx$heap"
