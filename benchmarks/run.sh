#!/usr/bin/env bash
# Every end-to-end benchmark, each printing its table of ratios against peer tools measured in the same
# run. JMH micro-benchmarks are separate: mvn -Pbench -pl benchmarks -am package -DskipTests, then
# java -jar benchmarks/target/benchmarks.jar -rf json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
echo "== parser: stampede parse vs wc -l, awk, GoAccess"
"$here/parse/compare.sh" "${PARSE_LINES:-2000000}"
echo "== model builder: time and memory on a large store"
"$here/model/scale.sh" "${MODEL_LINES:-10000000}"
echo "== engine: stampede run vs wrk (flat out) and h2load (fixed rates) on a pinned nginx"
"$here/engine/compare.sh" "${ENGINE_SECONDS:-10}"
echo "== reporters: report.html for a 1-hour run at 10,000 req/s over 30 endpoints"
"$here/report/scale.sh" "${REPORT_SECONDS:-3600}"
