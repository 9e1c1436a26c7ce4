package dev.stampede.report.compare;

import dev.stampede.engine.measure.IntervalLog;
import dev.stampede.report.model.IntervalRecord;
import dev.stampede.report.model.IntervalsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome counts of {@code intervals.jsonl} (documented on {@link IntervalLog}) summed over the run:
 * what a killed run, which has no {@code run.json}, still says about its errors. Read by the shared
 * {@link IntervalsReader}: a torn last line (a killed run) or a line that is not an interval is left out
 * with a note.
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

    /** The counts of {@code dir/intervals.jsonl} (read by {@link IntervalsReader}), or empty without the file. */
    static Optional<IntervalCounts> read(Path dir) {
        Path file = dir.resolve(IntervalLog.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        IntervalsReader.Lines lines;
        try {
            lines = IntervalsReader.read(file);
        } catch (IOException e) {
            throw new ResultDirectoryException("cannot read " + file + ": " + e.getMessage(), e);
        }
        RequestCounts totals = RequestCounts.ZERO;
        Map<String, RequestCounts> endpoints = new LinkedHashMap<>();
        for (IntervalRecord interval : lines.intervals()) {
            totals = totals.plus(RequestCounts.ofCodes(interval.overall().byCode()));
            interval.endpoints()
                    .forEach((name, counts) ->
                            endpoints.merge(name, RequestCounts.ofCodes(counts.byCode()), RequestCounts::plus));
        }
        List<IntervalRecord> read = lines.intervals();
        double span = read.isEmpty()
                ? 0
                : read.get(read.size() - 1).endSeconds() - read.get(0).startSeconds();
        List<String> notes = new ArrayList<>();
        lines.notes().forEach(note -> notes.add(dir + ": " + note));
        return Optional.of(new IntervalCounts(totals, endpoints, read.size(), span, notes));
    }
}
