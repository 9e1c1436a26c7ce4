package dev.stampede.engine.measure;

import dev.stampede.common.time.NanoClock;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Takes the run's measurements interval by interval: at every {@link #tick()} it swaps each recorder's
 * interval histogram (recycling the previous one), adds it to the totals per endpoint and overall,
 * writes each non-empty interval histogram to {@code latency.hlog}, and publishes a new {@link
 * LiveSnapshot}.
 *
 * <p>The log's values are nanoseconds (HdrHistogram's {@code HistogramLogProcessor} assumes that and
 * prints milliseconds); its tags are described in {@link HlogTags}; its interval timestamps are seconds
 * since {@link #startEpochMillis()}, computed from the injected clock's monotonic reading so that they
 * never drift. Each interval's lines come endpoint by endpoint in index order (latency, service, send
 * lag), then the overall ones; empty histograms are not written.
 *
 * <p>Threading: {@link #tick()} and {@link #close()} are called from one scheduler thread (e.g. once
 * a second); they are synchronized anyway. {@link #latest()} may be read from any thread: the snapshot
 * is immutable and published through a volatile field. Nothing here is on the hot path; the recorders'
 * swap makes writers wait for no lock (HdrHistogram's {@code WriterReaderPhaser}).
 *
 * <p>Interval boundaries are per recorder: a request ending during a swap may land in one interval
 * for latency and the next for service time or its outcome count. Totals are exact.
 */
public final class IntervalRecorder implements AutoCloseable {

    /** The file name of the histogram log in the result directory. */
    public static final String HLOG_FILE_NAME = "latency.hlog";

    private final RunMetrics metrics;
    private final NanoClock clock;
    private final HlogWriter hlog;
    private final IntervalTotals[] endpoints;
    private final IntervalTotals overall;
    private final Histogram scratch;
    private final long startNanos;
    private final long startEpochMillis;
    private long intervalStartNanos;
    private long sequence;
    private long worstIntervalSendLagP99Nanos;
    private boolean closed;
    private volatile LiveSnapshot latest;

    /**
     * Starts recording now (reading {@code clock}) and writes the log's header to {@code hlog}, which
     * this recorder then owns and closes.
     *
     * @param comment a first comment line for the log (e.g. tool version and scenario), or null
     */
    public IntervalRecorder(RunMetrics metrics, NanoClock clock, OutputStream hlog, String comment) {
        this.metrics = metrics;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.startEpochMillis = clock.epochMillis();
        this.intervalStartNanos = startNanos;
        this.hlog = new HlogWriter(hlog, startEpochMillis, comment);
        this.endpoints = new IntervalTotals[metrics.endpointCount()];
        List<EndpointSnapshot> empty = new ArrayList<>(endpoints.length);
        for (int e = 0; e < endpoints.length; e++) {
            String name = metrics.endpoint(e).name();
            endpoints[e] = IntervalTotals.forEndpoint(name, metrics.highestTrackableNanos());
            empty.add(EndpointSnapshot.empty(name));
        }
        this.overall = IntervalTotals.overall(metrics.highestTrackableNanos());
        this.scratch = IntervalTotals.newHistogram(metrics.highestTrackableNanos());
        this.latest = new LiveSnapshot(
                0, startEpochMillis, 0, 0, EndpointSnapshot.empty(LiveSnapshot.OVERALL), empty, 0, 0, 0);
    }

    /** Starts recording into {@code resultDir/latency.hlog} (created or replaced). */
    public static IntervalRecorder create(RunMetrics metrics, NanoClock clock, Path resultDir, String comment)
            throws IOException {
        OutputStream out = Files.newOutputStream(resultDir.resolve(HLOG_FILE_NAME));
        return new IntervalRecorder(metrics, clock, new BufferedOutputStream(out, 1 << 16), comment);
    }

    /**
     * Ends the current interval now: swaps, accumulates, writes and publishes. After {@link #close()}
     * it changes nothing and returns the last snapshot.
     *
     * @return the new snapshot, also available from {@link #latest()}
     */
    public synchronized LiveSnapshot tick() {
        if (closed) {
            return latest;
        }
        long now = clock.nanoTime();
        long intervalNanos = now - intervalStartNanos;
        double startSec = (intervalStartNanos - startNanos) / 1e9;
        double endSec = (now - startNanos) / 1e9;
        overall.beginOverall();
        for (int e = 0; e < endpoints.length; e++) {
            endpoints[e].takeEndpoint(metrics.endpoint(e), scratch, overall, hlog, startSec, endSec);
        }
        overall.takeOverall(endpoints, hlog, startSec, endSec);
        hlog.flush();

        worstIntervalSendLagP99Nanos = Math.max(worstIntervalSendLagP99Nanos, overall.intervalSendLagP99Nanos());
        List<EndpointSnapshot> perEndpoint = new ArrayList<>(endpoints.length);
        for (IntervalTotals endpoint : endpoints) {
            perEndpoint.add(endpoint.snapshot(intervalNanos));
        }
        sequence++;
        intervalStartNanos = now;
        latest = new LiveSnapshot(
                sequence,
                startEpochMillis,
                now - startNanos,
                intervalNanos,
                overall.snapshot(intervalNanos),
                perEndpoint,
                metrics.clampedValues(),
                metrics.negativeValues(),
                worstIntervalSendLagP99Nanos);
        return latest;
    }

    /** The snapshot of the latest interval (an empty one, sequence 0, before the first). Any thread. */
    public LiveSnapshot latest() {
        return latest;
    }

    /** A copy of {@code metric}'s histogram over all endpoints since the start, as of the last tick. */
    public synchronized Histogram cumulative(Metric metric) {
        return overall.cumulativeCopy(metric);
    }

    /** A copy of {@code metric}'s histogram for one endpoint since the start, as of the last tick. */
    public synchronized Histogram cumulative(Metric metric, int endpoint) {
        return endpoints[endpoint].cumulativeCopy(metric);
    }

    /** Wall-clock time when recording started: the log's start and base time. */
    public long startEpochMillis() {
        return startEpochMillis;
    }

    /** The first error writing the log, if any (the live statistics carry on regardless). */
    public synchronized Optional<String> hlogFailure() {
        return Optional.ofNullable(hlog.failure());
    }

    /**
     * Takes the last (partial) interval and closes the log. Call it after the senders have recorded
     * their last outcome; later recordings are not in the log or the totals. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        tick();
        closed = true;
        hlog.close();
    }
}
