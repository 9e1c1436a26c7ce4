/**
 * The scheduling timeline: one source of intended send times for the whole run (not a rate split per
 * connection), and the pacer that releases them on time.
 *
 * <p>{@link dev.stampede.engine.schedule.IntendedTimes} is the pull-based schedule: {@link
 * dev.stampede.engine.schedule.ConstantRate}, {@link dev.stampede.engine.schedule.PoissonRate}, {@link
 * dev.stampede.engine.schedule.ReplayTimes} (record times x speed) and {@link
 * dev.stampede.engine.schedule.RateProfileTimes} (a rate that varies, e.g. a ramp). {@link
 * dev.stampede.engine.schedule.Pacer} waits for each time through a {@link
 * dev.stampede.engine.schedule.Waiter}; {@link dev.stampede.engine.schedule.RingSizing} derives the
 * ring and pool sizes from rate x timeout.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Intended times are exact.</b> Each is computed from its index or its record, never as a sum
 *       of rounded periods, so nothing drifts (a constant rate is exact to the nanosecond after ten
 *       million events). Each class states its rounding rule. Times never decrease; {@code END}
 *       ({@code Long.MIN_VALUE}) ends a schedule for good.
 *   <li><b>Never skip.</b> A late event is released at once with its original intended time, so
 *       latency from it includes the delay (coordinated-omission-free); the pacer reports how late it
 *       released the last event ({@code lagNanos}), which is not the send lag the sender records.
 *   <li><b>Injected time.</b> Every reading comes from the {@link dev.stampede.common.time.NanoClock};
 *       every wait goes through a {@code Waiter}. Tests use a {@link
 *       dev.stampede.common.time.ManualNanoClock} and an {@link
 *       dev.stampede.engine.schedule.AdvancingWaiter}: no sleeps, exact assertions.
 *   <li><b>Reproducible.</b> Randomness comes from a seeded {@link java.util.SplittableRandom} and
 *       {@link java.lang.StrictMath}: the same seed gives the same schedule on every JVM.
 * </ul>
 *
 * <h2>Threading and allocation</h2>
 *
 * Schedules and the pacer belong to the one publishing thread; only {@code Pacer.stop()} may be called
 * from another. On the hot path (once per request): {@code IntendedTimes.next()}, {@code
 * Pacer.awaitNext()}, {@code Pacer.lagNanos()} and {@code Waiter.waitNanos()}: no allocation, no locks,
 * no logging. Constructors and {@code RingSizing} run once per run.
 */
package dev.stampede.engine.schedule;
