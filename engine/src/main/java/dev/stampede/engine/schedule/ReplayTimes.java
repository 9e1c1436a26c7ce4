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
 * <p>{@link #next()} is on the hot path and allocates nothing itself; the supplier should not either.
 */
public final class ReplayTimes implements IntendedTimes {

    private final long startNanos;
    private final double speed;
    private final LongSupplier recordStartMicros;

    private boolean started;
    private boolean ended;
    private long firstMicros;
    private long lastOffsetNanos;
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
        long offset = offsetNanos(Math.multiplyExact(micros - firstMicros, 1000L));
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
