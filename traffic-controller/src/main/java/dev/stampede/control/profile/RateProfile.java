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

    /**
     * For people: one line, e.g. {@code "ramp 100 -> 5000 over 1m"}; a {@link SequenceProfile} gives one
     * line per phase.
     */
    String describe();

    /**
     * A constant rate that never ends.
     *
     * @throws IllegalArgumentException when the rate is negative, infinite or not a number
     */
    static RateProfile constant(double rate) {
        return new ConstantProfile(rate, Double.POSITIVE_INFINITY);
    }
}
