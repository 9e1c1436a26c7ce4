package dev.stampede.engine.schedule;

import java.util.Locale;

/**
 * Ring and connection-pool sizes derived from the peak rate and the request timeout, printed at the
 * start of a run by {@link #describe()}.
 *
 * <p>At a rate {@code R} per second and a timeout of {@code T} seconds, at most {@code R x T} requests
 * can be outstanding before the oldest times out (Little's law with the timeout as the worst latency).
 *
 * <ul>
 *   <li><b>Ring:</b> the next power of two at or above {@code max(1024, 2 x R x T)}, capped (default
 *       2^22 events): room for a full timeout's worth of events waiting on stalled senders, twice over,
 *       so the timeline does not block on the ring in the stalls a run is meant to measure.
 *   <li><b>Connections:</b> {@code ceil(R x T)}, at least 1 and capped (default 1024): with HTTP/1.1
 *       one request is in flight per connection, so that many connections never make a request wait
 *       for a connection before it would have timed out anyway; the cap keeps file descriptors sane. An
 *       explicit {@code --connections} replaces it ({@link #withConnections(int)}).
 * </ul>
 */
public final class RingSizing {

    /** The smallest ring. */
    public static final int MIN_RING_SIZE = 1024;

    /** The default cap on the ring: 2^22 events. */
    public static final int DEFAULT_MAX_RING_SIZE = 1 << 22;

    /** The default cap on derived connections. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;

    private final double ratePerSecond;
    private final double timeoutSeconds;
    private final double inFlightAtTimeout;
    private final int ringSize;
    private final boolean ringCapped;
    private final int connections;
    private final boolean connectionsCapped;
    private final boolean connectionsSet;

    private RingSizing(
            double ratePerSecond,
            double timeoutSeconds,
            int ringSize,
            boolean ringCapped,
            int connections,
            boolean connectionsCapped,
            boolean connectionsSet) {
        this.ratePerSecond = ratePerSecond;
        this.timeoutSeconds = timeoutSeconds;
        this.inFlightAtTimeout = ratePerSecond * timeoutSeconds;
        this.ringSize = ringSize;
        this.ringCapped = ringCapped;
        this.connections = connections;
        this.connectionsCapped = connectionsCapped;
        this.connectionsSet = connectionsSet;
    }

    /** Sizes for a peak rate and a timeout with the default caps. */
    public static RingSizing derive(double peakRatePerSecond, long timeoutNanos) {
        return derive(peakRatePerSecond, timeoutNanos, DEFAULT_MAX_RING_SIZE, DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * Sizes for a peak rate and a timeout.
     *
     * @param peakRatePerSecond the highest rate of the run (for a replay: the log's peak x speed), above
     *     0 and finite
     * @param timeoutNanos the request timeout, above 0
     * @param maxRingSize cap on the ring, a power of two at least {@link #MIN_RING_SIZE}
     * @param maxConnections cap on the derived connections, at least 1
     */
    public static RingSizing derive(double peakRatePerSecond, long timeoutNanos, int maxRingSize, int maxConnections) {
        if (!(peakRatePerSecond > 0 && peakRatePerSecond < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("rate must be above 0 and finite, got " + peakRatePerSecond);
        }
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("timeout must be above 0, got " + timeoutNanos + " ns");
        }
        if (maxRingSize < MIN_RING_SIZE || Integer.bitCount(maxRingSize) != 1) {
            throw new IllegalArgumentException("ring cap must be a power of two >= 1024, got " + maxRingSize);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("connection cap must be at least 1, got " + maxConnections);
        }
        double timeoutSeconds = timeoutNanos / 1e9;
        double inFlight = peakRatePerSecond * timeoutSeconds;
        double wantedRing = Math.max(MIN_RING_SIZE, 2 * inFlight);
        boolean ringCapped = wantedRing > maxRingSize;
        int ringSize = ringCapped ? maxRingSize : nextPowerOfTwo((int) Math.ceil(wantedRing));
        double wantedConnections = Math.max(1, Math.ceil(inFlight));
        boolean connectionsCapped = wantedConnections > maxConnections;
        int connections = connectionsCapped ? maxConnections : (int) wantedConnections;
        return new RingSizing(
                peakRatePerSecond, timeoutSeconds, ringSize, ringCapped, connections, connectionsCapped, false);
    }

    private static int nextPowerOfTwo(int atLeast) { // atLeast <= 2^30 (below the cap)
        return atLeast <= 1 ? 1 : Integer.highestOneBit(atLeast - 1) << 1;
    }

    /** The same ring with a connection count the user chose. */
    public RingSizing withConnections(int chosenConnections) {
        if (chosenConnections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, got " + chosenConnections);
        }
        return new RingSizing(ratePerSecond, timeoutSeconds, ringSize, ringCapped, chosenConnections, false, true);
    }

    /** Events in the ring: a power of two. */
    public int ringSize() {
        return ringSize;
    }

    /** Connections in the pool. */
    public int connections() {
        return connections;
    }

    /** {@code rate x timeout}: the most requests outstanding before the oldest times out. */
    public double inFlightAtTimeout() {
        return inFlightAtTimeout;
    }

    /** One line for the run's start, saying the sizes and where they come from. */
    public String describe() {
        String basis = String.format(
                Locale.ROOT,
                "%s/s x %s s = %s in flight at most",
                num(ratePerSecond),
                num(timeoutSeconds),
                num(inFlightAtTimeout));
        String ring = ringCapped
                ? "capped at " + ringSize
                : ringSize == MIN_RING_SIZE && 2 * inFlightAtTimeout <= MIN_RING_SIZE
                        ? "the minimum"
                        : "next power of two >= 2 x in flight";
        String pool =
                connectionsSet ? "set" : connectionsCapped ? "capped at " + connections : "one per request in flight";
        return String.format(
                Locale.ROOT, "ring %d events (%s), %d connections (%s): %s", ringSize, ring, connections, pool, basis);
    }

    private static String num(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3g", value);
    }

    @Override
    public String toString() {
        return describe();
    }
}
