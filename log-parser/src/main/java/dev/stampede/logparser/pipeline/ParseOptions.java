package dev.stampede.logparser.pipeline;

import java.util.List;

/**
 * How to run a parse.
 *
 * @param filters records to skip (counted, not written)
 * @param reorderWindowMicros how far back in time a record may arrive and still be put in order
 * @param threads parse workers
 * @param batchLines lines per parse batch
 * @param batchesInFlight batches read ahead per input (bounds memory)
 * @param maxLineBytes longer lines are rejected as too long
 * @param rejectionSamples how many rejected lines to keep for display
 */
public record ParseOptions(
        List<Filter> filters,
        long reorderWindowMicros,
        int threads,
        int batchLines,
        int batchesInFlight,
        int maxLineBytes,
        int rejectionSamples) {

    /**
     * No filters, a 10 s reorder window, one worker per core, 4096-line batches ({@link
     * #inFlightFor} of them read ahead), 1 MiB lines, 5 samples.
     */
    public static ParseOptions defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ParseOptions(List.of(), 10_000_000L, cores, 4096, inFlightFor(cores), 1 << 20, 5);
    }

    /**
     * Batches read ahead for {@code workers}: eight each (about 0.7 MB of heap a batch once parsed). The
     * workers parse on while the merge waits, at the start for the record store to open (about 0.15 s):
     * two each left them idle then (2M-line log: 1.42 s against 1.32 s, medians of 8 runs).
     */
    static int inFlightFor(int workers) {
        return 8 * workers + 2;
    }

    public ParseOptions withFilters(List<Filter> list) {
        return new ParseOptions(
                List.copyOf(list),
                reorderWindowMicros,
                threads,
                batchLines,
                batchesInFlight,
                maxLineBytes,
                rejectionSamples);
    }

    public ParseOptions withReorderWindowMicros(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("the reorder window cannot be negative");
        }
        return new ParseOptions(filters, micros, threads, batchLines, batchesInFlight, maxLineBytes, rejectionSamples);
    }

    public ParseOptions withThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + count);
        }
        return new ParseOptions(
                filters, reorderWindowMicros, count, batchLines, inFlightFor(count), maxLineBytes, rejectionSamples);
    }

    public ParseOptions withRejectionSamples(int count) {
        return new ParseOptions(
                filters, reorderWindowMicros, threads, batchLines, batchesInFlight, maxLineBytes, Math.max(0, count));
    }
}
