package dev.stampede.model.stats;

/** Quantiles of a sorted sample. */
public final class Quantiles {

    private Quantiles() {}

    /**
     * {@code points} quantiles at probabilities {@code 0, 1/(points-1), ..., 1}, interpolating linearly
     * between order statistics (Hyndman and Fan's type 7, the default of R and NumPy): p0 is the
     * minimum and p100 the maximum.
     */
    static double[] evenlySpaced(double[] sorted, int points) {
        double[] quantiles = new double[points];
        for (int i = 0; i < points; i++) {
            quantiles[i] = of(sorted, (double) i / (points - 1));
        }
        return quantiles;
    }

    /** The quantile at probability {@code p} of a non-empty sorted sample, interpolated the same way. */
    public static double of(double[] sorted, double p) {
        int last = sorted.length - 1;
        double h = p * last;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, last);
        // min(): rounding must not lift a quantile above the next order statistic.
        return Math.min(sorted[hi], sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]));
    }
}
