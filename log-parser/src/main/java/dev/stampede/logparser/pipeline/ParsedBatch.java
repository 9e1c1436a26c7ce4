package dev.stampede.logparser.pipeline;

import dev.stampede.logparser.RequestRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one batch of an input gave, made on the worker that parsed it: the kept records as columns
 * (start, source line, method and path, and either the record object or its encoded bytes), rejected
 * lines, skip counts and statistics. {@link #sortByStart()} leaves the records in start-time order
 * (ties in line order), so the merge thread handles runs of records, not single ones.
 */
final class ParsedBatch {

    /** Marks the end of an input. */
    static final ParsedBatch END = new ParsedBatch(0, false, 0);

    final List<RejectedLine> rejected = new ArrayList<>(0);
    final Map<String, Long> skipped = new TreeMap<>();
    final BatchStats stats;
    /** Lines (or document entries) this batch covers, whatever became of them. */
    long lines;

    int size;
    long[] starts;
    long[] sourceLines;
    String[] methods;
    String[] paths;
    /** The records (object mode), else null. */
    RequestRecord[] records;
    /** Store mode: record {@code i} is {@code data[offsets[i], offsets[i + 1])}. */
    byte[] data;

    int[] offsets;
    /** Store mode: the largest string-table id the records use, -1 for none. */
    int maxStringId = -1;

    /** @param expectedEndpoints about how many distinct endpoints to expect (see {@link BatchStats}) */
    ParsedBatch(int expectedRecords, boolean encoded, int expectedEndpoints) {
        stats = new BatchStats(expectedEndpoints);
        int capacity = Math.max(1, expectedRecords);
        starts = new long[capacity];
        sourceLines = new long[capacity];
        methods = new String[capacity];
        paths = new String[capacity];
        if (encoded) {
            offsets = new int[capacity + 1];
        } else {
            records = new RequestRecord[capacity];
        }
    }

    void skip(String filter) {
        skipped.merge(filter, 1L, Long::sum);
    }

    /** Adds a kept record: the object in object mode, else its encoded bytes ending at {@code endOffset}. */
    void add(RequestRecord record, String path, int endOffset) {
        if (size == starts.length) {
            int capacity = size * 2;
            starts = Arrays.copyOf(starts, capacity);
            sourceLines = Arrays.copyOf(sourceLines, capacity);
            methods = Arrays.copyOf(methods, capacity);
            paths = Arrays.copyOf(paths, capacity);
            if (records != null) {
                records = Arrays.copyOf(records, capacity);
            } else {
                offsets = Arrays.copyOf(offsets, capacity + 1);
            }
        }
        starts[size] = record.startMicros();
        sourceLines[size] = record.sourceLine();
        methods[size] = record.method();
        paths[size] = path;
        if (records != null) {
            records[size] = record;
        } else {
            offsets[size + 1] = endOffset;
        }
        size++;
    }

    boolean encoded() {
        return records == null;
    }

    /** Puts the records in start-time order, ties in the order they were added (a stable sort). */
    void sortByStart() {
        if (isSorted()) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b])); // stable: ties keep line order
        long[] newStarts = new long[size];
        long[] newLines = new long[size];
        String[] newMethods = new String[size];
        String[] newPaths = new String[size];
        for (int i = 0; i < size; i++) {
            newStarts[i] = starts[order[i]];
            newLines[i] = sourceLines[order[i]];
            newMethods[i] = methods[order[i]];
            newPaths[i] = paths[order[i]];
        }
        if (records != null) {
            RequestRecord[] newRecords = new RequestRecord[size];
            for (int i = 0; i < size; i++) {
                newRecords[i] = records[order[i]];
            }
            records = newRecords;
        } else {
            byte[] newData = new byte[offsets[size]];
            int[] newOffsets = new int[size + 1];
            for (int i = 0; i < size; i++) {
                int from = offsets[order[i]];
                int length = offsets[order[i] + 1] - from;
                System.arraycopy(data, from, newData, newOffsets[i], length);
                newOffsets[i + 1] = newOffsets[i] + length;
            }
            data = newData;
            offsets = newOffsets;
        }
        starts = newStarts;
        sourceLines = newLines;
        methods = newMethods;
        paths = newPaths;
    }

    private boolean isSorted() {
        for (int i = 1; i < size; i++) {
            if (starts[i] < starts[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** How a record shows in a rejection: {@code access.log:12 at 1700000000000000 (GET /x)}. */
    String describe(String source, int i) {
        return source + ":" + sourceLines[i] + " at " + starts[i] + " (" + BatchStats.key(methods[i], paths[i]) + ")";
    }
}
