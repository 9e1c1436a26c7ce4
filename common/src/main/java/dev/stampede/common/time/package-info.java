/**
 * The one source of time for pacing, measuring and timestamping.
 *
 * <p>Rules: production code receives a {@link dev.stampede.common.time.NanoClock} (normally {@link
 * dev.stampede.common.time.NanoClock#system()}) and never reads the JVM's timers ({@code System} nano or
 * milli time) or sleeps; the build's forbiddenapis check enforces this. Tests pass a
 * {@link dev.stampede.common.time.ManualNanoClock} and move time themselves, so schedules and
 * statistics are asserted exactly, without sleeps.
 *
 * <p>Threading: both clocks are safe to read from any thread. Reading allocates nothing.
 */
package dev.stampede.common.time;
