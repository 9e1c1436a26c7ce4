#!/usr/bin/env bash
# Every end-to-end benchmark, each printing its own table of ratios against peer tools measured in the same
# run, then one table of the headline figures of all of them, with the machine they ran on:
#
#   parse   stampede parse vs wc -l, the awk pipeline (floor: 1.0x) and GoAccess   (parse/compare.sh)
#   model   stampede model --check: records/s and peak RSS                          (model/scale.sh)
#   engine  stampede run vs wrk and h2load on a pinned nginx, with issue #6's floors (engine/compare.sh)
#   report  report.html for a long run: time and size                               (report/scale.sh)
#   jmh     with JMH=1, a short run of the JMH benchmarks (JMH_INCLUDE, a regexp, default all of them;
#           JMH_OPTS, default "-f 1 -wi 2 -i 3 -w 1 -r 1"): each one's score
#
#   benchmarks/run.sh [-o FILE]      FILE: where the table goes as tab-separated lines (benchmark, figure,
#                                    value, peer/floor, verdict); default summary.tsv in a new directory
#                                    under ${TMPDIR:-/tmp}, which also keeps each script's output
#
# Sizes: PARSE_LINES (2,000,000), MODEL_LINES (10,000,000), ENGINE_SECONDS (10), REPORT_SECONDS (3600).
# A script that fails is reported in the table and the others still run; the exit status is then 1.
# Each script also runs alone. Full JMH runs are separate: mvn -Pbench -pl benchmarks -am package
# -DskipTests, then java @benchmarks/target/jmh.jvm-args -jar benchmarks/target/benchmarks.jar -rf json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/stampede-bench.XXXXXX")"
out="$work/summary.tsv"
while getopts "o:" option; do
  case "$option" in
    o) out="$OPTARG" ;;
    *) echo "usage: benchmarks/run.sh [-o SUMMARY.tsv]" >&2; exit 2 ;;
  esac
done
mkdir -p "$(dirname "$out")"
: > "$out"
export STAMPEDE_BENCH_SUMMARY="$out"
# shellcheck source=summary.sh
. "$here/summary.sh"

java_version=$(java -version 2>&1 | head -1)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
summary machine "date" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
summary machine "cores (nproc)" "$(nproc)"
summary machine "CPU" "${cpu:-unknown}"
summary machine "java" "$java_version"
summary machine "load average before" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo -)"

failed=0
# stage NAME TITLE COMMAND...: runs one script, its output shown and kept in $work/NAME.out.
stage() {
  local name="$1" title="$2" status=0
  shift 2
  echo "== $title"
  "$@" 2>&1 | tee "$work/$name.out" || status=$?
  if [ "$status" != 0 ]; then
    summary "$name" "the script failed (exit $status); see $work/$name.out" "-" "-" "FAILED"
    failed=1
  fi
}
stage parse "parser: stampede parse vs wc -l, awk, GoAccess" "$here/parse/compare.sh" "${PARSE_LINES:-2000000}"
stage model "model builder: time and memory on a large store" "$here/model/scale.sh" "${MODEL_LINES:-10000000}"
stage engine "engine: stampede run vs wrk (flat out) and h2load (fixed rates) on a pinned nginx" \
  "$here/engine/compare.sh" "${ENGINE_SECONDS:-10}"
stage report "reporters: report.html for a long run at 10,000 req/s over 30 endpoints" \
  "$here/report/scale.sh" "${REPORT_SECONDS:-3600}"

jmh() { # builds the JMH jar and runs the benchmarks briefly; a CSV of the scores in $work/jmh.csv
  # shellcheck disable=SC2086
  (cd "$root" && mvn -B -q -Pbench -pl benchmarks -am package -DskipTests) \
    && java @"$here/target/jmh.jvm-args" -jar "$here/target/benchmarks.jar" "${JMH_INCLUDE:-Benchmark}" ${JMH_OPTS:--f 1 -wi 2 -i 3 -w 1 -r 1} \
      -rf csv -rff "$work/jmh.csv"
}
if [ "${JMH:-0}" = 1 ]; then
  stage jmh "JMH micro-benchmarks, short (${JMH_OPTS:--f 1 -wi 2 -i 3 -w 1 -r 1})" jmh
  # "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"[,"Param: x"...]
  if [ -f "$work/jmh.csv" ]; then
    awk -F, '
      function number(v) { return v >= 1000 ? sprintf("%.0f", v) : sprintf("%.3g", v) }
      { for (i = 1; i <= NF; i++) gsub(/"/, "", $i) }
      NR == 1 { for (i = 8; i <= NF; i++) { param[i] = $i; sub(/^Param: /, "", param[i]) }; next }
      {
        name = $1; sub(/^dev\.stampede\.benchmarks\./, "", name)
        for (i = 8; i <= NF; i++) if ($i ~ /[^[:space:]]/) name = name " " param[i] "=" $i
        error = ($6 == "NaN" || $6 == "") ? "-" : "+- " number($6)
        printf "jmh\t%s, %s\t%s\t%s\t-\n", name, $7, number($5), error
      }' "$work/jmh.csv" >> "$out"
  fi
fi

echo
echo "== summary (tab-separated in $out; each script's output in $work)"
awk -F'\t' '
  $1 == "machine" { printf "%-20s %s\n", $2 ":", $3; next }
  !header { printf "\n%-7s %-66s %14s %-16s %s\n", "bench", "figure", "value", "peer/floor", "verdict"; header = 1 }
  { printf "%-7s %-66s %14s %-16s %s\n", $1, $2, $3, $4, $5 }' "$out"
exit "$failed"
