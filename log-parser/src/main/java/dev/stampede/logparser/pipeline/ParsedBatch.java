package dev.stampede.logparser.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one batch of an input gave: items in input order, rejected lines, skip counts, statistics. */
final class ParsedBatch {

    /** Marks the end of an input. */
    static final ParsedBatch END = new ParsedBatch(0);

    final List<Item> items;
    final List<RejectedLine> rejected = new ArrayList<>(0);
    final Map<String, Long> skipped = new TreeMap<>();
    final BatchStats stats = new BatchStats();
    long lines;

    ParsedBatch(int expectedRecords) {
        this.items = new ArrayList<>(expectedRecords);
    }

    void skip(String filter) {
        skipped.merge(filter, 1L, Long::sum);
    }
}
