package dev.stampede.testbed.core;

import dev.stampede.testbed.data.Draws;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How long the trading core works on one order. The mean is fixed by the configured capacity
 * ({@code workers / capacity}); the shape is chosen by name: {@code constant}, {@code uniform} (mean
 * ±50%), {@code exponential}, or {@code lognormal[:cv]} (coefficient of variation, default 0.5).
 */
public abstract class ServiceTime {

    private final long meanNanos;

    ServiceTime(long meanNanos) {
        if (meanNanos <= 0) {
            throw new IllegalArgumentException("mean service time must be positive, got " + meanNanos + " ns");
        }
        this.meanNanos = meanNanos;
    }

    /** The mean service time in nanoseconds. */
    public final long meanNanos() {
        return meanNanos;
    }

    /** One service time in nanoseconds, drawn with {@code random}. */
    public abstract long sampleNanos(SplittableRandom random);

    /**
     * Parses a distribution name.
     *
     * @throws IllegalArgumentException naming the accepted forms when {@code spec} is not one of them
     */
    public static ServiceTime parse(String spec, long meanNanos) {
        String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":", 2);
        switch (parts[0]) {
            case "constant":
                noParameter(spec, parts);
                return new Constant(meanNanos);
            case "uniform":
                noParameter(spec, parts);
                return new Uniform(meanNanos);
            case "exponential":
                noParameter(spec, parts);
                return new Exponential(meanNanos);
            case "lognormal":
                double cv = parts.length == 2 ? parseCv(spec, parts[1]) : 0.5;
                return new LogNormal(meanNanos, cv);
            default:
                throw new IllegalArgumentException("unknown service-time distribution '" + spec
                        + "'; use constant, uniform, exponential or lognormal[:cv]");
        }
    }

    private static void noParameter(String spec, String[] parts) {
        if (parts.length > 1) {
            throw new IllegalArgumentException("service-time distribution '" + spec + "' takes no parameter");
        }
    }

    private static double parseCv(String spec, String text) {
        try {
            double cv = Double.parseDouble(text);
            if (cv > 0 && cv <= 5) {
                return cv;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException("in '" + spec + "': cv must be a number in (0, 5]");
    }

    static final class Constant extends ServiceTime {
        Constant(long meanNanos) {
            super(meanNanos);
        }

        @Override
        public long sampleNanos(SplittableRandom random) {
            return meanNanos();
        }

        @Override
        public String toString() {
            return "constant";
        }
    }

    static final class Uniform extends ServiceTime {
        Uniform(long meanNanos) {
            super(meanNanos);
        }

        @Override
        public long sampleNanos(SplittableRandom random) {
            return (long) (meanNanos() * (0.5 + random.nextDouble()));
        }

        @Override
        public String toString() {
            return "uniform";
        }
    }

    static final class Exponential extends ServiceTime {
        Exponential(long meanNanos) {
            super(meanNanos);
        }

        @Override
        public long sampleNanos(SplittableRandom random) {
            return (long) (-meanNanos() * Math.log(1.0 - random.nextDouble()));
        }

        @Override
        public String toString() {
            return "exponential";
        }
    }

    static final class LogNormal extends ServiceTime {
        private final double mu;
        private final double sigma;
        private final double cv;

        LogNormal(long meanNanos, double cv) {
            super(meanNanos);
            this.cv = cv;
            this.sigma = Math.sqrt(Math.log(1 + cv * cv));
            this.mu = Math.log(meanNanos) - sigma * sigma / 2;
        }

        @Override
        public long sampleNanos(SplittableRandom random) {
            return (long) Math.exp(mu + sigma * Draws.gaussian(random));
        }

        @Override
        public String toString() {
            return "lognormal:" + cv;
        }
    }
}
