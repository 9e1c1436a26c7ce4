package dev.stampede.model.pool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The most frequent values of one parameter slot in bounded memory: Space-Saving (Metwally, Agrawal and
 * El Abbadi, 2005) with a fixed number of counters.
 *
 * <p>Each counter holds a value, an estimated count and an error. A value already kept adds to its
 * counter; a new value takes over the counter with the smallest count, inheriting that count as its
 * error. So every estimate is an upper bound, {@code count - error} is a lower bound, every error is at
 * most {@code total / capacity}, and every value seen more than {@code total / capacity} times is kept.
 * Memory is {@code capacity} counters (plus the values they hold) whatever the stream's length or number
 * of distinct values. An update costs one lookup in an open-addressing table and O(log capacity) heap
 * steps over primitive arrays, and allocates nothing.
 *
 * <p>Not thread-safe: one sketch per thread, then {@link #merge} them.
 */
public final class ValueSketch {

    /** Counters per slot unless told otherwise. */
    public static final int DEFAULT_CAPACITY = 1_000;

    /** More counters than this would be a mistake, not a sketch. */
    public static final int MAX_CAPACITY = 1 << 24;

    /** Largest count first; among equal counts the surer one, then by value so the order is stable. */
    private static final Comparator<HeavyHitter> BY_COUNT = Comparator.comparingLong(HeavyHitter::count)
            .thenComparingLong(HeavyHitter::guaranteed)
            .reversed()
            .thenComparing(HeavyHitter::value);

    private final int capacity;
    /** Counter slots: the value, estimated count and error of slot i. */
    private final String[] values;

    private final long[] counts;
    private final long[] errors;
    /** A min-heap of slots on count, so the slot to take over is always {@code heap[0]}. */
    private final int[] heap;
    /** Where each slot is in {@link #heap}. */
    private final int[] heapIndex;

    private final SlotTable table;

    private int size;
    private long total;

    /** A sketch with {@link #DEFAULT_CAPACITY} counters. */
    public ValueSketch() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * @param capacity the number of counters, 1 to {@link #MAX_CAPACITY}; more counters give tighter
     *     bounds ({@code total / capacity}) for about 40 more bytes each plus the values they hold
     */
    public ValueSketch(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be between 1 and " + MAX_CAPACITY + ", was " + capacity);
        }
        this.capacity = capacity;
        this.values = new String[capacity];
        this.counts = new long[capacity];
        this.errors = new long[capacity];
        this.heap = new int[capacity];
        this.heapIndex = new int[capacity];
        this.table = new SlotTable(values);
    }

    /** Counts one occurrence of {@code value}. */
    public void add(String value) {
        add(value, 1);
    }

    /** Counts {@code weight} occurrences of {@code value}; a weight of 0 changes nothing. */
    public void add(String value, long weight) {
        Objects.requireNonNull(value, "value");
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative, was " + weight);
        }
        if (weight == 0) {
            return;
        }
        total += weight;
        int slot = table.find(value);
        if (slot >= 0) {
            counts[slot] += weight;
            siftDown(heapIndex[slot]);
        } else if (size < capacity) {
            slot = size++;
            fill(slot, value, weight, 0);
            heap[slot] = slot;
            heapIndex[slot] = slot;
            siftUp(slot);
        } else {
            slot = heap[0];
            table.remove(values[slot]);
            fill(slot, value, counts[slot] + weight, counts[slot]);
            siftDown(0);
        }
    }

    private void fill(int slot, String value, long count, long error) {
        values[slot] = value;
        counts[slot] = count;
        errors[slot] = error;
        table.insert(slot);
    }

    /**
     * Adds {@code other}'s counts into this sketch (Agarwal et al., "Mergeable summaries", 2012). A value
     * missing from a full sketch may have been seen up to that sketch's smallest count times, so that
     * much is added to both its count and its error; then the largest {@code capacity} counters are kept.
     * The bounds of the class comment still hold for the merged stream.
     */
    public void merge(ValueSketch other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge a sketch into itself");
        }
        long missingHere = unseenBound();
        long missingThere = other.unseenBound();
        List<HeavyHitter> merged = new ArrayList<>(size + other.size);
        for (int slot = 0; slot < size; slot++) {
            int there = other.table.find(values[slot]);
            long addCount = there < 0 ? missingThere : other.counts[there];
            long addError = there < 0 ? missingThere : other.errors[there];
            merged.add(new HeavyHitter(values[slot], counts[slot] + addCount, errors[slot] + addError));
        }
        for (int slot = 0; slot < other.size; slot++) {
            if (table.find(other.values[slot]) < 0) {
                merged.add(new HeavyHitter(
                        other.values[slot], other.counts[slot] + missingHere, other.errors[slot] + missingHere));
            }
        }
        merged.sort(BY_COUNT);
        long mergedTotal = total + other.total;
        clear();
        for (HeavyHitter hitter : merged.subList(0, Math.min(capacity, merged.size()))) {
            int slot = size++;
            fill(slot, hitter.value(), hitter.count(), hitter.error());
            heap[slot] = slot;
            heapIndex[slot] = slot;
            siftUp(slot);
        }
        total = mergedTotal;
    }

    /**
     * The {@code n} values with the largest estimated counts, largest first (ties: larger guaranteed count
     * first, then by value). Counts near the bottom of a full sketch are mostly error: ask for well under
     * {@link #capacity()} values, or look at {@link HeavyHitter#guaranteed()}.
     */
    public List<HeavyHitter> top(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        List<HeavyHitter> all = new ArrayList<>(size);
        for (int slot = 0; slot < size; slot++) {
            all.add(new HeavyHitter(values[slot], counts[slot], errors[slot]));
        }
        all.sort(BY_COUNT);
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    /** The count outside the top {@code n}: {@link #total()} minus the estimated counts of {@link #top}(n). */
    public long tail(int n) {
        long kept = 0;
        for (HeavyHitter hitter : top(n)) {
            kept += hitter.count();
        }
        return total - kept;
    }

    /** Every occurrence counted, kept or not. */
    public long total() {
        return total;
    }

    /** Values currently kept, at most {@link #capacity()}. */
    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * How often a value that is not kept may have been seen: the smallest count once every counter is in
     * use, 0 while some are free (until then every value is kept and counted exactly). Never above {@code total / capacity}.
     */
    public long unseenBound() {
        return size < capacity ? 0 : counts[heap[0]];
    }

    private void clear() {
        table.clear();
        Arrays.fill(values, null);
        size = 0;
        total = 0;
    }

    private void siftUp(int index) {
        int moving = heap[index];
        long count = counts[moving];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (counts[heap[parent]] <= count) {
                break;
            }
            place(heap[parent], index);
            index = parent;
        }
        place(moving, index);
    }

    private void siftDown(int index) {
        int moving = heap[index];
        long count = counts[moving];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            if (child + 1 < size && counts[heap[child + 1]] < counts[heap[child]]) {
                child++;
            }
            if (count <= counts[heap[child]]) {
                break;
            }
            place(heap[child], index);
            index = child;
        }
        place(moving, index);
    }

    private void place(int slot, int index) {
        heap[index] = slot;
        heapIndex[slot] = index;
    }
}
