package dev.stampede.report.html;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code report.html} shows, read from a result directory: the page's model. Built by {@link
 * #read(Path)}; anything that can produce these values (a shared result-directory reader, a comparison) can
 * build one instead and hand it to {@link HtmlReport#write(ReportData, Path)}.
 *
 * <p>Units: times in nanoseconds unless a name says otherwise, rates per second in the run's unit (requests,
 * or a replay's speed factor for target rates), seconds since the latency log's start time on the time axis.
 * Unknown numbers are NaN (written as {@code null} for the page).
 *
 * @param identity what ran, where and when
 * @param verdict SLO results, generator health and what the report could not know
 * @param overall whole-run latency from the intended send time, over all endpoints
 * @param sendLag whole-run send lag (actual minus intended send time), over all endpoints
 * @param endpoints one row per endpoint, most requests first
 * @param series interval figures over time, downsampled to a bounded number of points
 * @param events run events in time order (rate changes, guard trips, stops)
 * @param capacity the capacity search's result, or null when the run was not one
 */
public record ReportData(
        Identity identity,
        Verdict verdict,
        LatencyStats overall,
        LatencyStats sendLag,
        List<EndpointRow> endpoints,
        TimeSeries series,
        List<Event> events,
        Capacity capacity) {

    /** Reads {@code resultDir}: {@code latency.hlog}, and {@code run.json}, {@code intervals.jsonl}, {@code
     * capacity.json} where present (a killed run has no {@code run.json}). */
    public static ReportData read(Path resultDir) throws IOException {
        return ReportDataReader.read(resultDir);
    }

    /**
     * What ran.
     *
     * @param complete whether the run ended normally and wrote {@code run.json}; false for a killed run
     * @param startEpochMillis the latency log's start time: second 0 of every time axis
     * @param rateUnit the unit of target rates: {@code req/s}, or {@code x} for a replay's speed factor
     */
    public record Identity(
            String runId,
            String scenario,
            String target,
            String mode,
            long startEpochMillis,
            long endEpochMillis,
            double durationSeconds,
            double achievedRatePerSec,
            Map<String, String> versions,
            boolean complete,
            String rateUnit) {}

    /**
     * Whether the run met its goals, and what the figures can be trusted for.
     *
     * @param slos each guard judged as an SLO over the run (empty without guards or without {@code run.json})
     * @param notes sentences about what is missing or doubtful (no {@code run.json}, unreadable lines)
     */
    public record Verdict(List<Slo> slos, boolean generatorFellBehind, String generatorReason, List<String> notes) {}

    /** One guard as a pass/fail SLO over the run, as {@code run.json} records it. */
    public record Slo(String name, String rule, boolean judged, boolean passed, String worst, long trips) {}

    /**
     * Percentiles of one histogram (nanoseconds) and its percentile spectrum.
     *
     * @param spectrum value at percentile levels, HdrHistogram's percentile iteration (5 ticks per half
     *     distance) up to but excluding 100%, then the maximum
     */
    public record LatencyStats(
            long count,
            double mean,
            long p50,
            long p90,
            long p99,
            long p999,
            long p9999,
            long max,
            List<SpectrumPoint> spectrum) {

        /** No values recorded. */
        public static final LatencyStats EMPTY = new LatencyStats(0, Double.NaN, 0, 0, 0, 0, 0, 0, List.of());
    }

    /** One point of a percentile spectrum: {@code percentile} in [0, 100), {@code valueNanos} at it. */
    public record SpectrumPoint(double percentile, long valueNanos) {}

    /**
     * One endpoint's totals.
     *
     * @param requests every request of the endpoint, whatever its outcome (only those attempted when the
     *     counts by outcome are not known)
     * @param byClass requests by {@link Columns} class ({@code ok}, {@code errors5xx}, ...): from {@code
     *     run.json}, else summed from {@code intervals.jsonl}; empty when neither is there
     * @param ratePerSec {@code requests} per second over the run
     */
    public record EndpointRow(
            String name, long requests, Map<String, Long> byClass, double ratePerSec, LatencyStats latency) {}

    /**
     * Figures per point in time: each point covers {@code bucketIntervals} consecutive intervals, merged
     * exactly (percentiles from the merged histograms, rates from the summed counts); a column's min/max
     * companion keeps the extremes of the single intervals.
     *
     * @param endSeconds each point's end, seconds since the start
     * @param columns named columns of the same length as {@code endSeconds} (names in {@link Columns})
     * @param endpointP99Millis p99 latency per point of the endpoints with the most requests
     */
    public record TimeSeries(
            int bucketIntervals,
            double[] endSeconds,
            Map<String, double[]> columns,
            Map<String, double[]> endpointP99Millis) {}

    /** A run event: seconds since the start, its kind ({@code rate}, {@code guard}, {@code stop}, {@code
     * capacity}, {@code other}) and its text. */
    public record Event(double seconds, long epochMillis, String kind, String text) {}

    /** The capacity search: how it ended and its step table. */
    public record Capacity(
            String outcome, String summary, String unit, double maxSustainableRate, List<CapacityStep> steps) {}

    /** One step of the capacity search (times in ns, ratios in [0, 1]). */
    public record CapacityStep(
            int step,
            String phase,
            double targetRate,
            double achievedRate,
            long requests,
            double p50Nanos,
            double p99Nanos,
            double p999Nanos,
            double errorRatio,
            double unsentRatio,
            double sendLagP99Nanos,
            String verdict,
            String why) {}
}
