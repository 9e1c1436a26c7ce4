package dev.stampede.model.stats;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;

/**
 * A distribution of non-negative reals fitted to a sample (think times, session lengths, numeric
 * parameters), as the engine samples it and {@code model.json} stores it.
 *
 * <p>JSON form: an object with a {@code type} discriminator and the family's parameters, e.g. {@code
 * {"type":"lognormal","mu":0.4,"sigma":0.9}}. {@link #sample} is allocation-free; give each thread
 * its own generator.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FittedDistribution.Exponential.class, name = "exponential"),
    @JsonSubTypes.Type(value = FittedDistribution.LogNormal.class, name = "lognormal"),
    @JsonSubTypes.Type(value = FittedDistribution.Gamma.class, name = "gamma"),
    @JsonSubTypes.Type(value = FittedDistribution.Empirical.class, name = "empirical"),
    @JsonSubTypes.Type(value = FittedDistribution.Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = FittedDistribution.ZeroInflated.class, name = "zeroInflated")
})
public sealed interface FittedDistribution {

    /** One draw, using {@code random} only. */
    double sample(RandomGenerator random);

    /** P(X <= x). */
    double cdf(double x);

    /** The distribution's mean, for summaries. */
    double mean();

    /** The exponential distribution with the given mean ({@code mean > 0}). */
    record Exponential(double mean) implements FittedDistribution {
        public Exponential {
            requirePositive("mean", mean);
        }

        @Override
        public double sample(RandomGenerator random) {
            return -mean * Math.log1p(-random.nextDouble());
        }

        @Override
        public double cdf(double x) {
            return x <= 0 ? 0.0 : -Math.expm1(-x / mean);
        }
    }

    /** The log-normal distribution: {@code log X} is normal with mean {@code mu}, deviation {@code sigma > 0}. */
    record LogNormal(double mu, double sigma) implements FittedDistribution {
        private static final double SQRT2 = Math.sqrt(2.0);

        public LogNormal {
            requireFinite("mu", mu);
            requirePositive("sigma", sigma);
        }

        @Override
        public double sample(RandomGenerator random) {
            return Math.exp(mu + sigma * random.nextGaussian());
        }

        @Override
        public double cdf(double x) {
            return x <= 0 ? 0.0 : 0.5 * Erf.erfc(-(Math.log(x) - mu) / (sigma * SQRT2));
        }

        @Override
        public double mean() {
            return Math.exp(mu + sigma * sigma / 2);
        }
    }

    /** The gamma distribution with {@code shape > 0} and {@code scale > 0} (mean {@code shape * scale}). */
    record Gamma(double shape, double scale) implements FittedDistribution {
        public Gamma {
            requirePositive("shape", shape);
            requirePositive("scale", scale);
        }

        @Override
        public double sample(RandomGenerator random) {
            return GammaSampler.sample(shape, random) * scale;
        }

        @Override
        public double cdf(double x) {
            return x <= 0 ? 0.0 : org.apache.commons.math3.special.Gamma.regularizedGammaP(shape, x / scale);
        }

        @Override
        public double mean() {
            return shape * scale;
        }
    }

    /**
     * The empirical distribution as quantiles at evenly spaced probabilities: {@code quantiles[i]} is
     * the {@code i / (quantiles.length - 1)} quantile (101 points: p0, p1, ..., p100). Between points
     * the distribution is uniform (the CDF is linear); repeated points are a point mass.
     */
    record Empirical(double[] quantiles) implements FittedDistribution {
        public Empirical {
            if (quantiles == null || quantiles.length < 2) {
                throw new IllegalArgumentException("an empirical distribution needs at least two quantiles");
            }
            quantiles = quantiles.clone();
            for (int i = 0; i < quantiles.length; i++) {
                requireFinite("quantile", quantiles[i]);
                if (i > 0 && quantiles[i] < quantiles[i - 1]) {
                    throw new IllegalArgumentException("quantiles must not decrease, at index " + i);
                }
            }
        }

        /** A copy of the quantiles. */
        @Override
        public double[] quantiles() {
            return quantiles.clone();
        }

        @Override
        public double sample(RandomGenerator random) {
            int last = quantiles.length - 1;
            double position = random.nextDouble() * last;
            // nextDouble() < 1, but the product can round up to last.
            int i = Math.min((int) position, last - 1);
            return quantiles[i] + (position - i) * (quantiles[i + 1] - quantiles[i]);
        }

        @Override
        public double cdf(double x) {
            int last = quantiles.length - 1;
            if (x < quantiles[0]) {
                return 0.0;
            }
            if (x >= quantiles[last]) {
                return 1.0;
            }
            int i = lastIndexAtOrBelow(x);
            return (i + (x - quantiles[i]) / (quantiles[i + 1] - quantiles[i])) / last;
        }

        private int lastIndexAtOrBelow(double x) {
            int lo = 0;
            int hi = quantiles.length - 1;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (quantiles[mid] <= x) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        @Override
        public double mean() {
            double sum = 0;
            for (int i = 1; i < quantiles.length; i++) {
                sum += (quantiles[i - 1] + quantiles[i]) / 2;
            }
            return sum / (quantiles.length - 1);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Empirical that && Arrays.equals(quantiles, that.quantiles);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(quantiles);
        }

        @Override
        public String toString() {
            return "Empirical" + Arrays.toString(quantiles);
        }
    }

    /** Always {@code value}: the fit of a sample whose values are all equal. */
    record Constant(double value) implements FittedDistribution {
        public Constant {
            requireFinite("value", value);
        }

        @Override
        public double sample(RandomGenerator random) {
            return value;
        }

        @Override
        public double cdf(double x) {
            return x < value ? 0.0 : 1.0;
        }

        @Override
        public double mean() {
            return value;
        }
    }

    /**
     * Zero with probability {@code zeroProbability}, otherwise a draw from {@code positive}: a point mass
     * at 0 (e.g. requests fired together) next to a family fitted to the positive values.
     */
    record ZeroInflated(double zeroProbability, FittedDistribution positive) implements FittedDistribution {
        public ZeroInflated {
            if (!(zeroProbability >= 0 && zeroProbability < 1)) {
                throw new IllegalArgumentException("zeroProbability must be in [0, 1), was " + zeroProbability);
            }
            if (positive == null) {
                throw new IllegalArgumentException("positive part is required");
            }
        }

        @Override
        public double sample(RandomGenerator random) {
            return random.nextDouble() < zeroProbability ? 0.0 : positive.sample(random);
        }

        @Override
        public double cdf(double x) {
            return x < 0 ? 0.0 : zeroProbability + (1 - zeroProbability) * positive.cdf(x);
        }

        @Override
        public double mean() {
            return (1 - zeroProbability) * positive.mean();
        }
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be positive and finite, was " + value);
        }
    }
}
