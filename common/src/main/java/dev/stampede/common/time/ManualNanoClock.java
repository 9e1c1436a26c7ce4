package dev.stampede.common.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to, for tests and simulations. Both readings advance together:
 * after {@code advance(d)}, {@link #nanoTime()} is {@code d} nanoseconds later and {@link
 * #epochMillis()} is the start instant plus the total elapsed time, rounded down to the millisecond.
 *
 * <p>Thread-safe: concurrent {@link #advance} calls all take effect. Time never goes back.
 */
public final class ManualNanoClock implements NanoClock {

    private final long startNanoTime;
    private final long startEpochMillis;
    private final AtomicLong nanoTime;

    /** A clock whose monotonic reading starts at {@code startNanoTime} and wall clock at {@code startEpochMillis}. */
    public ManualNanoClock(long startNanoTime, long startEpochMillis) {
        this.startNanoTime = startNanoTime;
        this.startEpochMillis = startEpochMillis;
        this.nanoTime = new AtomicLong(startNanoTime);
    }

    /** A clock at monotonic 0 and wall-clock 2026-01-01T00:00:00Z, a fixed instant tests can assert. */
    public ManualNanoClock() {
        this(0L, 1_767_225_600_000L);
    }

    @Override
    public long nanoTime() {
        return nanoTime.get();
    }

    @Override
    public long epochMillis() {
        return startEpochMillis + Math.floorDiv(nanoTime.get() - startNanoTime, 1_000_000L);
    }

    /** Moves time forward by {@code nanos} (zero allowed) and returns the new {@link #nanoTime()}. */
    public long advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("time only moves forward, got " + nanos + " ns");
        }
        return nanoTime.addAndGet(nanos);
    }

    /** Moves time forward by {@code duration} and returns the new {@link #nanoTime()}. */
    public long advance(Duration duration) {
        return advance(duration.toNanos());
    }

    /** Moves time forward to {@code targetNanoTime}; refuses to move it back. */
    public void advanceTo(long targetNanoTime) {
        long now = nanoTime.get();
        while (targetNanoTime > now && !nanoTime.compareAndSet(now, targetNanoTime)) {
            now = nanoTime.get();
        }
        if (targetNanoTime < now) {
            throw new IllegalArgumentException(
                    "time only moves forward: now " + now + " ns, asked for " + targetNanoTime + " ns");
        }
    }

    @Override
    public String toString() {
        return "ManualNanoClock[nanoTime=" + nanoTime.get() + ", epochMillis=" + epochMillis() + "]";
    }
}
