package dev.stampede.engine.pipeline;

import dev.stampede.control.live.LiveRate;
import dev.stampede.engine.http.ClientOptions;
import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.measure.RunMode;
import dev.stampede.engine.schedule.LiveGate;
import dev.stampede.engine.source.RequestSource;

/**
 * What a load run sends: where to, which requests and when ({@code source}: one timeline of intended
 * send times and the requests due then, started once connections are open, its endpoint names keying
 * the results) and how (connections, client timeouts, ring size, the measurement interval, the send-lag
 * threshold of generator health), under which run id, and whether to write the per-request result
 * journal ({@code RESULT_DIR/journal/}). {@code inFlightLimit} above 0 makes the run flat out (a closed
 * loop: that many requests outstanding, each end letting the next go; give it a {@link
 * dev.stampede.engine.schedule.ClosedLoop} schedule); 0 leaves the schedule alone in charge (fixed
 * rate, replay, model). {@code live}, when not null, is the rate the traffic controller changes while the
 * run goes (the source reads it); null for a flat-out run or a schedule fixed in advance.
 *
 * <p>The send-lag threshold also sets the paced runs' release window ({@link #releaseWindowNanos()}):
 * the lag a run accepts is what it may spend to save wake-ups.
 */
public record LoadPlan(
        String runId,
        HttpTarget target,
        RequestSource<?> source,
        int connections,
        ClientOptions client,
        int ringSize,
        long intervalNanos,
        long sendLagThresholdNanos,
        boolean journal,
        int inFlightLimit,
        Live live) {

    /**
     * The longest release window: 5 ms, half of how far ahead the ring is filled ({@link
     * LoadRun#LOOKAHEAD_NANOS}), so a window never waits past requests not yet published.
     */
    public static final long MAX_RELEASE_WINDOW_NANOS = LoadRun.LOOKAHEAD_NANOS / 2;

    /**
     * A run's live rate: what the traffic controller changes while it runs ({@code rate}: the profile
     * under live changes) and what keeps the schedule from deciding further ahead than the controller may
     * reach ({@code gate}: stopped with the run).
     */
    public record Live(LiveRate rate, LiveGate gate) {

        /** Checks for nulls. */
        public Live {
            java.util.Objects.requireNonNull(rate, "rate");
            java.util.Objects.requireNonNull(gate, "gate");
        }
    }

    public LoadPlan {
        if (source == null || source.endpointNames().isEmpty()) {
            throw new IllegalArgumentException("a source with at least one endpoint is required");
        }
        if (Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("the ring size must be a power of two, got " + ringSize);
        }
        if (inFlightLimit < 0) {
            throw new IllegalArgumentException("the in-flight limit must be 0 (none) or more, got " + inFlightLimit);
        }
    }

    /** This plan flat out: at most {@code limit} requests outstanding, each end letting the next go. */
    public LoadPlan flatOut(int limit) {
        return new LoadPlan(
                runId,
                target,
                source,
                connections,
                client,
                ringSize,
                intervalNanos,
                sendLagThresholdNanos,
                journal,
                limit,
                live);
    }

    /**
     * The least time the event loop waits for a request not yet due: half the send-lag threshold, at most
     * {@link #MAX_RELEASE_WINDOW_NANOS}. Requests due within it go out together, each late by up to the
     * window (measured: latency counts from the intended time, and the send lag is recorded apart), for
     * fewer timer wake-ups at high rates. At the default threshold of 1 ms: 500 µs, within which each
     * request goes out, with the other half of the threshold left for the loop's own delays.
     *
     * <p>Why a window at all: on the benchmark VM a wake-up of the event loop costs 15-25 µs of CPU, more
     * than a request. At 20k req/s, on a quiet host, a 200 µs window spent about 1.8 CPU-s per 100k
     * requests while sending, 500 µs about 1.45 (send-lag p99 0.6 ms), and 3.2 ms (h2load's bursts of 64
     * every 3.2 ms) about 1.2 (send-lag p99 3.3 ms).
     */
    public long releaseWindowNanos() {
        return releaseWindowNanos(sendLagThresholdNanos);
    }

    /** The release window of a run with this send-lag threshold: see {@link #releaseWindowNanos()}. */
    public static long releaseWindowNanos(long sendLagThresholdNanos) {
        return Math.min(sendLagThresholdNanos / 2, MAX_RELEASE_WINDOW_NANOS);
    }

    /** How the run decides when to send. */
    public RunMode mode() {
        return inFlightLimit > 0 ? RunMode.FLAT_OUT : RunMode.FIXED_RATE;
    }
}
