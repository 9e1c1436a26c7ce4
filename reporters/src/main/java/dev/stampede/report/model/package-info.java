/**
 * A result directory read back: {@link dev.stampede.report.model.RunResults}, the one model every
 * reporter works from, built by {@link dev.stampede.report.model.RunResults#read} from the files alone.
 *
 * <h2>What comes from where</h2>
 *
 * <ul>
 *   <li>{@code latency.hlog} (required): per endpoint and overall, cumulative HdrHistograms of latency,
 *       service time and send lag ({@link dev.stampede.report.model.SeriesResults}), and one {@link
 *       dev.stampede.report.model.IntervalPoint} per interval (count, latency p50/p90/p99/p99.9/max,
 *       service p99, send-lag p50/p99/max), or per group of consecutive intervals merged exactly when
 *       {@link dev.stampede.report.model.ReadOptions} asks for fewer points (report.html's long runs).
 *       {@code ReadOptions} also names the metrics decoded (the others' lines are skipped before
 *       decoding) and an {@link dev.stampede.report.model.IntervalListener} that sees each interval
 *       histogram as it is read (the comparison's windows).
 *   <li>{@code run.json} (absent after a kill): the run's identity, times, events, outcome totals,
 *       generator health and SLO results, as the engine's own {@code RunInfo} ({@link
 *       dev.stampede.report.model.RunJsonReader}).
 *   <li>{@code intervals.jsonl}: per interval the target rate, requests in flight and outcome counts
 *       ({@link dev.stampede.report.model.IntervalRecord}); a killed run's totals are their sum.
 *   <li>{@code capacity.json} (after a capacity search): the step table ({@link
 *       dev.stampede.report.model.CapacityTable}).
 * </ul>
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>A killed run is reported up to its last complete interval</b>: the last complete line of
 *       {@code intervals.jsonl} marks it (the engine writes that line after flushing the interval's
 *       histograms); without that file the log's last interval is left out. Torn last lines are left
 *       out. Whatever was left out or assumed is a sentence in {@link
 *       dev.stampede.report.model.RunResults#notes()}.
 *   <li><b>Bounded memory</b>: interval histograms are summarised as they are read and not kept; per
 *       endpoint three cumulative histograms and one point per interval remain. A one-hour log of 30
 *       endpoints at 10,000 requests per second (335,000 lines, 250 MB) reads in about 3.7 s on the
 *       2-core build machine within a 100 MB heap (44 MB live afterwards).
 *   <li><b>Exact</b>: percentiles are HdrHistogram's, to the nanosecond, never from samples; the fast
 *       line decoder ({@code IntervalHistogramDecoder}) is tested against HdrHistogram's own.
 *   <li><b>Refuse the unknown</b>: a {@code format} or {@code formatVersion} this build does not read is an
 *       {@link dev.stampede.report.model.InvalidResultsException}; unknown fields are ignored.
 * </ul>
 *
 * <p>Threading: reading is single-threaded; the result is immutable and may be shared.
 */
package dev.stampede.report.model;
