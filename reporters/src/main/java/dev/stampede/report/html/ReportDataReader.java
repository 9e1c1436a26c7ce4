package dev.stampede.report.html;

import dev.stampede.control.guard.SloResult;
import dev.stampede.engine.measure.IntervalLog;
import dev.stampede.engine.measure.Metric;
import dev.stampede.engine.measure.RunEvent;
import dev.stampede.engine.measure.RunInfo;
import dev.stampede.report.html.ReportData.CapacityStep;
import dev.stampede.report.html.ReportData.EndpointRow;
import dev.stampede.report.html.ReportData.Event;
import dev.stampede.report.html.ReportData.Identity;
import dev.stampede.report.html.ReportData.LatencyStats;
import dev.stampede.report.html.ReportData.Slo;
import dev.stampede.report.html.ReportData.Verdict;
import dev.stampede.report.model.CapacityTable;
import dev.stampede.report.model.IntervalPoint;
import dev.stampede.report.model.InvalidResultsException;
import dev.stampede.report.model.ReadOptions;
import dev.stampede.report.model.RunResults;
import dev.stampede.report.model.SeriesResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Builds {@link ReportData} from a result directory: {@code intervals.jsonl} first (it tells how many
 * intervals there are, so how many to merge per point), then {@code latency.hlog} in one streaming pass,
 * then the small files. A killed run has no {@code run.json}: its figures come from the other two, and the
 * verdict says so.
 */
final class ReportDataReader {

    /** Points per time series at most: about one per pixel of a wide chart. */
    static final int MAX_POINTS = 1200;

    /** Endpoints with their own p99-over-time line: the ones with the most requests. */
    static final int TOP_ENDPOINTS = 8;

    private ReportDataReader() {}

    static ReportData read(Path resultDir) throws IOException {
        return read(resultDir, MAX_POINTS);
    }

    /** Reads {@code resultDir} with at most {@code maxPoints} points per time series. */
    static ReportData read(Path resultDir, int maxPoints) throws IOException {
        RunResults results;
        try {
            results = RunResults.read(
                    resultDir,
                    ReadOptions.ALL.withMaxPoints(maxPoints).withMetrics(EnumSet.of(Metric.LATENCY, Metric.SEND_LAG)));
        } catch (InvalidResultsException e) {
            throw new IOException(e.getMessage(), e);
        }
        RunInfo run = results.run().orElse(null);
        IntervalCounts intervals = Files.isRegularFile(resultDir.resolve(IntervalLog.FILE_NAME))
                ? IntervalCounts.of(results.intervals(), results.leftOut().intervalsLines())
                : null;
        ReportData.Capacity capacity =
                results.capacity().map(ReportDataReader::capacity).orElse(null);
        Map<String, Map<String, Long>> outcomes =
                run != null && !run.endpoints().isEmpty()
                        ? endpointTotals(run)
                        : intervals != null ? intervals.endpointTotals : Map.of();
        long startEpochMillis = results.startEpochMillis();
        ReportData.TimeSeries series = SeriesAssembler.assemble(
                results.overall().points(),
                endpointPoints(results, topEndpoints(outcomes, TOP_ENDPOINTS)),
                intervals,
                results.intervalsPerPoint());
        double lastSecond = series.endSeconds().length > 0 ? series.endSeconds()[series.endSeconds().length - 1] : 0;
        double durationSeconds = run != null ? (run.endEpochMillis() - run.startEpochMillis()) / 1000.0 : lastSecond;
        Histogram overall = results.overall().latency();
        List<EndpointRow> endpoints = endpoints(results, outcomes, durationSeconds);
        Identity identity = identity(run, startEpochMillis, durationSeconds, overall, capacity);
        Verdict verdict = verdict(run, intervals, results);
        return new ReportData(
                identity,
                verdict,
                LatencyStatsOf.of(overall),
                LatencyStatsOf.of(results.overall().sendLag()),
                endpoints,
                series,
                events(run, startEpochMillis),
                capacity);
    }

    /** The points of the endpoints named, in that order (an endpoint without any: none). */
    private static Map<String, List<IntervalPoint>> endpointPoints(RunResults results, List<String> names) {
        Map<String, List<IntervalPoint>> points = new LinkedHashMap<>();
        for (String name : names) {
            points.put(name, results.endpoint(name).map(SeriesResults::points).orElse(List.of()));
        }
        return points;
    }

    /** run.json's counts by outcome code per endpoint, in its order. */
    private static Map<String, Map<String, Long>> endpointTotals(RunInfo run) {
        Map<String, Map<String, Long>> totals = new LinkedHashMap<>();
        run.endpoints().forEach(e -> totals.put(e.name(), e.totals().byCode()));
        return totals;
    }

    /** capacity.json as the page shows it. */
    private static ReportData.Capacity capacity(CapacityTable table) {
        List<CapacityStep> steps = new ArrayList<>();
        for (CapacityTable.Step step : table.steps()) {
            steps.add(new CapacityStep(
                    step.number(),
                    step.phase(),
                    step.targetRate(),
                    step.achievedRatePerSec(),
                    step.requests(),
                    step.p50Nanos(),
                    step.p99Nanos(),
                    step.p999Nanos(),
                    step.errorRatio(),
                    step.unsentRatio(),
                    step.sendLagP99Nanos(),
                    step.good() ? "good" : "bad",
                    step.why()));
        }
        return new ReportData.Capacity(
                table.outcome(), table.summary(), table.unit(), table.maxSustainableRate(), steps);
    }

    /** The {@code limit} endpoints with the most requests, most first. */
    static List<String> topEndpoints(Map<String, Map<String, Long>> outcomes, int limit) {
        return outcomes.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Map<String, Long>> e) -> -sum(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<EndpointRow> endpoints(
            RunResults results, Map<String, Map<String, Long>> outcomes, double durationSeconds) {
        Set<String> names = new LinkedHashSet<>(outcomes.keySet());
        results.endpoints().forEach(e -> names.add(e.name()));
        List<EndpointRow> rows = new ArrayList<>();
        for (String name : names) {
            LatencyStats stats = LatencyStatsOf.of(
                    results.endpoint(name).map(SeriesResults::latency).orElse(null));
            Map<String, Long> byClass = new LinkedHashMap<>();
            Map<String, Long> counts = outcomes.get(name);
            if (counts != null) {
                counts.forEach((code, count) -> byClass.merge(Columns.classOf(code), count, Long::sum));
            }
            long requests = counts != null ? sum(counts) : stats.count();
            double rate = durationSeconds > 0 ? requests / durationSeconds : Double.NaN;
            rows.add(new EndpointRow(name, requests, byClass, rate, stats));
        }
        rows.sort(Comparator.comparingLong(EndpointRow::requests).reversed().thenComparing(EndpointRow::name));
        return rows;
    }

    private static Identity identity(
            RunInfo run,
            long startEpochMillis,
            double durationSeconds,
            Histogram overall,
            ReportData.Capacity capacity) {
        String scenario = run != null ? run.scenario() : "";
        String unit = capacity != null && !capacity.unit().isEmpty()
                ? capacity.unit()
                : scenario.toLowerCase(Locale.ROOT).startsWith("replay") ? "x" : "req/s";
        if (run == null) {
            double achieved = durationSeconds > 0 && overall.getTotalCount() > 0
                    ? overall.getTotalCount() / durationSeconds
                    : Double.NaN;
            return new Identity(
                    "",
                    "",
                    "",
                    "",
                    startEpochMillis,
                    startEpochMillis + Math.round(durationSeconds * 1000),
                    durationSeconds,
                    achieved,
                    Map.of(),
                    false,
                    unit);
        }
        return new Identity(
                run.runId(),
                run.scenario(),
                run.target(),
                run.mode().jsonName(),
                run.startEpochMillis(),
                run.endEpochMillis(),
                durationSeconds,
                run.achievedRatePerSec(),
                run.versions(),
                true,
                unit);
    }

    private static Verdict verdict(RunInfo run, IntervalCounts intervals, RunResults results) {
        List<String> notes = new ArrayList<>();
        if (run == null) {
            notes.add("No run.json: the run did not end normally (killed?). Everything up to the last complete"
                    + " interval comes from latency.hlog" + (intervals != null ? " and intervals.jsonl" : "")
                    + "; SLO results and run events are not known.");
        }
        if (intervals == null) {
            notes.add("No intervals.jsonl: the achieved rate comes from the latency log's counts; the target"
                    + " rate and errors over time are not known.");
        } else if (intervals.skippedLines > 0) {
            notes.add(intervals.skippedLines + " unreadable line(s) of intervals.jsonl skipped (a torn last line"
                    + " of a killed run).");
        }
        if (results.leftOut().hlogLines() > 0) {
            notes.add(results.leftOut().hlogLines()
                    + " unreadable line(s) of latency.hlog skipped (a torn last line of a" + " killed run).");
        }
        if (results.overall().points().isEmpty()) {
            notes.add("latency.hlog holds no interval: nothing was measured.");
        }
        return run == null
                ? new Verdict(List.of(), false, "", notes)
                : new Verdict(
                        run.slo().stream().map(ReportDataReader::slo).toList(),
                        run.generator().fellBehind(),
                        run.generator().reason() == null ? "" : run.generator().reason(),
                        notes);
    }

    private static Slo slo(SloResult slo) {
        return new Slo(slo.name(), slo.slo(), slo.judged(), slo.passed(), slo.worst(), slo.trips());
    }

    private static List<Event> events(RunInfo run, long startEpochMillis) {
        if (run == null) {
            return List.of();
        }
        List<Event> events = new ArrayList<>();
        for (RunEvent event : run.events()) {
            double seconds = (event.epochMillis() - startEpochMillis) / 1000.0;
            events.add(new Event(seconds, event.epochMillis(), kindOf(event.text()), event.text()));
        }
        events.sort(Comparator.comparingLong(Event::epochMillis));
        return events;
    }

    /** The kind of an event from its text, for the page's markers. */
    static String kindOf(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.startsWith("guard")) {
            return "guard";
        }
        if (t.startsWith("capacity search") && !t.contains("rate ")) {
            return "capacity";
        }
        if (t.contains("rate") || t.contains("multipl") || t.contains("paus") || t.contains("resum")) {
            return "rate";
        }
        if (t.contains("stop") || t.contains("abort") || t.contains("ended") || t.contains("interrupt")) {
            return "stop";
        }
        return "other";
    }
}
