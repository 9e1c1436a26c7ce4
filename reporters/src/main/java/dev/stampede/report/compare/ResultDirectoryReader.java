package dev.stampede.report.compare;

import dev.stampede.engine.measure.IntervalLog;
import dev.stampede.engine.measure.IntervalRecorder;
import dev.stampede.engine.measure.Metric;
import dev.stampede.engine.measure.RunJsonWriter;
import dev.stampede.report.model.IntervalHistogram;
import dev.stampede.report.model.IntervalListener;
import dev.stampede.report.model.InvalidResultsException;
import dev.stampede.report.model.ReadOptions;
import dev.stampede.report.model.RunResults;
import dev.stampede.report.model.SeriesResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a result directory for the comparison with {@link RunResults} (the one reader of result
 * directories): latency from {@code latency.hlog} (required; only its latency lines are decoded, and each
 * interval histogram is fed to the series' {@link LatencySeries} as it is read, none kept), outcome counts
 * and the sending time from {@code run.json}, or from {@code intervals.jsonl} when a killed run left no
 * {@code run.json}; a killed run counts up to its last complete interval, as {@link RunResults} says.
 *
 * <p>Everything downstream works on {@link ResultRun} and {@link LatencySeries}.
 */
public final class ResultDirectoryReader {

    private ResultDirectoryReader() {}

    /**
     * Reads {@code dir}.
     *
     * @throws ResultDirectoryException when it is missing, is not a result directory, or holds a file
     *     this version cannot read; the message names the path
     */
    public static ResultRun read(Path dir) {
        if (!Files.exists(dir)) {
            throw new ResultDirectoryException(dir + ": no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new ResultDirectoryException(dir + " is not a directory (give a run's result directory)");
        }
        Path hlog = dir.resolve(IntervalRecorder.HLOG_FILE_NAME);
        if (!Files.isRegularFile(hlog)) {
            throw new ResultDirectoryException(dir + " is not a result directory: it has no "
                    + IntervalRecorder.HLOG_FILE_NAME
                    + (Files.exists(dir.resolve(RunJsonWriter.FILE_NAME)) ? " (only a run.json)" : ""));
        }
        Series series = new Series();
        RunResults results;
        try {
            results = RunResults.read(
                    dir, ReadOptions.ALL.withMetrics(EnumSet.of(Metric.LATENCY)).withListener(series));
        } catch (InvalidResultsException e) {
            throw new ResultDirectoryException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ResultDirectoryException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        Optional<RunJsonFacts> run = results.run().map(RunJsonFacts::of);
        List<String> readerNotes = new ArrayList<>();
        results.notes().forEach(note -> readerNotes.add(dir + ": " + note));
        Optional<IntervalCounts> intervals = Files.isRegularFile(dir.resolve(IntervalLog.FILE_NAME))
                ? Optional.of(IntervalCounts.of(results.intervals(), readerNotes))
                : Optional.empty();
        List<String> notes = new ArrayList<>();
        if (run.isEmpty()) {
            notes.add(dir + " has no " + RunJsonWriter.FILE_NAME + " (killed run?): "
                    + (intervals.isPresent()
                            ? "counts from " + IntervalLog.FILE_NAME + ", "
                                    + intervals.get().intervals() + " intervals"
                            : "no " + IntervalLog.FILE_NAME + " either, so error rates are unknown"));
        }
        notes.addAll(readerNotes);
        double sendingSeconds = sendingSeconds(run, intervals, series);
        Map<String, EndpointResult> endpoints = new LinkedHashMap<>();
        for (String name : endpointNames(run, intervals, results)) {
            LatencySeries latency = series.endpoints.getOrDefault(name, new LatencySeries());
            RequestCounts counts = run.map(r -> r.endpoints().get(name))
                    .or(() -> intervals.map(i -> i.endpoints().getOrDefault(name, RequestCounts.ZERO)))
                    .orElse(null);
            endpoints.put(name, new EndpointResult(name, latency, counts, rate(latency, counts, sendingSeconds)));
        }
        RequestCounts totals = run.map(RunJsonFacts::totals)
                .or(() -> intervals.map(IntervalCounts::totals))
                .orElse(null);
        double overallRate = run.map(RunJsonFacts::achievedRatePerSec)
                .filter(Double::isFinite)
                .orElseGet(() -> rate(series.overall, totals, sendingSeconds));
        return new ResultRun(
                dir,
                run.map(RunJsonFacts::runId).orElse(null),
                run.map(RunJsonFacts::start).orElse(null),
                run.isPresent(),
                run.map(RunJsonFacts::generatorFellBehind).orElse(null),
                series.intervals,
                new EndpointResult("(all endpoints)", series.overall, totals, overallRate),
                endpoints,
                notes);
    }

    /**
     * The latency series, fed line by line as the log is read. A zero-length interval that recorded
     * nothing (what closing the log right after a tick writes) is not an interval.
     */
    private static final class Series implements IntervalListener {
        final LatencySeries overall = new LatencySeries();
        final Map<String, LatencySeries> endpoints = new LinkedHashMap<>();
        int intervals;
        private int lastInterval = -1;
        private double firstStart = Double.NaN;
        private double lastEnd;

        @Override
        public void interval(
                String name,
                Metric metric,
                int interval,
                double startSeconds,
                double endSeconds,
                IntervalHistogram histogram) {
            if (endSeconds <= startSeconds && histogram.totalCount() == 0) {
                return;
            }
            if (interval != lastInterval) {
                lastInterval = interval;
                intervals++;
                if (Double.isNaN(firstStart)) {
                    firstStart = startSeconds;
                }
            }
            lastEnd = Math.max(lastEnd, endSeconds);
            (SeriesResults.OVERALL.equals(name) ? overall : endpoints.computeIfAbsent(name, n -> new LatencySeries()))
                    .add(histogram);
        }

        /** From the first interval's start to the last one's end, 0 without intervals. */
        double spanSeconds() {
            return intervals == 0 ? 0 : Math.round((lastEnd - firstStart) * 1e3) / 1e3;
        }
    }

    /** From run.json, else the span of intervals.jsonl, else the span of the latency log. */
    private static double sendingSeconds(
            Optional<RunJsonFacts> run, Optional<IntervalCounts> intervals, Series series) {
        double fromRun = run.map(RunJsonFacts::sendingSeconds).orElse(Double.NaN);
        if (fromRun > 0) {
            return fromRun;
        }
        double fromIntervals = intervals.map(IntervalCounts::spanSeconds).orElse(0.0);
        return fromIntervals > 0 ? fromIntervals : series.spanSeconds();
    }

    /** Attempted requests (or, without counts, requests with a latency: the same ones) per second. */
    private static double rate(LatencySeries latency, RequestCounts counts, double seconds) {
        if (!(seconds > 0)) {
            return Double.NaN;
        }
        long requests = counts != null ? counts.attempted() : latency.count();
        return requests / seconds;
    }

    private static Set<String> endpointNames(
            Optional<RunJsonFacts> run, Optional<IntervalCounts> intervals, RunResults results) {
        Set<String> names = new LinkedHashSet<>();
        run.ifPresent(r -> names.addAll(r.endpoints().keySet()));
        results.endpoints().forEach(e -> names.add(e.name()));
        intervals.ifPresent(i -> names.addAll(i.endpoints().keySet()));
        return names;
    }
}
