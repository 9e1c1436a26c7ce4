package dev.stampede.report.compare;

import dev.stampede.engine.measure.IntervalLog;
import dev.stampede.engine.measure.IntervalRecorder;
import dev.stampede.engine.measure.RunJsonWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a result directory for the comparison: latency from {@code latency.hlog} (required), outcome
 * counts and the sending time from {@code run.json}, or from {@code intervals.jsonl} when a killed run
 * left no {@code run.json}. Reads the files once, holding no interval histogram.
 *
 * <p>The comparison's own reader, kept small so that a shared result-directory reader can replace it:
 * everything downstream works on {@link ResultRun} and {@link LatencySeries}.
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
        Optional<RunJsonFacts> run = RunJsonFacts.read(dir);
        Optional<IntervalCounts> intervals = IntervalCounts.read(dir);
        HlogSeries series = HlogSeries.read(hlog);
        List<String> notes = new ArrayList<>(series.notes());
        if (run.isEmpty()) {
            notes.add(dir + " has no " + RunJsonWriter.FILE_NAME + " (killed run?): "
                    + (intervals.isPresent()
                            ? "counts from " + IntervalLog.FILE_NAME + ", "
                                    + intervals.get().intervals() + " intervals"
                            : "no " + IntervalLog.FILE_NAME + " either, so error rates are unknown"));
            intervals.ifPresent(i -> notes.addAll(i.notes()));
        }
        double sendingSeconds = sendingSeconds(run, intervals, series);
        Map<String, EndpointResult> endpoints = new LinkedHashMap<>();
        for (String name : endpointNames(run, intervals, series)) {
            LatencySeries latency = series.endpoints().getOrDefault(name, new LatencySeries());
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
                .orElseGet(() -> rate(series.overall(), totals, sendingSeconds));
        return new ResultRun(
                dir,
                run.map(RunJsonFacts::runId).orElse(null),
                run.map(RunJsonFacts::start).orElse(null),
                run.isPresent(),
                run.map(RunJsonFacts::generatorFellBehind).orElse(null),
                series.intervals(),
                new EndpointResult("(all endpoints)", series.overall(), totals, overallRate),
                endpoints,
                notes);
    }

    /** From run.json, else the span of intervals.jsonl, else the span of the latency log. */
    private static double sendingSeconds(
            Optional<RunJsonFacts> run, Optional<IntervalCounts> intervals, HlogSeries series) {
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
            Optional<RunJsonFacts> run, Optional<IntervalCounts> intervals, HlogSeries series) {
        Set<String> names = new LinkedHashSet<>();
        run.ifPresent(r -> names.addAll(r.endpoints().keySet()));
        names.addAll(series.endpoints().keySet());
        intervals.ifPresent(i -> names.addAll(i.endpoints().keySet()));
        return names;
    }
}
