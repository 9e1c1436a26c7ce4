/**
 * Per-tier metrics in the Prometheus text exposition format (version 0.0.4), written by hand so the
 * testbed needs no client library: {@link dev.stampede.testbed.metrics.TierMetrics}, one per tier, each
 * served at that tier's {@code /metrics}.
 *
 * <p>Threading: recording ({@code requestStarted}, {@code requestFinished}) is called concurrently from
 * Netty event loops and worker threads on every request. It takes no locks and allocates nothing once a
 * route and status have been seen: counters are {@code LongAdder}s found through lock-free lookups, and
 * the only allocation happens the first time a route or a (route, status) pair appears. Rendering runs
 * at scrape time, may allocate freely and may run concurrently with recording; each histogram is read
 * once per scrape, so its {@code +Inf} bucket always equals its {@code _count}.
 */
package dev.stampede.testbed.metrics;
