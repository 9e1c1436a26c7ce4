package dev.stampede.testbed;

import dev.stampede.testbed.core.ServiceTime;
import dev.stampede.testbed.core.TestMark;
import dev.stampede.testbed.lb.NginxLogFormat;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How to build the chain. Every setting has a default that makes a sensible demo; {@link #validate()}
 * checks them all before anything starts.
 *
 * @param host address every tier binds to (loopback)
 * @param lbPort the load balancer's port; 0 picks a free one. Other tiers always take free ports.
 * @param gateways gateway instances behind the load balancer (at least 1; 2 by default)
 * @param coreCapacityPerSec orders per second the trading core sustains: {@code workers / mean service time}
 * @param coreWorkers trading-core worker threads
 * @param coreQueue trading-core queue length; beyond it orders get 503. 0 means capacity x 0.1 s (100 ms
 *     of queueing), at least 8
 * @param serviceTime service-time distribution: constant, uniform, exponential or lognormal[:cv]
 * @param ipoLimitQty the most shares one account may subscribe to in one IPO
 * @param testMark the header (name and value) that marks test traffic
 * @param accounts size of the generated account table
 * @param seed seed for the account table and everything else random
 * @param sessionTimeoutSeconds idle time after which a session expires
 * @param accessLog where the load balancer writes its access log, or {@code null} for none
 * @param logFormat the access log's nginx {@code log_format}, or {@code null} for {@link
 *     NginxLogFormat#STAMPEDE} with the mark header in it
 * @param upstreamConnections most keep-alive connections from one tier to one upstream
 * @param upstreamTimeoutMs how long a tier waits for a connection to, or an answer from, its upstream
 */
public record TestbedSettings(
        String host,
        int lbPort,
        int gateways,
        int coreCapacityPerSec,
        int coreWorkers,
        int coreQueue,
        String serviceTime,
        long ipoLimitQty,
        TestMark testMark,
        int accounts,
        long seed,
        long sessionTimeoutSeconds,
        Path accessLog,
        String logFormat,
        int upstreamConnections,
        long upstreamTimeoutMs) {

    /** The defaults: 2 gateways, a core of 1000 orders/s on 8 workers, 10,000 accounts, no access log. */
    public static TestbedSettings defaults() {
        return new TestbedSettings(
                "127.0.0.1",
                0,
                2,
                1000,
                8,
                0,
                "lognormal:0.5",
                10_000,
                TestMark.DEFAULT,
                10_000,
                42L,
                1800,
                null,
                null,
                512,
                10_000);
    }

    /** Mean service time that gives the configured capacity. */
    public long meanServiceTimeNanos() {
        return Math.round(coreWorkers * 1e9 / coreCapacityPerSec);
    }

    /** The queue length in force ({@link #coreQueue}, or its default). */
    public int effectiveCoreQueue() {
        return coreQueue > 0 ? coreQueue : Math.max(8, coreCapacityPerSec / 10);
    }

    /** The access log format in force. */
    public String effectiveLogFormat() {
        if (logFormat != null) {
            return logFormat;
        }
        String markVariable =
                "$http_" + testMark.name().toLowerCase(Locale.ROOT).replace('-', '_');
        return NginxLogFormat.STAMPEDE.replace("$http_x_stampede_test", markVariable);
    }

    /**
     * Checks every setting, and that the log format and service-time distribution parse.
     *
     * @throws IllegalArgumentException naming the first setting that is wrong and why
     */
    public TestbedSettings validate() {
        require(lbPort >= 0 && lbPort <= 65_535, "port must be 0..65535, got " + lbPort);
        require(gateways >= 1 && gateways <= 16, "gateways must be 1..16, got " + gateways);
        require(coreCapacityPerSec >= 1, "core capacity must be at least 1 order/s, got " + coreCapacityPerSec);
        require(coreWorkers >= 1 && coreWorkers <= 256, "core workers must be 1..256, got " + coreWorkers);
        require(coreQueue >= 0, "core queue must be 0 (default) or more, got " + coreQueue);
        require(
                meanServiceTimeNanos() >= 100_000,
                "core capacity " + coreCapacityPerSec + "/s on " + coreWorkers
                        + " workers means under 0.1 ms per order, too short to simulate; use fewer workers");
        require(ipoLimitQty >= 1, "IPO limit must be positive, got " + ipoLimitQty);
        require(accounts >= 1 && accounts <= 10_000_000, "accounts must be 1..10,000,000, got " + accounts);
        require(sessionTimeoutSeconds >= 1, "session timeout must be at least 1 s");
        require(upstreamConnections >= 1, "upstream connections must be at least 1");
        require(upstreamTimeoutMs >= 1, "upstream timeout must be at least 1 ms");
        ServiceTime.parse(serviceTime, meanServiceTimeNanos());
        NginxLogFormat.compile(effectiveLogFormat());
        return this;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public TestbedSettings withLbPort(int port) {
        return copy(b -> b.lbPort = port);
    }

    public TestbedSettings withGateways(int count) {
        return copy(b -> b.gateways = count);
    }

    public TestbedSettings withCore(int capacityPerSec, int workers, int queue, String distribution) {
        return copy(b -> {
            b.coreCapacityPerSec = capacityPerSec;
            b.coreWorkers = workers;
            b.coreQueue = queue;
            b.serviceTime = distribution;
        });
    }

    public TestbedSettings withIpoLimit(long qty) {
        return copy(b -> b.ipoLimitQty = qty);
    }

    public TestbedSettings withTestMark(TestMark mark) {
        return copy(b -> b.testMark = mark);
    }

    public TestbedSettings withAccounts(int count, long randomSeed) {
        return copy(b -> {
            b.accounts = count;
            b.seed = randomSeed;
        });
    }

    public TestbedSettings withAccessLog(Path file, String format) {
        return copy(b -> {
            b.accessLog = file;
            b.logFormat = format;
        });
    }

    public TestbedSettings withSessionTimeoutSeconds(long seconds) {
        return copy(b -> b.sessionTimeoutSeconds = seconds);
    }

    private TestbedSettings copy(java.util.function.Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** A mutable copy, so each {@code with...} names only what it changes. */
    private static final class Copy {
        String host;
        int lbPort;
        int gateways;
        int coreCapacityPerSec;
        int coreWorkers;
        int coreQueue;
        String serviceTime;
        long ipoLimitQty;
        TestMark testMark;
        int accounts;
        long seed;
        long sessionTimeoutSeconds;
        Path accessLog;
        String logFormat;
        int upstreamConnections;
        long upstreamTimeoutMs;

        Copy(TestbedSettings s) {
            host = s.host;
            lbPort = s.lbPort;
            gateways = s.gateways;
            coreCapacityPerSec = s.coreCapacityPerSec;
            coreWorkers = s.coreWorkers;
            coreQueue = s.coreQueue;
            serviceTime = s.serviceTime;
            ipoLimitQty = s.ipoLimitQty;
            testMark = s.testMark;
            accounts = s.accounts;
            seed = s.seed;
            sessionTimeoutSeconds = s.sessionTimeoutSeconds;
            accessLog = s.accessLog;
            logFormat = s.logFormat;
            upstreamConnections = s.upstreamConnections;
            upstreamTimeoutMs = s.upstreamTimeoutMs;
        }

        TestbedSettings build() {
            return new TestbedSettings(
                    host,
                    lbPort,
                    gateways,
                    coreCapacityPerSec,
                    coreWorkers,
                    coreQueue,
                    serviceTime,
                    ipoLimitQty,
                    testMark,
                    accounts,
                    seed,
                    sessionTimeoutSeconds,
                    accessLog,
                    logFormat,
                    upstreamConnections,
                    upstreamTimeoutMs);
        }
    }
}
