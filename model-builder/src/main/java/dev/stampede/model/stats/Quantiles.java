package dev.stampede.model.stats;

/** Quantiles of a sorted sample. */
final class Quantiles {

    private Quantiles() {}

    /**
     * {@code points} quantiles at probabilities {@code 0, 1/(points-1), ..., 1}, interpolating linearly
     * between order statistics (Hyndman and Fan's type 7, the default of R and NumPy): p0 is the
     * minimum and p100 the maximum.
     */
    static double[] evenlySpaced(double[] sorted, int points) {
        double[] quantiles = new double[points];
        int last = sorted.length - 1;
        for (int i = 0; i < points; i++) {
            double h = (double) i / (points - 1) * last;
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, last);
            // min(): rounding must not lift a quantile above the next order statistic.
            quantiles[i] = Math.min(sorted[hi], sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]));
        }
        return quantiles;
    }
}
