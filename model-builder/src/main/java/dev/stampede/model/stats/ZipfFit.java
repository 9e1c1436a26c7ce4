package dev.stampede.model.stats;

/**
 * A Zipf law fitted to the counts of a categorical parameter's top values: the value of rank r has
 * probability proportional to {@code r^-exponent}, over ranks 1..{@code ranks}.
 *
 * @param exponent the maximum-likelihood exponent s (0 is uniform; larger is more skewed)
 * @param ranks how many values (ranks) the fit covers
 * @param total the sum of their counts
 * @param ksDistance the largest gap, over ranks, between the observed and the fitted cumulative share
 * @param rSquared R^2 of the least-squares line through (log rank, log count), for reference; NaN
 *     with fewer than three non-zero counts or when all counts are equal
 * @param fits whether the law describes the counts: {@code ranks >= 3} and {@code ksDistance} within
 *     the fitter's threshold
 */
public record ZipfFit(double exponent, int ranks, long total, double ksDistance, double rSquared, boolean fits) {

    /** The fitted probability of {@code rank} (1-based) among the fitted ranks. */
    public double probability(int rank) {
        if (rank < 1 || rank > ranks) {
            throw new IllegalArgumentException("rank must be in 1.." + ranks + ", was " + rank);
        }
        return Math.pow(rank, -exponent) / ZipfFitter.harmonic(ranks, exponent);
    }
}
