#!/usr/bin/env bash
# report.html at scale: writes a synthetic result directory of a long, busy run (default: 1 hour at
# 10,000 req/s over 30 endpoints; latency.hlog as the engine writes it, intervals.jsonl, run.json), then
# times HtmlReport.write on it under a fixed heap (several times in one JVM; the first is a cold start, like
# `stampede report`) and prints the report's size and the peak resident memory.
# The issue's bar: under 10 s and under 5 MB.
#
#   benchmarks/report/scale.sh [SECONDS] [RATE] [ENDPOINTS] [HEAP]   (default 3600 10000 30 512m)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-3600}"
rate="${2:-10000}"
endpoints="${3:-30}"
heap="${4:-512m}"
work="$(mktemp -d "${TMPDIR:-/tmp}/stampede-report-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "building the benchmarks jar..." >&2
(cd "$root" && mvn -B -q -Pbench -pl benchmarks -am package -DskipTests)

/usr/bin/time -f '%M' -o "$work/rss" \
  java "-Xmx$heap" -cp "$root/benchmarks/target/benchmarks.jar" dev.stampede.benchmarks.ReportScale \
  "$work/result" "$seconds" "$rate" "$endpoints" 3
awk -v kb="$(cat "$work/rss")" -v heap="$heap" 'BEGIN { printf "peak RSS %.0f MB (-Xmx%s, generation included)\n", kb / 1024, heap }'
