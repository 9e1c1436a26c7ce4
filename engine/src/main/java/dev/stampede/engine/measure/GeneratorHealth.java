package dev.stampede.engine.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the generator kept to its schedule, and what it used. It fell behind when any of these
 * holds, each given as a plain reason:
 *
 * <ul>
 *   <li>its send lag's 99th percentile over the run exceeds a threshold: latencies still count from the
 *       intended times (no coordinated omission), but part of them is the generator's own delay;
 *   <li>requests reached the ring already late: the source (reading the store, filtering, sampling)
 *       could not prepare them as fast as they came due;
 *   <li>the garbage collector paused the process for more than {@link #GC_SHARE_LIMIT} of the sending
 *       time.
 * </ul>
 *
 * @param sendLagP99Nanos the run's send-lag p99
 * @param worstIntervalSendLagP99Nanos the highest send-lag p99 of a single interval (shows a short
 *     fall-behind that the whole run's p99 hides; informative, not part of the verdict)
 * @param thresholdNanos the send-lag p99 above which the generator fell behind
 * @param use the ring, collector and CPU figures ({@link GeneratorUse#NOT_MEASURED} when not watched)
 * @param requests the requests attempted (the CPU per request is over these)
 * @param fellBehind whether any reason above holds
 * @param reason the plain explanation when it fell behind (the reasons joined by {@code "; "}),
 *     otherwise null
 */
public record GeneratorHealth(
        long sendLagP99Nanos,
        long worstIntervalSendLagP99Nanos,
        long thresholdNanos,
        GeneratorUse use,
        long requests,
        boolean fellBehind,
        String reason) {

    /** The default threshold: send-lag p99 above 1 ms means the generator fell behind. */
    public static final long DEFAULT_THRESHOLD_NANOS = 1_000_000L;

    /** GC pauses above this share of the sending time mean the generator fell behind. */
    public static final double GC_SHARE_LIMIT = 0.10;

    /** The verdict on send-lag figures alone (nothing else watched). */
    public static GeneratorHealth assess(long sendLagP99Nanos, long worstIntervalSendLagP99Nanos, long thresholdNanos) {
        return assess(sendLagP99Nanos, worstIntervalSendLagP99Nanos, thresholdNanos, GeneratorUse.NOT_MEASURED, 0);
    }

    /** The verdict on every figure. */
    public static GeneratorHealth assess(
            long sendLagP99Nanos,
            long worstIntervalSendLagP99Nanos,
            long thresholdNanos,
            GeneratorUse use,
            long requests) {
        List<String> reasons = new ArrayList<>();
        if (sendLagP99Nanos > thresholdNanos) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "send-lag p99 was %.3f ms, above the %.3f ms threshold: the generator could not send on"
                            + " schedule, so the latencies include its own delay; give it more CPU or"
                            + " connections, or lower the rate",
                    sendLagP99Nanos / 1e6,
                    thresholdNanos / 1e6));
        }
        if (use.ring().lateArrivals() > 0) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "%d requests reached the ring after their intended time (by more than the threshold): the"
                            + " source could not read and prepare requests as fast as they came due, so they"
                            + " went out late",
                    use.ring().lateArrivals()));
        }
        double gcShare = gcShare(use);
        if (gcShare > GC_SHARE_LIMIT) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "garbage-collection pauses took %d ms, %.0f%% of the %.1f s of sending (above %.0f%%;"
                            + " longest %d ms): give the JVM more heap or fewer endpoints",
                    use.gc().totalPauseMillis(),
                    100 * gcShare,
                    use.sendingNanos() / 1e9,
                    100 * GC_SHARE_LIMIT,
                    use.gc().maxPauseMillis()));
        }
        return new GeneratorHealth(
                sendLagP99Nanos,
                worstIntervalSendLagP99Nanos,
                thresholdNanos,
                use,
                requests,
                !reasons.isEmpty(),
                reasons.isEmpty() ? null : String.join("; ", reasons));
    }

    /** The verdict for a run whose last snapshot is {@code last}, on send lag alone. */
    public static GeneratorHealth assess(LiveSnapshot last, long thresholdNanos) {
        return assess(last, thresholdNanos, GeneratorUse.NOT_MEASURED);
    }

    /** The verdict for a run whose last snapshot is {@code last} and whose generator used {@code use}. */
    public static GeneratorHealth assess(LiveSnapshot last, long thresholdNanos, GeneratorUse use) {
        return assess(
                last.overall().cumulativeSendLagP99Nanos(),
                last.worstIntervalSendLagP99Nanos(),
                thresholdNanos,
                use,
                last.overall().totalCounts().attempted());
    }

    private static double gcShare(GeneratorUse use) {
        return use.sendingNanos() > 0 ? use.gc().totalPauseMillis() * 1e6 / use.sendingNanos() : 0;
    }

    /** The share of the sending time spent in GC pauses (0 to 1; 0 when unknown). */
    public double gcShareOfSending() {
        return gcShare(use);
    }

    /**
     * CPU seconds the process used during the run per 100,000 requests attempted, or -1 when the CPU
     * time or the requests are unknown.
     */
    public double cpuSecondsPer100k() {
        return use.runCpuNanos() < 0 || requests <= 0 ? -1 : use.runCpuNanos() / 1e9 * 100_000 / requests;
    }

    /** The same with the JVM's start-up included (the process's CPU time at the end of the run). */
    public double processCpuSecondsPer100k() {
        return use.processCpuNanos() < 0 || requests <= 0 ? -1 : use.processCpuNanos() / 1e9 * 100_000 / requests;
    }
}
