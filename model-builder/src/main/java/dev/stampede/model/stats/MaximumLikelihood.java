package dev.stampede.model.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * Maximum-likelihood estimates of the positive families from positive values. Each returns null when
 * the values do not determine the family (all equal, or a numerical failure).
 */
final class MaximumLikelihood {

    private static final int MAX_NEWTON_STEPS = 100;

    private MaximumLikelihood() {}

    /** Exponential: the mean. */
    static FittedDistribution.Exponential exponential(double[] positive) {
        return new FittedDistribution.Exponential(mean(positive));
    }

    /** Log-normal: mean and (divisor n) deviation of {@code log x}. */
    static FittedDistribution.LogNormal logNormal(double[] positive) {
        double mu = meanLog(positive);
        double sum = 0;
        for (double x : positive) {
            double deviation = Math.log(x) - mu;
            sum += deviation * deviation;
        }
        double sigma = Math.sqrt(sum / positive.length);
        return sigma > 0 ? new FittedDistribution.LogNormal(mu, sigma) : null;
    }

    /**
     * Gamma: the shape k solves {@code log k - digamma(k) = log(mean) - mean(log x)}, by Newton's method
     * from Minka's closed-form start (within 1.5% of the root); scale = mean / k.
     */
    static FittedDistribution.Gamma gamma(double[] positive) {
        double mean = mean(positive);
        double s = Math.log(mean) - meanLog(positive);
        if (!(s > 0)) {
            return null;
        }
        double k = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
        for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
            double f = Math.log(k) - Gamma.digamma(k) - s;
            double slope = 1 / k - Gamma.trigamma(k);
            double next = k - f / slope;
            if (!(next > 0)) {
                next = k / 2;
            }
            boolean converged = Math.abs(next - k) <= 1e-12 * k;
            k = next;
            if (converged) {
                break;
            }
        }
        return Double.isFinite(k) && k > 0 ? new FittedDistribution.Gamma(k, mean / k) : null;
    }

    /**
     * Bayesian information criterion of a fitted family on the positive values: {@code k ln n - 2 ln L}
     * with k parameters. Lower is better; the {@code k ln n} term stops a two-parameter family winning
     * on the few likelihood points its extra parameter always buys.
     */
    static double bic(FittedDistribution family, double[] positive) {
        int parameters = family instanceof FittedDistribution.Exponential ? 1 : 2;
        return parameters * Math.log(positive.length) - 2 * logLikelihood(family, positive);
    }

    private static double logLikelihood(FittedDistribution family, double[] positive) {
        double sum = 0;
        if (family instanceof FittedDistribution.Exponential e) {
            for (double x : positive) {
                sum += -Math.log(e.mean()) - x / e.mean();
            }
        } else if (family instanceof FittedDistribution.LogNormal l) {
            double constant = -Math.log(l.sigma()) - 0.5 * Math.log(2 * Math.PI);
            for (double x : positive) {
                double z = (Math.log(x) - l.mu()) / l.sigma();
                sum += constant - Math.log(x) - z * z / 2;
            }
        } else if (family instanceof FittedDistribution.Gamma g) {
            double constant = -g.shape() * Math.log(g.scale()) - Gamma.logGamma(g.shape());
            for (double x : positive) {
                sum += constant + (g.shape() - 1) * Math.log(x) - x / g.scale();
            }
        } else {
            throw new IllegalArgumentException("no likelihood for " + family);
        }
        return sum;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double x : values) {
            sum += x;
        }
        return sum / values.length;
    }

    private static double meanLog(double[] positive) {
        double sum = 0;
        for (double x : positive) {
            sum += Math.log(x);
        }
        return sum / positive.length;
    }
}
