package dev.stampede.model.stats;

import java.util.List;

/**
 * The outcome of {@link DistributionFitter#fit}: the chosen distribution, its fit quality, and every
 * candidate that was considered (for the summary and for judging the choice).
 *
 * @param distribution the chosen distribution
 * @param fit the chosen distribution's fit quality and the reason it was chosen
 * @param candidates every candidate with its KS distance and p-value, parametric ones first
 */
public record FitResult(FittedDistribution distribution, FitQuality fit, List<Candidate> candidates) {

    public FitResult {
        candidates = List.copyOf(candidates);
    }

    /**
     * One candidate fit.
     *
     * @param distribution the fitted candidate
     * @param ksDistance its KS distance to the sample
     * @param pValue its KS p-value, NaN for the empirical candidate
     * @param bic its Bayesian information criterion on the positive values (lower is better), NaN for
     *     the empirical candidate
     */
    public record Candidate(FittedDistribution distribution, double ksDistance, double pValue, double bic) {

        /** A candidate that no test or criterion applies to (empirical, constant). */
        static Candidate untested(FittedDistribution distribution, double ksDistance) {
            return new Candidate(distribution, ksDistance, Double.NaN, Double.NaN);
        }
    }
}
