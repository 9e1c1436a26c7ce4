package dev.stampede.model.arrival;

import java.util.Arrays;

/**
 * Counts per second index, in a long array that doubles on demand up to a cap. Single-threaded.
 *
 * <p>The array grows with the span of time seen, never with the number of counts, so a day-long log
 * costs 86,400 longs however many records it holds.
 */
final class SecondCounts {

    private static final int INITIAL_CAPACITY = 1024;

    private final int maxSeconds;
    private long[] counts;
    private int length;

    SecondCounts(int maxSeconds) {
        this.maxSeconds = maxSeconds;
        this.counts = new long[Math.min(INITIAL_CAPACITY, maxSeconds)];
    }

    /** Counts one at {@code index}, which the caller keeps within {@code 0 <= index < maxSeconds}. */
    void increment(int index) {
        if (index >= counts.length) {
            grow(index);
        }
        counts[index]++;
        if (index >= length) {
            length = index + 1;
        }
    }

    /** One past the highest index counted. */
    int length() {
        return length;
    }

    /** The size of the backing array: what this costs, in longs. */
    int capacity() {
        return counts.length;
    }

    /** The counts of indices {@code 0..length-1}, zeros past the highest index counted. */
    long[] toArray(int length) {
        return Arrays.copyOf(counts, length);
    }

    private void grow(int index) {
        long doubled = 2L * counts.length;
        int capacity = (int) Math.min(maxSeconds, Math.max(doubled, index + 1L));
        counts = Arrays.copyOf(counts, capacity);
    }
}
