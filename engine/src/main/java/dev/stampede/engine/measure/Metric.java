package dev.stampede.engine.measure;

/**
 * The three timings recorded for every attempted request, all in nanoseconds of the injected clock.
 *
 * <ul>
 *   <li>{@link #LATENCY}: done minus <em>intended</em> send time, what a user of the schedule waited,
 *       free of coordinated omission;
 *   <li>{@link #SERVICE}: done minus <em>actual</em> send time, what the target took once it had the
 *       request (what a closed-loop tool would call latency);
 *   <li>{@link #SEND_LAG}: actual minus intended send time, how late the generator itself was.
 * </ul>
 */
public enum Metric {
    /** Completion minus intended send time. */
    LATENCY("latency"),
    /** Completion minus actual send time. */
    SERVICE("service"),
    /** Actual minus intended send time. */
    SEND_LAG("send-lag");

    /** The number of metrics, the length of per-metric arrays. */
    public static final int COUNT = values().length;

    private final String tagPrefix;

    Metric(String tagPrefix) {
        this.tagPrefix = tagPrefix;
    }

    /** The prefix of this metric's tags in {@code latency.hlog}, e.g. {@code "send-lag"}. */
    public String tagPrefix() {
        return tagPrefix;
    }
}
