package dev.stampede.engine.pipeline;

import dev.stampede.engine.http.ClientOptions;
import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.source.RequestSource;

/**
 * What a load run sends: where to, which requests and when ({@code source}: one timeline of intended
 * send times and the requests due then, started once connections are open, its endpoint names keying
 * the results) and how (connections, client timeouts, ring size, the measurement interval, the send-lag
 * threshold of generator health), under which run id, and whether to write the per-request result
 * journal ({@code RESULT_DIR/journal/}).
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
        boolean journal) {

    public LoadPlan {
        if (source == null || source.endpointNames().isEmpty()) {
            throw new IllegalArgumentException("a source with at least one endpoint is required");
        }
        if (Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("the ring size must be a power of two, got " + ringSize);
        }
    }
}
