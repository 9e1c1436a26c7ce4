package dev.stampede.engine.journal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code n} entries with the highest latency from their intended send time, kept in a min-heap of
 * {@code n} entries: memory is bounded by {@code n}, not by the journal, and once the heap is full an
 * entry allocates nothing (the evicted copy is reused). Ties keep the earlier entry.
 */
public final class SlowestEntries {

    /** By latency, then later entries first: ties keep the earlier entry. Boxes nothing. */
    private static final Comparator<JournalEntry> FASTEST_FIRST = (a, b) -> {
        int byLatency = Long.compare(a.latencyNanos(), b.latencyNanos());
        return byLatency != 0 ? byLatency : Long.compare(b.index(), a.index());
    };

    private final int n;
    private final PriorityQueue<JournalEntry> heap;

    public SlowestEntries(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the number of slowest entries must be at least 1, got " + n);
        }
        this.n = n;
        this.heap = new PriorityQueue<>(Math.min(n, 1 << 16), FASTEST_FIRST);
    }

    /** Offers {@code entry} (copied when kept). */
    public void add(JournalEntry entry) {
        if (heap.size() < n) {
            heap.add(entry.copy());
            return;
        }
        JournalEntry fastest = heap.peek();
        if (FASTEST_FIRST.compare(entry, fastest) > 0) {
            heap.poll();
            fastest.copyFrom(entry);
            heap.add(fastest);
        }
    }

    /** The kept entries, slowest first. */
    public List<JournalEntry> slowestFirst() {
        List<JournalEntry> sorted = new ArrayList<>(heap);
        sorted.sort(FASTEST_FIRST.reversed());
        return sorted;
    }
}
