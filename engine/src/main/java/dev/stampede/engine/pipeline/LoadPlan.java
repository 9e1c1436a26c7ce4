package dev.stampede.engine.pipeline;

import dev.stampede.engine.http.ClientOptions;
import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.engine.schedule.IntendedTimes;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What a load run sends: where to, which requests (one template per endpoint, named for the results),
 * when ({@code schedule}: given its start on the run's clock, the intended send times; the run starts
 * it once connections are open) and how (connections, client
 * timeouts, ring size, the measurement interval). Every request goes to endpoint 0 unless a source
 * picks others; a single-URL run has one.
 */
public record LoadPlan(
        HttpTarget target,
        List<String> endpointNames,
        List<RequestTemplate> templates,
        LongFunction<IntendedTimes> schedule,
        int connections,
        ClientOptions client,
        int ringSize,
        long intervalNanos,
        long sendLagThresholdNanos) {

    public LoadPlan {
        endpointNames = List.copyOf(endpointNames);
        templates = List.copyOf(templates);
        if (endpointNames.size() != templates.size() || templates.isEmpty()) {
            throw new IllegalArgumentException("one name per request template, at least one");
        }
        if (Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("the ring size must be a power of two, got " + ringSize);
        }
    }
}
