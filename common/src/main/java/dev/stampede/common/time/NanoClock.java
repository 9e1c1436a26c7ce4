package dev.stampede.common.time;

/**
 * A source of time. Monotonic {@link #nanoTime()} measures intervals (intended send times, latency,
 * send lag); {@link #epochMillis()} stamps results with wall-clock time and is never used to measure.
 */
public interface NanoClock {

    /**
     * Monotonic time in nanoseconds from an arbitrary origin: only differences between two readings
     * of the same clock mean anything. Never decreases.
     */
    long nanoTime();

    /** Wall-clock time in milliseconds since 1970-01-01T00:00Z, for timestamps in result files. */
    long epochMillis();

    /** The system clock, for production use. */
    static NanoClock system() {
        return SystemNanoClock.INSTANCE;
    }
}
