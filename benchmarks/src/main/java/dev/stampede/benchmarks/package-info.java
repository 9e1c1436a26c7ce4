/**
 * JMH benchmarks for the hot paths: the clock read that every scheduled request pays, the parser's per-line
 * path ({@code LineParseBenchmark}), the model builder's per-record paths and a whole small build ({@code
 * ModelBuildBenchmark}) and the schedules ({@code ScheduleBenchmark}); the journal's ring has plain main
 * classes ({@code JournalRecordCost}, {@code JournalThroughput}). End-to-end comparisons with peer tools are
 * scripts: {@code benchmarks/run.sh}. {@code ReportScale} is a plain main class (time and size of {@code
 * report.html} for a synthetic one-hour run), run by {@code benchmarks/report/scale.sh}.
 *
 * <p>Benchmarks never run in {@code mvn verify}: build them with {@code -Pbench} and run the jar,
 * writing JSON ({@code -rf json}). Speed targets live here, never in timed unit tests.
 */
package dev.stampede.benchmarks;
