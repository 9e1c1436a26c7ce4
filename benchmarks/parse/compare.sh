#!/usr/bin/env bash
# Parser throughput against peers, on one generated nginx combined log, in one run on this machine:
# wc -l, the one-field awk pipeline, GoAccess (when installed), and stampede parse into a record store.
# Prints a table; "vs stampede" is the tool's time over stampede's (above 1: stampede is faster). With
# STAMPEDE_BENCH_SUMMARY=FILE, also appends the headline figures to FILE (see benchmarks/summary.sh); the
# floor: stampede at least as fast as the awk pipeline.
#
#   benchmarks/parse/compare.sh [LINES]        (default 2,000,000 lines, about 360 MB; REPEATS=3 runs each)
#   STAMPEDE_JAVA_OPTS="-Xmx256m" benchmarks/parse/compare.sh 30000000    (the constant-memory check)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
lines="${1:-2000000}"
repeats="${REPEATS:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/stampede-parse-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# shellcheck source=../summary.sh
. "$root/benchmarks/summary.sh"
log="$work/access.log"

seconds() { # runs "$@" and prints its wall time in seconds
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }'
}

echo "generating $lines lines of nginx combined log..." >&2
java "$root/benchmarks/parse/GenerateNginxLog.java" "$lines" "$log"
size_mb=$(du -m "$log" | cut -f1)
"$root/stampede" --version > /dev/null   # build the jar first, outside the timing

# Every tool runs REPEATS times (default 3), interleaved (so a disturbance of the machine falls on all of
# them alike), and the table shows each tool's median. GoAccess, at a minute a run, runs once.
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
wc_runs=() awk_runs=() stampede_runs=()
for ((r = 1; r <= repeats; r++)); do
  wc_runs+=("$(seconds wc -l "$log")")
  awk_runs+=("$(seconds sh -c "awk '{print \$7}' '$log' | sort | uniq -c")")
  rm -rf "$work/store"
  stampede_runs+=("$(seconds "$root/stampede" parse --format combined "$log" -o "$work/store")")
  parsed=$(sed -n 's/^  "parsed" : \([0-9]*\).*/\1/p' "$work/store/summary.json")
  [ "$parsed" = "$lines" ] || { echo "stampede parsed $parsed of $lines lines" >&2; exit 1; }
done
wc_s=$(printf '%s\n' "${wc_runs[@]}" | median)
awk_s=$(printf '%s\n' "${awk_runs[@]}" | median)
stampede_s=$(printf '%s\n' "${stampede_runs[@]}" | median)
goaccess_s=""
if command -v goaccess > /dev/null 2>&1; then
  goaccess_s=$(seconds goaccess "$log" --log-format=COMBINED --no-progress -o "$work/report.json")
fi

printf '\n%s lines, %s MB, %s cores; median of %s interleaved runs (GoAccess: one)\n' "$lines" "$size_mb" "$(nproc)" "$repeats"
printf 'runs (s): awk %s; stampede %s\n' "${awk_runs[*]}" "${stampede_runs[*]}"
printf '%-34s %9s %14s %11s\n' tool seconds lines/s "vs stampede"
row() { awk -v n="$lines" -v t="$2" -v s="$stampede_s" -v name="$1" \
  'BEGIN { printf "%-34s %9.2f %14.0f %11.2f\n", name, t, n / t, t / s }'; }
row "wc -l" "$wc_s"
row "awk '{print \$7}' | sort | uniq -c" "$awk_s"
if [ -n "$goaccess_s" ]; then row "goaccess (COMBINED, json)" "$goaccess_s"; else echo "goaccess: not installed (apt-get install goaccess)"; fi
row "stampede parse (into the store)" "$stampede_s"

ratio() { awk -v t="$1" -v s="$stampede_s" 'BEGIN { if (s + 0 == 0) print "-"; else printf "%.2f", t / s }'; }
summary parse "lines/s, stampede parse into the store ($lines lines, $size_mb MB)" \
  "$(awk -v n="$lines" -v s="$stampede_s" 'BEGIN { printf "%.0f", s + 0 == 0 ? 0 : n / s }')"
summary parse "wc -l: its time / stampede's" "$(ratio "$wc_s")"
awk_ratio=$(ratio "$awk_s")
summary parse "awk | sort | uniq -c: its time / stampede's" "$awk_ratio" ">= 1.0" \
  "$(awk -v r="$awk_ratio" 'BEGIN { print ((r != "-" && r >= 1.0) ? "met" : "MISSED") }')"
if [ -n "$goaccess_s" ]; then
  summary parse "GoAccess: its time / stampede's" "$(ratio "$goaccess_s")"
else
  summary parse "GoAccess: its time / stampede's" "-" "-" "not installed"
fi
