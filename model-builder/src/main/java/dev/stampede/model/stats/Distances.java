package dev.stampede.model.stats;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The distances and indices the fidelity check reports. Stateless. */
public final class Distances {

    private Distances() {}

    /**
     * Total variation distance between two categorical distributions given as counts: half the sum over
     * categories of the absolute difference in share, 0 (same shares) to 1 (disjoint). Two empty maps
     * are at distance 0; an empty map and a non-empty one at distance 1.
     *
     * @throws IllegalArgumentException on a negative or null count
     */
    public static double totalVariation(Map<String, Long> a, Map<String, Long> b) {
        double totalA = total(a);
        double totalB = total(b);
        if (totalA == 0 || totalB == 0) {
            return totalA == totalB ? 0.0 : 1.0;
        }
        Set<String> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        double sum = 0;
        for (String key : keys) {
            sum += Math.abs(a.getOrDefault(key, 0L) / totalA - b.getOrDefault(key, 0L) / totalB);
        }
        return Math.min(1.0, sum / 2);
    }

    /**
     * Two-sample Kolmogorov–Smirnov distance between the reservoirs of two samples: the largest gap
     * between their empirical CDFs (0..1), correct with repeated values.
     *
     * @throws IllegalArgumentException if either sample is empty
     */
    public static double ks(BoundedSample a, BoundedSample b) {
        requireValues(a);
        requireValues(b);
        return KolmogorovSmirnov.distance(a.sortedValues(), b.sortedValues());
    }

    /**
     * One-sample Kolmogorov–Smirnov distance between a distribution and a sample's reservoir (0..1),
     * correct with repeated values and with point masses in the distribution.
     *
     * @throws IllegalArgumentException if the sample is empty
     */
    public static double ks(FittedDistribution distribution, BoundedSample sample) {
        requireValues(sample);
        return KolmogorovSmirnov.distance(distribution, sample.sortedValues());
    }

    /**
     * Index of dispersion of a count series (e.g. requests per second): sample variance (divisor n-1)
     * over mean. 1 for Poisson arrivals, above 1 for bursty ones, below 1 for evenly paced ones. NaN
     * with fewer than two counts or a zero mean.
     */
    public static double dispersionIndex(long[] counts) {
        if (counts.length < 2) {
            return Double.NaN;
        }
        double mean = 0;
        double sumSquares = 0;
        for (int i = 0; i < counts.length; i++) {
            double delta = counts[i] - mean;
            mean += delta / (i + 1);
            sumSquares += delta * (counts[i] - mean);
        }
        return mean == 0 ? Double.NaN : sumSquares / (counts.length - 1) / mean;
    }

    private static double total(Map<String, Long> counts) {
        double total = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            Long count = entry.getValue();
            if (count == null || count < 0) {
                throw new IllegalArgumentException("count of '" + entry.getKey() + "' must be >= 0, was " + count);
            }
            total += count;
        }
        return total;
    }

    private static void requireValues(BoundedSample sample) {
        if (sample.size() == 0) {
            throw new IllegalArgumentException("KS distance needs a non-empty sample");
        }
    }
}
