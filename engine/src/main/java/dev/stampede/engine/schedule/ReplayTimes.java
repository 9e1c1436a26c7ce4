package dev.stampede.engine.schedule;

import java.util.function.LongSupplier;

/**
 * Intended times of recorded requests replayed at a speed: a record that started at {@code t}
 * microseconds is due at {@code start + (t - t_first) / speed}, where {@code t_first} is the first
 * record's start. The supplier gives the records' start times in microseconds, in time order, and
 * {@link Long#MIN_VALUE} when there are no more (the record store is in start-time order).
 *
 * <p><b>Rounding rule.</b> {@code (t - t_first)} is converted to nanoseconds exactly (x 1000, in
 * longs); at speed 1 that is the offset, otherwise the offset is that value divided by the speed in
 * double and rounded to the nearest nanosecond. Each time is computed from its record, never summed,
 * so nothing drifts; the division is exact to the nanosecond for records under about 100 days apart
 * (2^53 ns), and at speed 2 (or any power of two) it is exact outright.
 *
 * <p><b>Out of order.</b> A record earlier than the one before it is due at the previous record's time
 * (the timeline never goes back, the request is not dropped) and counted in {@link
 * #outOfOrderRecords()}.
 *
 * <p><b>Live speed.</b> {@link #live} replays at a speed that may change while it runs (a speed profile,
 * {@code stampede ctl multiply}): the speed is the rate of a {@link RateIntegral} counting recorded
 * seconds, so a record {@code s} recorded seconds into the pass (plus the passes before it) is due where
 * the integral of the speed reaches {@code s}; at a constant speed that is {@code s / speed}.
 *
 * <p>{@link #next()} is on the hot path and allocates nothing itself; the supplier should not either.
 */
public final class ReplayTimes implements IntendedTimes {

    private final long startNanos;
    private final double speed;
    private final LongSupplier recordStartMicros;
    private final RateIntegral warp; // null: a fixed speed
    private final double baseSeconds;

    private boolean started;
    private boolean ended;
    private long firstMicros;
    private long lastOffsetNanos;
    private double lastAmount;
    private long outOfOrder;

    /**
     * @param startNanos clock time the first record is due at
     * @param speed replay speed, above 0 and finite: 2 replays twice as fast (gaps halved)
     * @param recordStartMicros start times of the records in microseconds, in time order; {@link
     *     Long#MIN_VALUE} at the end
     */
    public ReplayTimes(long startNanos, double speed, LongSupplier recordStartMicros) {
        if (!(speed > 0 && speed < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("speed must be above 0 and finite, got " + speed);
        }
        if (recordStartMicros == null) {
            throw new IllegalArgumentException("recordStartMicros is required");
        }
        this.startNanos = startNanos;
        this.speed = speed;
        this.recordStartMicros = recordStartMicros;
        this.warp = null;
        this.baseSeconds = 0;
    }

    private ReplayTimes(RateIntegral warp, double baseSeconds, LongSupplier recordStartMicros) {
        if (warp == null || recordStartMicros == null) {
            throw new IllegalArgumentException("the speed's integral and recordStartMicros are required");
        }
        this.startNanos = warp.startNanos();
        this.speed = 1;
        this.recordStartMicros = recordStartMicros;
        this.warp = warp;
        this.baseSeconds = baseSeconds;
    }

    /**
     * Records replayed at a live speed: the speed is {@code warp}'s rate (recorded seconds per second),
     * and this pass's first record is {@code baseSeconds} recorded seconds into the replay (0 for the
     * first pass, then the length of the passes before it). One {@code warp} serves every pass.
     */
    public static ReplayTimes live(RateIntegral warp, double baseSeconds, LongSupplier recordStartMicros) {
        return new ReplayTimes(warp, baseSeconds, recordStartMicros);
    }

    /** Hot path: no allocation. */
    @Override
    public long next() {
        if (ended) {
            return END;
        }
        long micros = recordStartMicros.getAsLong();
        if (micros == Long.MIN_VALUE) {
            ended = true;
            return END;
        }
        if (!started) {
            started = true;
            firstMicros = micros;
        }
        long offset;
        if (warp != null) {
            double amount = baseSeconds + (micros - firstMicros) / 1e6;
            if (amount < lastAmount) {
                outOfOrder++; // counted here: the integral never goes back, so the offset below cannot tell
                amount = lastAmount;
            }
            lastAmount = amount;
            offset = warp.offsetOf(amount);
            if (offset == RateIntegral.ENDED) {
                ended = true;
                return END;
            }
        } else {
            offset = offsetNanos(Math.multiplyExact(micros - firstMicros, 1000L));
        }
        if (offset < lastOffsetNanos) {
            outOfOrder++;
            offset = lastOffsetNanos;
        }
        lastOffsetNanos = offset;
        return startNanos + offset;
    }

    private long offsetNanos(long recordedNanos) {
        return scale(recordedNanos, speed);
    }

    /** A recorded gap replayed at {@code speed}, by this class's rounding rule (exact at speed 1). */
    public static long scale(long recordedNanos, double speed) {
        return speed == 1.0 ? recordedNanos : Math.round(recordedNanos / speed);
    }

    /** Records that started before the record preceding them (and were given its time instead). */
    public long outOfOrderRecords() {
        return outOfOrder;
    }
}
