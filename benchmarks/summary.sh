# Sourced by the benchmark scripts. summary BENCHMARK FIGURE VALUE [PEER/FLOOR] [VERDICT] appends one
# tab-separated line to the file named by STAMPEDE_BENCH_SUMMARY (benchmarks/run.sh sets it, to print one
# table of every script's headline figures); without it, it does nothing, so each script still runs alone.
summary() {
  [ -n "${STAMPEDE_BENCH_SUMMARY:-}" ] || return 0
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:--}" "${5:--}" >> "$STAMPEDE_BENCH_SUMMARY"
}
