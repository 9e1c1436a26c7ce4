package dev.stampede.testbed.users;

import dev.stampede.testbed.data.Draws;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A think-time (or away-time) distribution, in seconds, as written in a behaviour file: {@code
 * constant}, {@code exponential}, {@code lognormal} (with {@code cv}) or {@code gamma} (with {@code
 * shape}); each with {@code meanSeconds}.
 *
 * @param type distribution family
 * @param meanSeconds mean, seconds (positive)
 * @param cv coefficient of variation (lognormal only)
 * @param shape shape parameter k (gamma only)
 */
public record ThinkTime(String type, double meanSeconds, Double cv, Double shape) {

    /**
     * Checks the parameters.
     *
     * @param where the field path to name in errors, e.g. {@code thinkTime.quote}
     * @throws IllegalArgumentException naming {@code where} and the problem
     */
    ThinkTime validate(String where) {
        if (type == null) {
            throw new IllegalArgumentException(where + ".type is required (constant, exponential, lognormal, gamma)");
        }
        if (!(meanSeconds > 0) || meanSeconds > 86_400) {
            throw new IllegalArgumentException(where + ".meanSeconds must be in (0, 86400], got " + meanSeconds);
        }
        switch (type.toLowerCase(Locale.ROOT)) {
            case "constant", "exponential" -> {}
            case "lognormal" -> {
                if (cv == null || !(cv > 0) || cv > 10) {
                    throw new IllegalArgumentException(where + ".cv must be in (0, 10] for lognormal, got " + cv);
                }
            }
            case "gamma" -> {
                if (shape == null || !(shape > 0) || shape > 1000) {
                    throw new IllegalArgumentException(where + ".shape must be in (0, 1000] for gamma, got " + shape);
                }
            }
            default ->
                throw new IllegalArgumentException(
                        where + ".type '" + type + "' is not one of constant, exponential, lognormal, gamma");
        }
        return this;
    }

    /** One draw, in seconds. */
    double sampleSeconds(SplittableRandom random) {
        switch (type.toLowerCase(Locale.ROOT)) {
            case "constant":
                return meanSeconds;
            case "exponential":
                return -meanSeconds * Math.log(1.0 - random.nextDouble());
            case "lognormal":
                double sigma = Math.sqrt(Math.log(1 + cv * cv));
                double mu = Math.log(meanSeconds) - sigma * sigma / 2;
                return Math.exp(mu + sigma * Draws.gaussian(random));
            case "gamma":
                return gamma(shape, random) * meanSeconds / shape;
            default:
                throw new IllegalStateException("unvalidated think time " + type);
        }
    }

    /** A standard gamma(k, 1) draw: Marsaglia and Tsang (2000), with the usual boost for k < 1. */
    private static double gamma(double k, SplittableRandom random) {
        if (k < 1) {
            return gamma(k + 1, random) * Math.pow(random.nextDouble(), 1 / k);
        }
        double d = k - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = Draws.gaussian(random);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
