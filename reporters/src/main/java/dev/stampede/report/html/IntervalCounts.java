package dev.stampede.report.html;

import dev.stampede.engine.measure.OutcomeCounts;
import dev.stampede.report.model.IntervalRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code intervals.jsonl} as the page's columns, from the lines {@link dev.stampede.report.model.RunResults} read:
 * per interval its times, target rate, requests in flight and counts by error class; per endpoint and
 * overall the summed counts by outcome code. Lines the reader left out (the torn last line of a killed run)
 * are counted. Memory: a dozen numbers per interval, whatever the number of endpoints.
 */
final class IntervalCounts {

    final DoubleList endSeconds = new DoubleList();
    final DoubleList lengthSeconds = new DoubleList();
    final DoubleList targetRate = new DoubleList();
    final DoubleList inFlight = new DoubleList();
    /** Attempted requests (every outcome but the unsent ones). */
    final DoubleList attempted = new DoubleList();
    /** Counts per interval by {@link Columns#classOf class} ({@link Columns#OK} and the error classes). */
    final Map<String, DoubleList> byClass = new LinkedHashMap<>();
    /** Summed counts by outcome code per endpoint, in the order the file names them. */
    final Map<String, Map<String, Long>> endpointTotals = new LinkedHashMap<>();

    final Map<String, Long> overallTotals = new LinkedHashMap<>();
    int skippedLines;

    private IntervalCounts() {
        byClass.put(Columns.OK, new DoubleList());
        for (String errorClass : Columns.ERROR_CLASSES) {
            byClass.put(errorClass, new DoubleList());
        }
    }

    /** The columns of {@code intervals}; {@code skippedLines} lines of the file were left out. */
    static IntervalCounts of(List<IntervalRecord> intervals, int skippedLines) {
        IntervalCounts counts = new IntervalCounts();
        intervals.forEach(counts::add);
        counts.skippedLines = skippedLines;
        return counts;
    }

    int size() {
        return endSeconds.size();
    }

    private void add(IntervalRecord interval) {
        endSeconds.add(interval.endSeconds());
        lengthSeconds.add(interval.endSeconds() - interval.startSeconds());
        targetRate.add(interval.targetRate());
        inFlight.add(interval.inFlight());
        Map<String, Double> classes = new LinkedHashMap<>();
        for (Map.Entry<String, Long> count : interval.overall().byCode().entrySet()) {
            classes.merge(Columns.classOf(count.getKey()), (double) count.getValue(), Double::sum);
            overallTotals.merge(count.getKey(), count.getValue(), Long::sum);
        }
        attempted.add(interval.overall().attempted());
        for (Map.Entry<String, DoubleList> column : byClass.entrySet()) {
            column.getValue().add(classes.getOrDefault(column.getKey(), 0.0));
        }
        for (Map.Entry<String, OutcomeCounts> endpoint : interval.endpoints().entrySet()) {
            Map<String, Long> totals = endpointTotals.computeIfAbsent(endpoint.getKey(), k -> new LinkedHashMap<>());
            endpoint.getValue().byCode().forEach((code, count) -> totals.merge(code, count, Long::sum));
        }
    }
}
