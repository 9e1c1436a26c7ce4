package dev.stampede.model.arrival;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Scales a count curve by a factor into whole counts that keep its total exact: the largest-remainder
 * (Hamilton) method. Stateless.
 */
public final class LargestRemainder {

    /** Scaled totals past this are refused: they could not be counted in a long without loss. */
    private static final double MAX_TOTAL = 0x1p62;

    private LargestRemainder() {}

    /**
     * {@code counts} times {@code factor}, each rounded down, then one more for the seconds with the
     * largest fractional parts (ties: the earliest second) until the total is exactly {@code
     * Math.round(total * factor)}. Each result is within one of its exact product, so the shape is kept
     * (a second with no requests stays empty). Factor 1 gives the curve back; factor 0 all zeros.
     *
     * @param counts non-negative counts (e.g. requests per second)
     * @param factor a finite factor, at least 0
     * @return a new array of the same length
     * @throws IllegalArgumentException on a negative count, a negative or non-finite factor, or a scaled
     *     total past 2^62
     */
    public static long[] scale(long[] counts, double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be finite and >= 0, not " + factor);
        }
        long total = 0;
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("counts must be >= 0, not " + count);
            }
            total += count;
        }
        if (total * factor > MAX_TOTAL) {
            throw new IllegalArgumentException(total + " x " + factor + " is too many to count");
        }
        long target = Math.round(total * factor);
        long[] scaled = new long[counts.length];
        double[] remainders = new double[counts.length];
        long floors = 0;
        for (int i = 0; i < counts.length; i++) {
            double exact = counts[i] * factor;
            scaled[i] = (long) Math.floor(exact);
            remainders[i] = exact - scaled[i];
            floors += scaled[i];
        }
        distribute(counts, scaled, remainders, target - floors);
        return scaled;
    }

    /**
     * Adds {@code missing} ones to the largest remainders among the seconds with counts. In exact
     * arithmetic {@code 0 <= missing <=} the number of positive remainders; double rounding of the
     * products can put it one outside, so a negative {@code missing} takes from the smallest remainders
     * and a surplus wraps round. Seconds without counts never change.
     */
    private static void distribute(long[] counts, long[] scaled, double[] remainders, long missing) {
        if (missing == 0) {
            return;
        }
        int[] nonEmpty =
                IntStream.range(0, counts.length).filter(i -> counts[i] > 0).toArray();
        // Largest remainder first; equal remainders in second order (the sort is stable).
        int[] order = Arrays.stream(nonEmpty)
                .boxed()
                .sorted((a, b) -> Double.compare(remainders[b], remainders[a]))
                .mapToInt(Integer::intValue)
                .toArray();
        for (long given = 0; given < missing; given++) {
            scaled[order[(int) (given % order.length)]]++;
        }
        for (int j = order.length - 1; missing < 0 && j >= 0; j--) {
            if (scaled[order[j]] > 0) {
                scaled[order[j]]--;
                missing++;
            }
        }
    }
}
