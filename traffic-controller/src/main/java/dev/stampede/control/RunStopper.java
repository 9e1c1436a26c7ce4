package dev.stampede.control;

/**
 * Stops a running load: the engine implements it. Sending stops at once (requests not yet sent end as
 * unsent), requests in flight finish up to their timeout, and every result file is still written.
 */
@FunctionalInterface
public interface RunStopper {

    /**
     * Stops the run; {@code reason} goes on its record (e.g. "guard p99<500ms tripped"). Any thread;
     * later calls do nothing.
     */
    void stop(String reason);
}
