package dev.stampede.testbed.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters of one route, one per HTTP status, safe for concurrent use without locks.
 *
 * <p>Why not a map keyed by (route, status)? Looking a count up would allocate a key per request (and
 * box the status). A route sees only a handful of statuses, so a copy-on-write table scanned linearly
 * finds the counter without allocating; the table is copied only when a status appears for the first
 * time, and concurrent first sightings are resolved by compare-and-set.
 */
final class StatusCounters {
    /** Immutable once published: statuses ascending, {@code counts[i]} belongs to {@code statuses[i]}. */
    private static final class Table {
        final int[] statuses;
        final LongAdder[] counts;

        Table(int[] statuses, LongAdder[] counts) {
            this.statuses = statuses;
            this.counts = counts;
        }

        LongAdder find(int status) {
            for (int i = 0; i < statuses.length; i++) {
                if (statuses[i] == status) {
                    return counts[i];
                }
            }
            return null;
        }

        Table with(int status) {
            int at = -Arrays.binarySearch(statuses, status) - 1;
            int[] newStatuses = new int[statuses.length + 1];
            LongAdder[] newCounts = new LongAdder[counts.length + 1];
            System.arraycopy(statuses, 0, newStatuses, 0, at);
            System.arraycopy(counts, 0, newCounts, 0, at);
            newStatuses[at] = status;
            newCounts[at] = new LongAdder();
            System.arraycopy(statuses, at, newStatuses, at + 1, statuses.length - at);
            System.arraycopy(counts, at, newCounts, at + 1, counts.length - at);
            return new Table(newStatuses, newCounts);
        }
    }

    private final AtomicReference<Table> table = new AtomicReference<>(new Table(new int[0], new LongAdder[0]));

    void increment(int status) {
        counter(status).increment();
    }

    /** The count for {@code status}, 0 if it was never seen. */
    long count(int status) {
        LongAdder counter = table.get().find(status);
        return counter == null ? 0 : counter.sum();
    }

    long total() {
        long total = 0;
        for (LongAdder count : table.get().counts) {
            total += count.sum();
        }
        return total;
    }

    /** Writes one counter sample per status seen, in ascending status order. */
    void render(ExpositionWriter out, String family, String route) {
        Table snapshot = table.get();
        for (int i = 0; i < snapshot.statuses.length; i++) {
            out.sample(family)
                    .label("route", route)
                    .label("status", Integer.toString(snapshot.statuses[i]))
                    .value(snapshot.counts[i].sum());
        }
    }

    private LongAdder counter(int status) {
        while (true) {
            Table current = table.get();
            LongAdder found = current.find(status);
            if (found != null) {
                return found;
            }
            // First sighting: publish a grown copy; if another thread published first, look again, since
            // it may have added this very status.
            Table grown = current.with(status);
            if (table.compareAndSet(current, grown)) {
                return grown.find(status);
            }
        }
    }
}
