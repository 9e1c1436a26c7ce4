package dev.stampede.engine.schedule;

/**
 * A pull-based source of intended send times: the one scheduling timeline of a run. Each {@link
 * #next()} returns the intended send time of the next request, in nanoseconds of the injected {@link
 * dev.stampede.common.time.NanoClock}, or {@link #END} when the schedule is over.
 *
 * <p>Contract of every implementation:
 *
 * <ul>
 *   <li>Times never decrease (equal times are allowed: two requests due at the same nanosecond).
 *   <li>{@link #END} is final: once returned, every later call returns it again.
 *   <li>{@link #next()} is on the hot path (once per request, on the publishing thread): it allocates
 *       nothing and takes no lock. Implementations are single-threaded, owned by that thread.
 * </ul>
 *
 * <p>Times are clock readings, so they may wrap like any monotonic nanosecond clock: compare two of
 * them by the sign of their difference, never with {@code <}.
 */
@FunctionalInterface
public interface IntendedTimes {

    /** Returned by {@link #next()} when the schedule is over; never an intended time. */
    long END = Long.MIN_VALUE;

    /** The next intended send time in clock nanoseconds, or {@link #END}. Hot path. */
    long next();
}
