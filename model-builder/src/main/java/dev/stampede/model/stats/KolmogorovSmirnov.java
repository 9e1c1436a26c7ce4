package dev.stampede.model.stats;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Kolmogorov–Smirnov distances that stay right when values repeat, and the one-sample p-value.
 *
 * <p>commons-math3's statistics assume no ties: its one-sample statistic compares {@code F(x_i)} with
 * both {@code (i-1)/n} and {@code i/n} at every copy of a repeated value, so a sample with 30% zeros
 * scores at least 0.3 against the very distribution it came from. Here each distinct value is visited
 * once, comparing the model's CDF just below and at the value with the empirical CDF below and at it.
 * On tie-free data the result equals commons-math3's (tested). The p-value comes from commons-math3's
 * KS distribution.
 */
final class KolmogorovSmirnov {

    private static final KolmogorovSmirnovTest TEST = new KolmogorovSmirnovTest();

    private KolmogorovSmirnov() {}

    /** sup |F(x) - F_n(x)| between a distribution and a sorted, non-empty sample. */
    static double distance(FittedDistribution model, double[] sorted) {
        int n = sorted.length;
        double d = 0;
        int i = 0;
        while (i < n) {
            double value = sorted[i];
            int end = i;
            while (end < n && sorted[end] == value) {
                end++;
            }
            double below = model.cdf(Math.nextDown(value));
            double at = model.cdf(value);
            d = Math.max(d, Math.max(Math.abs(below - (double) i / n), Math.abs(at - (double) end / n)));
            i = end;
        }
        return d;
    }

    /** sup |F_a(x) - F_b(x)| between two sorted, non-empty samples. */
    static double distance(double[] a, double[] b) {
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < a.length && j < b.length) {
            double value = Math.min(a[i], b[j]);
            while (i < a.length && a[i] <= value) {
                i++;
            }
            while (j < b.length && b[j] <= value) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return d;
    }

    /**
     * P(D_n >= d) for a sample of size n drawn from a fully specified continuous distribution. When the
     * parameters were estimated from the same sample the true p-value is smaller (Lilliefors): this one
     * is conservative, it rejects too rarely.
     */
    static double pValue(double d, int n) {
        return Math.max(0.0, 1.0 - TEST.cdf(d, n));
    }
}
