package dev.stampede.model.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Fits a distribution to a {@link BoundedSample}: exponential, log-normal and gamma by maximum
 * likelihood, and the empirical distribution; chooses by the Kolmogorov–Smirnov test and says why.
 *
 * <p>The choice:
 *
 * <ol>
 *   <li>An empty sample is an error. All values equal: {@link FittedDistribution.Constant}.
 *   <li>Fewer than {@code minSampleSize} values, or any negative value: empirical (a parametric fit to
 *       a handful of points is a guess; the families here are for {@code x >= 0}).
 *   <li>Exact zeros are a point mass with the exact share of zeros seen ({@code zeroCount / count});
 *       the families are fitted to the positive values and wrapped in {@link
 *       FittedDistribution.ZeroInflated}. Too few positive values: empirical.
 *   <li>Each family is KS-tested against the positive values. Among those with {@code p >=
 *       minPValue}, the lowest BIC wins ({@code k ln n - 2 ln L}: likelihood, with a penalty per
 *       parameter so that a gamma does not beat the exponential it contains on noise). The KS test
 *       decides <em>whether</em> a family is good enough, the likelihood <em>which</em> one; choosing
 *       by smallest KS distance would favour the two-parameter families, and choosing the simplest
 *       passing family would take an exponential on a small log-normal sample the test cannot tell
 *       apart. If none passes, the empirical distribution is chosen.
 * </ol>
 *
 * <p>On large real samples the KS test is strict: a family that is merely close is rejected and the
 * empirical distribution is used, which is the safe outcome for replay. Immutable and thread-safe.
 */
public final class DistributionFitter {

    /** KS p-value a parametric family needs to be chosen, unless configured. */
    public static final double DEFAULT_MIN_P_VALUE = 0.01;

    /** Fewest values for a parametric fit, unless configured. */
    public static final int DEFAULT_MIN_SAMPLE_SIZE = 20;

    /** Quantile points of an empirical fit (p0, p1, ..., p100), unless configured. */
    public static final int DEFAULT_EMPIRICAL_POINTS = 101;

    private final double minPValue;
    private final int minSampleSize;
    private final int empiricalPoints;

    /** A fitter with the defaults: p >= 0.01, at least 20 values, 101 empirical points. */
    public DistributionFitter() {
        this(DEFAULT_MIN_P_VALUE, DEFAULT_MIN_SAMPLE_SIZE, DEFAULT_EMPIRICAL_POINTS);
    }

    /**
     * A configured fitter.
     *
     * @param minPValue the KS p-value a parametric family needs to be chosen (0 chooses the closest
     *     family whatever its p-value; above 1 always chooses the empirical distribution)
     * @param minSampleSize the fewest values (and positive values) for a parametric fit, at least 2
     * @param empiricalPoints quantile points of an empirical fit, evenly spaced from p0 to p100, at least 2
     */
    public DistributionFitter(double minPValue, int minSampleSize, int empiricalPoints) {
        if (!(minPValue >= 0)) {
            throw new IllegalArgumentException("minPValue must be >= 0, was " + minPValue);
        }
        if (minSampleSize < 2 || empiricalPoints < 2) {
            throw new IllegalArgumentException("minSampleSize and empiricalPoints must be at least 2");
        }
        this.minPValue = minPValue;
        this.minSampleSize = minSampleSize;
        this.empiricalPoints = empiricalPoints;
    }

    /**
     * Fits {@code sample}.
     *
     * @throws IllegalArgumentException if the sample is empty
     */
    public FitResult fit(BoundedSample sample) {
        if (sample.count() == 0) {
            throw new IllegalArgumentException("cannot fit a distribution to an empty sample");
        }
        double[] sorted = sample.sortedValues();
        int n = sorted.length;
        if (sample.min() == sample.max()) {
            FittedDistribution constant = new FittedDistribution.Constant(sample.min());
            String why = format("all %d values equal %s", sample.count(), sample.min());
            return new FitResult(
                    constant,
                    new FitQuality(0, Double.NaN, n, why),
                    List.of(FitResult.Candidate.untested(constant, 0)));
        }
        FitResult.Candidate empirical = empiricalCandidate(sorted);
        if (n < minSampleSize) {
            return choose(
                    empirical,
                    n,
                    format("only %d values (fewer than %d): too few for a parametric fit", n, minSampleSize),
                    List.of(empirical));
        }
        if (sample.min() < 0) {
            return choose(
                    empirical,
                    n,
                    "negative values present: the parametric families are for x >= 0",
                    List.of(empirical));
        }
        double[] positive = Arrays.copyOfRange(sorted, firstPositive(sorted), n);
        if (positive.length < minSampleSize) {
            String why = format(
                    "only %d positive values (fewer than %d): too few for a parametric fit",
                    positive.length, minSampleSize);
            return choose(empirical, n, why, List.of(empirical));
        }
        double zeroProbability = (double) sample.zeroCount() / sample.count();
        if (positive[0] == positive[positive.length - 1]) {
            return twoValues(zeroProbability, positive[0], sorted, empirical);
        }
        return chooseParametric(zeroProbability, sorted, positive, empirical);
    }

    private FitResult chooseParametric(
            double zeroProbability, double[] sorted, double[] positive, FitResult.Candidate empirical) {
        List<FitResult.Candidate> candidates = new ArrayList<>();
        for (FittedDistribution family : families(positive)) {
            FittedDistribution candidate =
                    zeroProbability > 0 ? new FittedDistribution.ZeroInflated(zeroProbability, family) : family;
            double pValue = KolmogorovSmirnov.pValue(KolmogorovSmirnov.distance(family, positive), positive.length);
            double distance = KolmogorovSmirnov.distance(candidate, sorted);
            candidates.add(
                    new FitResult.Candidate(candidate, distance, pValue, MaximumLikelihood.bic(family, positive)));
        }
        List<FitResult.Candidate> all = new ArrayList<>(candidates);
        all.add(empirical);
        FitResult.Candidate best = candidates.stream()
                .filter(c -> c.pValue() >= minPValue)
                .min(Comparator.comparingDouble(FitResult.Candidate::bic))
                .orElse(null);
        if (best == null) {
            FitResult.Candidate closest = candidates.stream()
                    .min(Comparator.comparingDouble(FitResult.Candidate::ksDistance))
                    .orElseThrow();
            String why = format(
                    "no parametric family passes the KS test at p >= %s (closest: %s, D=%.4f, p=%.3g)",
                    minPValue, family(closest.distribution()), closest.ksDistance(), closest.pValue());
            return choose(empirical, sorted.length, why, all);
        }
        String why = format(
                "%s has the lowest BIC of the families the KS test does not reject (D=%.4f, p=%.3g >= %s)",
                family(best.distribution()), best.ksDistance(), best.pValue(), minPValue);
        return new FitResult(
                best.distribution(), new FitQuality(best.ksDistance(), best.pValue(), sorted.length, why), all);
    }

    private static List<FittedDistribution> families(double[] positive) {
        List<FittedDistribution> families = new ArrayList<>(3);
        families.add(MaximumLikelihood.exponential(positive));
        FittedDistribution logNormal = MaximumLikelihood.logNormal(positive);
        if (logNormal != null) {
            families.add(logNormal);
        }
        FittedDistribution gamma = MaximumLikelihood.gamma(positive);
        if (gamma != null) {
            families.add(gamma);
        }
        return families;
    }

    private FitResult twoValues(double zeroProbability, double value, double[] sorted, FitResult.Candidate empirical) {
        FittedDistribution twoPoint =
                new FittedDistribution.ZeroInflated(zeroProbability, new FittedDistribution.Constant(value));
        double distance = KolmogorovSmirnov.distance(twoPoint, sorted);
        String why = format("only two values: 0 (share %.4f) and %s", zeroProbability, value);
        FitResult.Candidate candidate = FitResult.Candidate.untested(twoPoint, distance);
        return new FitResult(
                twoPoint, new FitQuality(distance, Double.NaN, sorted.length, why), List.of(candidate, empirical));
    }

    private FitResult.Candidate empiricalCandidate(double[] sorted) {
        FittedDistribution.Empirical empirical =
                new FittedDistribution.Empirical(Quantiles.evenlySpaced(sorted, empiricalPoints));
        return FitResult.Candidate.untested(empirical, KolmogorovSmirnov.distance(empirical, sorted));
    }

    private static FitResult choose(FitResult.Candidate chosen, int n, String why, List<FitResult.Candidate> all) {
        return new FitResult(chosen.distribution(), new FitQuality(chosen.ksDistance(), chosen.pValue(), n, why), all);
    }

    private static int firstPositive(double[] sorted) {
        int i = 0;
        while (i < sorted.length && sorted[i] <= 0) {
            i++;
        }
        return i;
    }

    private static String family(FittedDistribution distribution) {
        if (distribution instanceof FittedDistribution.ZeroInflated z) {
            return "zero-inflated " + family(z.positive());
        }
        if (distribution instanceof FittedDistribution.Exponential) {
            return "exponential";
        }
        if (distribution instanceof FittedDistribution.LogNormal) {
            return "lognormal";
        }
        if (distribution instanceof FittedDistribution.Gamma) {
            return "gamma";
        }
        return distribution.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
