package dev.stampede.model.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A streaming sample of doubles in bounded memory: a uniform reservoir of at most {@link #capacity()}
 * values (Vitter's algorithm R) plus exact count, zero count, min, max, mean and variance (Welford)
 * over every value added.
 *
 * <p>The reservoir is a uniform random subset of the values seen; which subset depends only on the
 * generator's seed and the input, so a seeded sample is reproducible. The backing array grows by
 * doubling up to the capacity, so a sample that sees few values costs few bytes.
 *
 * <p>Not thread-safe: one sample belongs to one thread.
 */
public final class BoundedSample {

    /** Reservoir size used when none is given. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private static final int INITIAL_ARRAY = 16;

    private final int capacity;
    private final RandomGenerator random;
    private double[] reservoir;
    private int size;
    private long count;
    private long zeroCount;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private double mean;
    private double sumSquaredDeviations;

    /**
     * A sample keeping at most {@code capacity} values, choosing them with {@code random}.
     *
     * @param capacity the reservoir size, at least 1
     * @param random a seeded generator; the sample uses it from this call on
     */
    public BoundedSample(int capacity, RandomGenerator random) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        if (random == null) {
            throw new IllegalArgumentException("a seeded RandomGenerator is required");
        }
        this.capacity = capacity;
        this.random = random;
        this.reservoir = new double[Math.min(capacity, INITIAL_ARRAY)];
    }

    /** A sample of {@link #DEFAULT_CAPACITY} values whose reservoir choices follow {@code seed}. */
    public static BoundedSample seeded(long seed) {
        return new BoundedSample(DEFAULT_CAPACITY, new SplittableRandom(seed));
    }

    /**
     * Adds one value.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite (a caller's bug, not data)
     */
    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("sample values must be finite, was " + value);
        }
        updateMoments(value);
        if (size < capacity) {
            if (size == reservoir.length) {
                reservoir = Arrays.copyOf(reservoir, Math.min(capacity, size * 2));
            }
            reservoir[size++] = value;
        } else {
            // Algorithm R: the count-th value replaces a random slot with probability capacity/count.
            long slot = random.nextLong(count);
            if (slot < capacity) {
                reservoir[(int) slot] = value;
            }
        }
    }

    private void updateMoments(double value) {
        count++;
        if (value == 0.0) {
            zeroCount++;
        }
        if (count == 1) {
            min = value;
            max = value;
        } else {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double delta = value - mean;
        mean += delta / count;
        sumSquaredDeviations += delta * (value - mean);
    }

    /** How many values were added (all of them, not only those kept). */
    public long count() {
        return count;
    }

    /** How many of the added values were exactly zero. */
    public long zeroCount() {
        return zeroCount;
    }

    /** The smallest value added; NaN when empty. */
    public double min() {
        return min;
    }

    /** The largest value added; NaN when empty. */
    public double max() {
        return max;
    }

    /** The mean of all values added; NaN when empty. */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** The sample variance (divisor {@code count - 1}) of all values added; 0 with fewer than two. */
    public double variance() {
        return count < 2 ? 0.0 : sumSquaredDeviations / (count - 1);
    }

    /** How many values the reservoir holds now: {@code min(count, capacity)}. */
    public int size() {
        return size;
    }

    /** The most values the reservoir will hold. */
    public int capacity() {
        return capacity;
    }

    /** A sorted copy of the values the reservoir holds. */
    public double[] sortedValues() {
        double[] copy = Arrays.copyOf(reservoir, size);
        Arrays.sort(copy);
        return copy;
    }
}
