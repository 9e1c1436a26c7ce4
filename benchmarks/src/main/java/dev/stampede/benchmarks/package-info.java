/**
 * JMH benchmarks for the hot paths: the clock read that every scheduled request pays and the parser's
 * per-line path; model building and the ring/scheduler arrive with their stages (#5, #6). End-to-end
 * comparisons with peer tools are scripts: {@code benchmarks/run.sh}. {@code ReportScale} is a plain main class
 * (time and size of {@code report.html} for a synthetic one-hour run), run by {@code benchmarks/report/scale.sh}.
 *
 * <p>Benchmarks never run in {@code mvn verify}: build them with {@code -Pbench} and run the jar,
 * writing JSON ({@code -rf json}). Speed targets live here, never in timed unit tests.
 */
package dev.stampede.benchmarks;
