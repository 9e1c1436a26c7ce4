package dev.stampede.engine.measure;

/** How a run decided when to send, as {@code run.json}'s {@code mode} says it. */
public enum RunMode {

    /**
     * Open loop: every request has an intended send time from a schedule (a rate, a replayed log),
     * whatever the responses do; latency counts from it (no coordinated omission).
     */
    FIXED_RATE("fixed-rate"),

    /**
     * Closed loop, as fast as the connections allow (wrk): a fixed number of requests outstanding, each
     * completion letting the next one go. A request's intended time is its release, so its latency is
     * its service time (plus the generator's hand-over): the figure to read is the rate achieved.
     */
    FLAT_OUT("flat-out");

    private final String jsonName;

    RunMode(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in {@code run.json}. */
    public String jsonName() {
        return jsonName;
    }
}
