package dev.stampede.control.profile;

/**
 * A rate over time: a pure function from the seconds since the run started to the rate wanted then, in
 * the run's rate unit (requests per second for a URL or model source, the speed factor for a replay).
 * The engine's scheduler integrates it, sampling it every millisecond.
 *
 * <p>Implementations are immutable, thread-safe, allocation-free in {@link #rateAt}, and never return a
 * negative or NaN rate.
 */
public interface RateProfile {

    /** The rate at {@code seconds} since the start (0 or more). Hot path: cheap, allocation-free. */
    double rateAt(double seconds);

    /** How long the profile lasts in seconds; {@code Double.POSITIVE_INFINITY} when it never ends. */
    double seconds();

    /** The highest rate it ever asks for (to size rings and pools, and to check a ceiling). */
    double peak();

    /** One line for people, e.g. {@code "ramp 100 -> 5000 over 60 s"}. */
    String describe();

    /** A constant rate that never ends. */
    static RateProfile constant(double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("a rate is 0 or more, got " + rate);
        }
        return new RateProfile() {
            @Override
            public double rateAt(double seconds) {
                return rate;
            }

            @Override
            public double seconds() {
                return Double.POSITIVE_INFINITY;
            }

            @Override
            public double peak() {
                return rate;
            }

            @Override
            public String describe() {
                return "constant " + Rates.format(rate);
            }
        };
    }
}
