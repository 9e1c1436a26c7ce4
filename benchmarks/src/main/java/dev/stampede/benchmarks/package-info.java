/**
 * JMH benchmarks for the hot paths: today the clock read that every scheduled request pays; the parser
 * line path, model building and the ring/scheduler arrive with their stages (#4-#6), and the
 * end-to-end comparisons with peer tools ({@code benchmarks/run.sh}) with issue #9.
 *
 * <p>Benchmarks never run in {@code mvn verify}: build them with {@code -Pbench} and run the jar,
 * writing JSON ({@code -rf json}). Speed targets live here, never in timed unit tests.
 */
package dev.stampede.benchmarks;
