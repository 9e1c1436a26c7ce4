package dev.stampede.model.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Fits a Zipf law to value counts by maximum likelihood, the estimator Clauset, Shalizi and Newman
 * (SIAM Review 51, 2009) recommend over a least-squares line on the log-log plot, which is biased.
 *
 * <p>The law is truncated to the ranks given (the top values); the tail beyond them is the caller's.
 * The likelihood is concave in the exponent s, and its derivative is zero where the fitted mean of
 * {@code log rank} equals the observed one; that mean falls as s grows, so bisection finds the root.
 *
 * <p>"Fits" means the cumulative shares agree at every rank within {@code maxKsDistance} (default 0.05:
 * no prefix of the top values differs by more than 5 percentage points of traffic). A distance, not a
 * p-value: with millions of requests any test rejects a law that is close enough for replay.
 */
public final class ZipfFitter {

    /** Default largest KS gap for the law to count as a fit. */
    public static final double DEFAULT_MAX_KS_DISTANCE = 0.05;

    /** Exponents searched: [0, MAX_EXPONENT]. Beyond it the top value is essentially all the traffic. */
    static final double MAX_EXPONENT = 20;

    private static final int MIN_RANKS = 3;

    private final double maxKsDistance;

    /** A fitter with the default threshold (KS distance <= 0.05). */
    public ZipfFitter() {
        this(DEFAULT_MAX_KS_DISTANCE);
    }

    /** A fitter that calls the law a fit when the KS distance is at most {@code maxKsDistance}. */
    public ZipfFitter(double maxKsDistance) {
        if (!(maxKsDistance >= 0 && maxKsDistance <= 1)) {
            throw new IllegalArgumentException("maxKsDistance must be in [0, 1], was " + maxKsDistance);
        }
        this.maxKsDistance = maxKsDistance;
    }

    /**
     * Fits the counts of the top values; their order does not matter (ranks follow descending count).
     *
     * @throws IllegalArgumentException if there are no counts, a count is negative, or all are zero
     */
    public ZipfFit fit(long[] counts) {
        long[] descending = descending(counts);
        int ranks = descending.length;
        long total = 0;
        double sumLogRank = 0;
        for (int r = 1; r <= ranks; r++) {
            total += descending[r - 1];
            sumLogRank += descending[r - 1] * Math.log(r);
        }
        if (total == 0) {
            throw new IllegalArgumentException("all counts are zero");
        }
        double exponent = solveExponent(ranks, sumLogRank / total);
        double distance = ksDistance(descending, total, exponent);
        boolean fits = ranks >= MIN_RANKS && distance <= maxKsDistance;
        return new ZipfFit(exponent, ranks, total, distance, rSquared(descending), fits);
    }

    private static long[] descending(long[] counts) {
        if (counts.length == 0) {
            throw new IllegalArgumentException("no counts to fit");
        }
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        if (sorted[0] < 0) {
            throw new IllegalArgumentException("counts must be >= 0, found " + sorted[0]);
        }
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            long swap = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = swap;
        }
        return sorted;
    }

    private static double solveExponent(int ranks, double observedMeanLogRank) {
        double lo = 0;
        double hi = MAX_EXPONENT;
        if (meanLogRank(ranks, lo) <= observedMeanLogRank) {
            return lo;
        }
        if (meanLogRank(ranks, hi) >= observedMeanLogRank) {
            return hi;
        }
        for (int i = 0; i < 100 && hi - lo > 1e-12; i++) {
            double mid = (lo + hi) / 2;
            if (meanLogRank(ranks, mid) > observedMeanLogRank) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double meanLogRank(int ranks, double s) {
        double weighted = 0;
        double norm = 0;
        for (int r = 1; r <= ranks; r++) {
            double p = Math.pow(r, -s);
            weighted += p * Math.log(r);
            norm += p;
        }
        return weighted / norm;
    }

    private static double ksDistance(long[] descending, long total, double s) {
        double norm = harmonic(descending.length, s);
        double observed = 0;
        double fitted = 0;
        double distance = 0;
        for (int r = 1; r <= descending.length; r++) {
            observed += (double) descending[r - 1] / total;
            fitted += Math.pow(r, -s) / norm;
            distance = Math.max(distance, Math.abs(observed - fitted));
        }
        return distance;
    }

    private static double rSquared(long[] descending) {
        SimpleRegression regression = new SimpleRegression();
        for (int r = 1; r <= descending.length; r++) {
            if (descending[r - 1] > 0) {
                regression.addData(Math.log(r), Math.log(descending[r - 1]));
            }
        }
        return regression.getN() < 3 ? Double.NaN : regression.getRSquare();
    }

    /** The generalised harmonic number H(ranks, s) = sum of r^-s for r = 1..ranks. */
    static double harmonic(int ranks, double s) {
        double sum = 0;
        for (int r = 1; r <= ranks; r++) {
            sum += Math.pow(r, -s);
        }
        return sum;
    }
}
