package dev.stampede.engine.source;

import dev.stampede.engine.http.RequestTemplate;

/**
 * How a source sends a request it held back in {@link RequestSource#build} (which then returned {@code
 * null}): a request of a session whose login has not been answered yet goes out when it is, from
 * whichever thread learns it. Its latency still counts from its intended send time. Thread-safe.
 */
@FunctionalInterface
public interface LateSender {

    /** Sends a held-back request now; it ends, like every request, with exactly one outcome. */
    void send(RequestTemplate request, int endpoint, long intendedNanos);
}
