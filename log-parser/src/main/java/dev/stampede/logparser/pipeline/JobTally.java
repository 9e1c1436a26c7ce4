package dev.stampede.logparser.pipeline;

import dev.stampede.logparser.Rejection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of what happened to every line, per input and in total. Used on the merge thread only. */
final class JobTally {

    /** Per-input counts. */
    static final class InputTally {
        long lines;
        long parsed;
        long rejected;
        long skipped;
    }

    private final int sampleLimit;
    final Map<String, InputTally> inputs = new LinkedHashMap<>();
    final Map<String, Long> rejectedByReason = new TreeMap<>();
    final Map<String, Long> skippedByFilter = new TreeMap<>();
    final List<RejectedLine> samples = new ArrayList<>();
    long lines;
    long parsed;
    long rejected;
    long skipped;

    JobTally(int sampleLimit) {
        this.sampleLimit = sampleLimit;
    }

    void batch(String input, ParsedBatch batch) {
        InputTally tally = inputs.computeIfAbsent(input, name -> new InputTally());
        tally.lines += batch.lines;
        lines += batch.lines;
        for (RejectedLine line : batch.rejected) {
            rejected(line);
        }
        for (Map.Entry<String, Long> entry : batch.skipped.entrySet()) {
            skippedByFilter.merge(entry.getKey(), entry.getValue(), Long::sum);
            skipped += entry.getValue();
            tally.skipped += entry.getValue();
        }
    }

    void rejected(RejectedLine line) {
        rejected++;
        inputs.computeIfAbsent(line.source(), name -> new InputTally()).rejected++;
        Rejection.Reason reason = line.rejection().reason();
        rejectedByReason.merge(reason.code(), 1L, Long::sum);
        if (samples.size() < sampleLimit) {
            samples.add(line);
        }
    }

    void written(String input, long records) {
        parsed += records;
        inputs.computeIfAbsent(input, name -> new InputTally()).parsed += records;
    }
}
