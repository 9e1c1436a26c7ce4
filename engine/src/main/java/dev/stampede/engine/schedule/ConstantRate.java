package dev.stampede.engine.schedule;

/**
 * A fixed rate: event {@code i} (from 0) is due at {@code start + floor(i * 1e18 / R)} nanoseconds,
 * where {@code R = round(ratePerSecond * 1e9)} is the rate in events per 10^9 seconds, for every
 * {@code i} whose offset is below the duration (the interval is half-open, so 1 s at 1000/s is exactly
 * 1000 events, the first at {@code start}).
 *
 * <p><b>Rounding rule.</b> The rate is rounded to the nearest 10^-9 events per second; after that each
 * time is the exact floor above, never an accumulated sum of rounded periods, so there is no drift: the
 * 10-millionth event is where the formula puts it. For an integer rate {@code r} this is exactly {@code
 * start + floor(i * 1_000_000_000 / r)}. The period is kept as a whole part and a remainder over
 * {@code R}, and the remainder carries into the whole nanoseconds like long division, with longs only.
 *
 * <p>Rates from 10^-9 to 10^9 per second (one event a nanosecond) are accepted.
 */
public final class ConstantRate implements IntendedTimes {

    /** The fastest rate accepted: one event a nanosecond. */
    public static final double MAX_RATE_PER_SECOND = 1e9;

    private static final long SCALED_SECOND_NANOS = 1_000_000_000_000_000_000L; // 1e9 ns x 1e9 scale

    private final long startNanos;
    private final long durationNanos;
    private final long scaledRate;
    private final long periodWholeNanos;
    private final long periodRemainder;

    private long offsetNanos;
    private long carry; // the fraction of a nanosecond owed, in units of 1/scaledRate, always < scaledRate

    /**
     * @param startNanos clock time of the first event
     * @param ratePerSecond events per second, from 1e-9 to 1e9, rounded to the nearest 1e-9
     * @param durationNanos events are due at offsets {@code [0, durationNanos)} from the start; {@code
     *     Long.MAX_VALUE} for no end
     */
    public ConstantRate(long startNanos, double ratePerSecond, long durationNanos) {
        if (!(ratePerSecond > 0 && ratePerSecond <= MAX_RATE_PER_SECOND)) {
            throw new IllegalArgumentException("rate must be above 0 and at most 1e9 per second, got " + ratePerSecond);
        }
        long scaled = Math.round(ratePerSecond * 1e9);
        if (scaled < 1) {
            throw new IllegalArgumentException("rate below 1e-9 per second: " + ratePerSecond);
        }
        if (durationNanos < 0) {
            throw new IllegalArgumentException("duration must not be negative, got " + durationNanos + " ns");
        }
        this.startNanos = startNanos;
        this.durationNanos = durationNanos;
        this.scaledRate = scaled;
        this.periodWholeNanos = SCALED_SECOND_NANOS / scaled;
        this.periodRemainder = SCALED_SECOND_NANOS % scaled;
    }

    /** Hot path: no allocation. */
    @Override
    public long next() {
        long due = offsetNanos;
        if (due >= durationNanos) {
            return END;
        }
        if (durationNanos - due <= periodWholeNanos) {
            offsetNanos = durationNanos; // the next event would be at or past the end
        } else {
            long following = due + periodWholeNanos;
            carry += periodRemainder; // below 2 x scaledRate <= 2e18: no overflow
            if (carry >= scaledRate) {
                carry -= scaledRate;
                following++;
            }
            offsetNanos = following;
        }
        return startNanos + due;
    }
}
