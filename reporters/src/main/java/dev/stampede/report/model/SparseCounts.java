package dev.stampede.report.model;

import java.util.Arrays;
import org.HdrHistogram.AbstractHistogram;

/**
 * One interval histogram as its non-zero counts, in index order: what {@link IntervalHistogramDecoder}
 * fills from a log line, reused line after line (a few hundred entries, where a full HdrHistogram of
 * 1 ns to 1 hour at 3 digits holds 32,768 counters).
 *
 * <p>Each entry is one HdrHistogram counts index (a range of equivalent values, given by the line's
 * {@link BucketValues}) and its count. Percentiles and the maximum follow {@link
 * org.HdrHistogram.AbstractHistogram#getValueAtPercentile} and {@code getMaxValue} to the nanosecond (a
 * test compares them on random histograms). Not thread-safe.
 */
final class SparseCounts implements IntervalHistogram {

    private int[] indexes = new int[256];
    private long[] counts = new long[256];
    private int size;
    private long total;
    private BucketValues buckets;

    /** Empties it for the next line, whose values {@code buckets} gives. */
    void clear(BucketValues buckets) {
        this.buckets = buckets;
        size = 0;
        total = 0;
    }

    /** Appends a count; indexes come in increasing order. */
    void add(int index, long count) {
        if (size == counts.length) {
            indexes = Arrays.copyOf(indexes, Math.max(16, size * 2));
            counts = Arrays.copyOf(counts, Math.max(16, size * 2));
        }
        indexes[size] = index;
        counts[size] = count;
        size++;
        total += count;
    }

    @Override
    public long totalCount() {
        return total;
    }

    /** The number of non-zero counts. */
    int size() {
        return size;
    }

    /** The counts index of entry {@code i}. */
    int indexAt(int i) {
        return indexes[i];
    }

    /** The lowest value counted by entry {@code i}. */
    long lowAt(int i) {
        return buckets.lowAt(indexes[i]);
    }

    /** The count of entry {@code i}. */
    long countAt(int i) {
        return counts[i];
    }

    /**
     * The value at {@code percentile} (0 to 100), as HdrHistogram reports it: the highest value
     * equivalent to the bucket holding that rank (the lowest for percentile 0); 0 when empty.
     */
    @Override
    public long valueAtPercentile(double percentile) {
        double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0D), 100.0D);
        double fractionalCount = (requested / 100.0) * total;
        long countAtPercentile = Math.max((long) Math.ceil(fractionalCount), 1);
        long running = 0;
        for (int i = 0; i < size; i++) {
            running += counts[i];
            if (running >= countAtPercentile) {
                return percentile == 0.0 ? buckets.lowAt(indexes[i]) : buckets.highAt(indexes[i]);
            }
        }
        return 0;
    }

    /**
     * The highest value recorded, as HdrHistogram's {@code getMaxValue}: the highest value equivalent to
     * the top bucket; 0 when empty (where HdrHistogram says the top of bucket 0 when its lowest
     * discernible value is above 1).
     */
    @Override
    public long max() {
        return size == 0 ? 0 : buckets.highAt(indexes[size - 1]);
    }

    /**
     * Adds {@code other}'s counts to these (merging interval histograms exactly): index by index when
     * both have the same layout, else each of {@code other}'s counts at the index here holding its lowest
     * value. An empty one takes {@code other}'s layout.
     */
    void addAll(SparseCounts other) {
        if (size == 0) {
            buckets = other.buckets;
        }
        int[] mergedIndexes = new int[size + other.size];
        long[] mergedCounts = new long[size + other.size];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < size || j < other.size) {
            int otherIndex = j < other.size ? other.indexIn(j, buckets) : Integer.MAX_VALUE;
            int index = i < size ? indexes[i] : Integer.MAX_VALUE;
            int next = Math.min(index, otherIndex);
            long count = 0;
            if (index == next) {
                count += counts[i++];
            }
            if (otherIndex == next) {
                count += other.counts[j++];
            }
            if (n > 0 && mergedIndexes[n - 1] == next) {
                mergedCounts[n - 1] += count; // two of other's buckets in one of this layout
            } else {
                mergedIndexes[n] = next;
                mergedCounts[n] = count;
                n++;
            }
        }
        indexes = mergedIndexes;
        counts = mergedCounts;
        size = n;
        total += other.total;
    }

    /** The index of entry {@code i} in {@code layout}. */
    private int indexIn(int i, BucketValues layout) {
        return layout == buckets ? indexes[i] : layout.indexOf(buckets.lowAt(indexes[i]));
    }

    @Override
    public void addTo(AbstractHistogram histogram) {
        for (int i = 0; i < size; i++) {
            histogram.recordValueWithCount(buckets.lowAt(indexes[i]), counts[i]);
        }
    }

    /** Adds these counts to {@code dense}, indexed like the histogram; it must be long enough. */
    void addTo(long[] dense) {
        for (int i = 0; i < size; i++) {
            dense[indexes[i]] += counts[i];
        }
    }

    /**
     * Adds these counts to {@code dense}, indexed like {@code layout}, another layout than this line's:
     * each count goes to the index holding its lowest value (the highest index, when above them all).
     */
    void addByValueTo(long[] dense, BucketValues layout) {
        for (int i = 0; i < size; i++) {
            dense[layout.indexOf(buckets.lowAt(indexes[i]))] += counts[i];
        }
    }

    /** The highest index counted plus one (0 when empty): how long a dense array must be. */
    int indexLimit() {
        return size == 0 ? 0 : indexes[size - 1] + 1;
    }
}
