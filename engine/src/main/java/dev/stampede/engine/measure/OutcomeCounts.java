package dev.stampede.engine.measure;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable request counts by {@link Outcome}. */
public final class OutcomeCounts {

    /** All zero. */
    public static final OutcomeCounts ZERO = new OutcomeCounts(new long[Outcome.COUNT]);

    private final long[] counts;

    private OutcomeCounts(long[] counts) {
        this.counts = counts;
    }

    /** Counts indexed by {@link Outcome#ordinal()}; the array is copied. */
    public static OutcomeCounts of(long[] countsByOrdinal) {
        if (countsByOrdinal.length != Outcome.COUNT) {
            throw new IllegalArgumentException(
                    "need " + Outcome.COUNT + " counts, one per outcome, got " + countsByOrdinal.length);
        }
        return new OutcomeCounts(countsByOrdinal.clone());
    }

    /** The count of {@code outcome}. */
    public long get(Outcome outcome) {
        return counts[outcome.ordinal()];
    }

    /** All requests, attempted and unsent: the number scheduled so far. */
    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** Transport errors: connections that could not be opened, were reset, or broke the protocol. */
    public long transportErrors() {
        return get(Outcome.TRANSPORT_CONNECT) + get(Outcome.TRANSPORT_RESET) + get(Outcome.TRANSPORT_PROTOCOL);
    }

    /** Requests the senders attempted (every outcome but the unsent ones). */
    public long attempted() {
        long attempted = 0;
        for (Outcome outcome : Outcome.ALL) {
            if (outcome.attempted()) {
                attempted += counts[outcome.ordinal()];
            }
        }
        return attempted;
    }

    /** Requests never sent, whatever the reason. */
    public long unsent() {
        return total() - attempted();
    }

    /** These counts minus {@code earlier}'s, outcome by outcome. */
    public OutcomeCounts minus(OutcomeCounts earlier) {
        long[] difference = new long[Outcome.COUNT];
        for (int i = 0; i < difference.length; i++) {
            difference[i] = counts[i] - earlier.counts[i];
        }
        return new OutcomeCounts(difference);
    }

    /** Counts keyed by {@link Outcome#code()}, in declaration order, zeros included. */
    public Map<String, Long> byCode() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.ALL) {
            map.put(outcome.code(), counts[outcome.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutcomeCounts that && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return byCode().toString();
    }
}
