/**
 * Measurement without coordinated omission, and the result files {@code latency.hlog} and {@code
 * run.json}.
 *
 * <p>What is measured: for every attempted request, latency from its <em>intended</em> send time,
 * service time from its actual send, and send lag (actual minus intended), each in an HdrHistogram
 * {@code Recorder} per endpoint (nanoseconds, 3 significant digits, up to one hour by default); and
 * for every scheduled request, one count under its {@link dev.stampede.engine.measure.Outcome}.
 * Failures and timeouts record latency up to the moment they failed; unsent requests only count. The
 * rules and their reasons are on {@link dev.stampede.engine.measure.RunMetrics}.
 *
 * <p>Hot path: {@link dev.stampede.engine.measure.RunMetrics#record} only (and {@link
 * dev.stampede.engine.measure.Outcome#ofHttpStatus}). It runs on any number of Netty event loops at
 * once, takes no lock, allocates nothing (recorders' arrays are preallocated; {@code LongAdder} cells
 * appear once, on first contention), and never throws for a value: out-of-range values are clamped
 * and counted.
 *
 * <p>Off the hot path: one scheduler thread calls {@link dev.stampede.engine.measure.IntervalRecorder#tick()}
 * once per interval with the injected {@link dev.stampede.common.time.NanoClock}; it swaps and
 * recycles the interval histograms, accumulates totals, appends to {@code latency.hlog} and publishes
 * an immutable {@link dev.stampede.engine.measure.LiveSnapshot} through a volatile field, which the
 * console and the traffic controller read from any thread. {@link
 * dev.stampede.engine.measure.RunJsonWriter} writes {@code run.json} once at the end.
 *
 * <p>Cost (measured on the 2-core EPYC build machine): a full histogram (1 ns to 1 hour, 3 digits) is
 * ~270 KB of counts, and an endpoint holds nine of them (three recorders, their three recycled interval
 * histograms, three cumulative totals): ~2.4 MB of heap per endpoint, so a model with 100 endpoints
 * needs ~240 MB. A tick costs ~0.3 ms per endpoint (swap, sums, encoding, percentiles): ~3% of a core
 * at 100 endpoints and one tick a second.
 */
package dev.stampede.engine.measure;
