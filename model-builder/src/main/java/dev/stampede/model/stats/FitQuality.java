package dev.stampede.model.stats;

/**
 * How well a fitted distribution matches the sample it was fitted to.
 *
 * @param ksDistance Kolmogorov–Smirnov distance between the distribution and the sample (0..1)
 * @param pValue KS p-value; NaN when no test applies (empirical and constant fits). For a
 *     zero-inflated fit it tests the positive part against the positive values. Parameters estimated
 *     from the same sample make it conservative (too high).
 * @param n how many values were tested: the sample's reservoir, at most its capacity
 * @param chosenBecause why the fitter chose this distribution, for people
 */
public record FitQuality(double ksDistance, double pValue, long n, String chosenBecause) {}
