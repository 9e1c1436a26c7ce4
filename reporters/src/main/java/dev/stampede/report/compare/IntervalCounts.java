package dev.stampede.report.compare;

import dev.stampede.engine.measure.IntervalLog;
import dev.stampede.report.model.IntervalRecord;
import dev.stampede.report.model.RunResults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome counts of {@code intervals.jsonl} (documented on {@link IntervalLog}) summed over the run:
 * what a killed run, which has no {@code run.json}, still says about its errors. Read by {@link
 * RunResults}: a torn last line (a killed run) or a line that is not an interval is left out with a note.
 *
 * @param totals the counts over all endpoints
 * @param endpoints each endpoint's counts by name, in the order of first appearance
 * @param intervals the lines read
 * @param spanSeconds from the first interval's start to the last one's end, 0 without intervals
 * @param notes what was worked around
 */
record IntervalCounts(
        RequestCounts totals,
        Map<String, RequestCounts> endpoints,
        int intervals,
        double spanSeconds,
        List<String> notes) {

    /** The counts of {@code intervals} ({@code intervals.jsonl} as {@link RunResults} read it). */
    static IntervalCounts of(List<IntervalRecord> intervals, List<String> notes) {
        RequestCounts totals = RequestCounts.ZERO;
        Map<String, RequestCounts> endpoints = new LinkedHashMap<>();
        for (IntervalRecord interval : intervals) {
            totals = totals.plus(RequestCounts.ofCodes(interval.overall().byCode()));
            interval.endpoints()
                    .forEach((name, counts) ->
                            endpoints.merge(name, RequestCounts.ofCodes(counts.byCode()), RequestCounts::plus));
        }
        double span = intervals.isEmpty()
                ? 0
                : intervals.get(intervals.size() - 1).endSeconds()
                        - intervals.get(0).startSeconds();
        return new IntervalCounts(totals, endpoints, intervals.size(), span, notes);
    }
}
