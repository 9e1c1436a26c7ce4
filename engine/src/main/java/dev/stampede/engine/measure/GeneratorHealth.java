package dev.stampede.engine.measure;

import java.util.Locale;

/**
 * Whether the generator kept to its schedule. When its send lag's 99th percentile over the run exceeds
 * a threshold, the generator itself fell behind: latencies still count from the intended times (no
 * coordinated omission), but part of them is the generator's own delay, and the report must say so.
 *
 * @param sendLagP99Nanos the run's send-lag p99
 * @param worstIntervalSendLagP99Nanos the highest send-lag p99 of a single interval (shows a short
 *     fall-behind that the whole run's p99 hides; informative, not part of the verdict)
 * @param thresholdNanos the send-lag p99 above which the generator fell behind
 * @param fellBehind whether {@code sendLagP99Nanos > thresholdNanos}
 * @param reason the plain explanation when it fell behind, otherwise null
 */
public record GeneratorHealth(
        long sendLagP99Nanos,
        long worstIntervalSendLagP99Nanos,
        long thresholdNanos,
        boolean fellBehind,
        String reason) {

    /** The default threshold: send-lag p99 above 1 ms means the generator fell behind. */
    public static final long DEFAULT_THRESHOLD_NANOS = 1_000_000L;

    /** The verdict for these send-lag figures. */
    public static GeneratorHealth assess(long sendLagP99Nanos, long worstIntervalSendLagP99Nanos, long thresholdNanos) {
        boolean fellBehind = sendLagP99Nanos > thresholdNanos;
        String reason = fellBehind
                ? String.format(
                        Locale.ROOT,
                        "send-lag p99 was %.3f ms, above the %.3f ms threshold: the generator could not send on"
                                + " schedule, so the latencies include its own delay; give it more CPU or"
                                + " connections, or lower the rate",
                        sendLagP99Nanos / 1e6,
                        thresholdNanos / 1e6)
                : null;
        return new GeneratorHealth(sendLagP99Nanos, worstIntervalSendLagP99Nanos, thresholdNanos, fellBehind, reason);
    }

    /** The verdict for a run whose last snapshot is {@code last}. */
    public static GeneratorHealth assess(LiveSnapshot last, long thresholdNanos) {
        return assess(last.overall().cumulativeSendLagP99Nanos(), last.worstIntervalSendLagP99Nanos(), thresholdNanos);
    }
}
