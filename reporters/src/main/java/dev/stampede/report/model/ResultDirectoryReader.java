package dev.stampede.report.model;

import dev.stampede.control.capacity.CapacityJsonWriter;
import dev.stampede.engine.measure.GeneratorHealth;
import dev.stampede.engine.measure.GeneratorUse;
import dev.stampede.engine.measure.IntervalLog;
import dev.stampede.engine.measure.IntervalRecorder;
import dev.stampede.engine.measure.Outcome;
import dev.stampede.engine.measure.OutcomeCounts;
import dev.stampede.engine.measure.RunInfo;
import dev.stampede.engine.measure.RunJsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a result directory into {@link RunResults}: {@code run.json} and {@code intervals.jsonl} first,
 * because they say where a killed run's last complete interval ends, then {@code latency.hlog} up to
 * there.
 *
 * <p>Which intervals count when there is no {@code run.json}: those {@code intervals.jsonl} has a
 * complete line for (the engine appends that line only after the interval's histograms are flushed to
 * the log); without {@code intervals.jsonl}, all but the log's last interval.
 */
final class ResultDirectoryReader {

    private ResultDirectoryReader() {}

    static RunResults read(Path directory, ReadOptions options) throws IOException {
        Path hlog = directory.resolve(IntervalRecorder.HLOG_FILE_NAME);
        if (!Files.isRegularFile(hlog)) {
            throw new InvalidResultsException(directory + " has no " + IntervalRecorder.HLOG_FILE_NAME
                    + ": not a stampede result directory, or the run never started measuring");
        }
        List<String> notes = new ArrayList<>();
        Set<String> unknownOutcomes = new TreeSet<>();
        RunInfo run = null;
        Path runJson = directory.resolve(RunJsonWriter.FILE_NAME);
        if (Files.isRegularFile(runJson)) {
            RunJsonReader reader = new RunJsonReader();
            run = reader.readRun(runJson);
            unknownOutcomes.addAll(reader.unknownOutcomes());
        } else {
            notes.add("no " + RunJsonWriter.FILE_NAME + ": the run did not end (killed?); reported up to its last"
                    + " complete interval, with no events or SLO results");
        }
        Path intervalsFile = directory.resolve(IntervalLog.FILE_NAME);
        boolean hasIntervals = Files.isRegularFile(intervalsFile);
        int[] intervalLinesLeftOut = new int[1];
        List<IntervalRecord> intervals = hasIntervals
                ? IntervalsReader.read(intervalsFile, notes, unknownOutcomes, intervalLinesLeftOut)
                : List.of();
        Path capacityFile = directory.resolve(CapacityJsonWriter.FILE_NAME);
        CapacityTable capacity = Files.isRegularFile(capacityFile) ? CapacityJsonReader.read(capacityFile) : null;

        long cutoffMillis = Long.MAX_VALUE;
        boolean leaveOutLast = false;
        if (run == null) {
            if (hasIntervals) {
                cutoffMillis =
                        intervals.isEmpty() ? 0 : Math.round(last(intervals).endSeconds() * 1000);
            } else {
                leaveOutLast = true;
                notes.add("no " + IntervalLog.FILE_NAME + " either: outcome counts are unknown, and the log's last"
                        + " interval is left out (it may be incomplete)");
            }
        }
        int intervalsPerPoint = options.maxPoints() == Integer.MAX_VALUE
                ? 1
                : options.intervalsPerPoint(
                        hasIntervals && !intervals.isEmpty() ? intervals.size() : HlogReader.countIntervals(hlog));
        HlogReader.Result log = HlogReader.read(hlog, cutoffMillis, leaveOutLast, options, intervalsPerPoint);
        notes.addAll(log.notes);
        if (!unknownOutcomes.isEmpty()) {
            notes.add(
                    "outcome codes this version does not know were not counted: " + String.join(", ", unknownOutcomes));
        }
        Totals totals = totals(run, hasIntervals ? intervals : null);
        SeriesResults overall = log.overall.finish(totals.overall);
        List<SeriesResults> endpoints = new ArrayList<>();
        for (String name : endpointNames(run, intervals, log)) {
            OutcomeCounts counts =
                    totals.overall == null ? null : totals.endpoints.getOrDefault(name, OutcomeCounts.ZERO);
            endpoints.add(log.endpoints
                    .getOrDefault(name, new SeriesAccumulator(name))
                    .finish(counts));
        }
        GeneratorHealth generator = run != null ? run.generator() : sendLagOnly(overall);
        double endSeconds = Math.max(
                log.lastEndSeconds, intervals.isEmpty() ? 0 : last(intervals).endSeconds());
        long start = log.startEpochMillis >= 0 ? log.startEpochMillis : run != null ? run.startEpochMillis() : 0;
        return new RunResults(
                directory,
                run,
                start,
                endSeconds,
                intervals,
                overall,
                endpoints,
                capacity,
                generator,
                notes,
                new RunResults.LeftOut(log.linesLeftOut, intervalLinesLeftOut[0]),
                intervalsPerPoint);
    }

    private static IntervalRecord last(List<IntervalRecord> intervals) {
        return intervals.get(intervals.size() - 1);
    }

    /** run.json's endpoints, then those only intervals.jsonl or the log name, as they first appear. */
    private static Set<String> endpointNames(RunInfo run, List<IntervalRecord> intervals, HlogReader.Result log) {
        Set<String> names = new LinkedHashSet<>();
        if (run != null) {
            run.endpoints().forEach(e -> names.add(e.name()));
        }
        intervals.forEach(i -> names.addAll(i.endpoints().keySet()));
        names.addAll(log.endpoints.keySet());
        return names;
    }

    /** The generator of a killed run, judged on the send lag of its complete intervals. */
    private static GeneratorHealth sendLagOnly(SeriesResults overall) {
        long worstIntervalP99 = 0;
        for (IntervalPoint point : overall.points()) {
            worstIntervalP99 = Math.max(worstIntervalP99, point.sendLagP99Nanos());
        }
        return GeneratorHealth.assess(
                overall.sendLag().getValueAtPercentile(99),
                worstIntervalP99,
                GeneratorHealth.DEFAULT_THRESHOLD_NANOS,
                GeneratorUse.NOT_MEASURED,
                overall.latency().getTotalCount());
    }

    /** Outcome counts: run.json's, else the sum of the complete intervals, else unknown (null). */
    private static Totals totals(RunInfo run, List<IntervalRecord> intervals) {
        Map<String, OutcomeCounts> endpoints = new LinkedHashMap<>();
        if (run != null) {
            run.endpoints().forEach(e -> endpoints.put(e.name(), e.totals()));
            return new Totals(run.totals(), endpoints);
        }
        if (intervals == null) {
            return new Totals(null, endpoints);
        }
        long[] overall = new long[Outcome.COUNT];
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (IntervalRecord interval : intervals) {
            addTo(overall, interval.overall());
            interval.endpoints()
                    .forEach((name, counts) -> addTo(sums.computeIfAbsent(name, n -> new long[Outcome.COUNT]), counts));
        }
        sums.forEach((name, counts) -> endpoints.put(name, OutcomeCounts.of(counts)));
        return new Totals(OutcomeCounts.of(overall), endpoints);
    }

    private static void addTo(long[] sum, OutcomeCounts counts) {
        for (Outcome outcome : Outcome.ALL) {
            sum[outcome.ordinal()] += counts.get(outcome);
        }
    }

    /** Overall counts (null: unknown) and counts per endpoint name. */
    private record Totals(OutcomeCounts overall, Map<String, OutcomeCounts> endpoints) {}
}
