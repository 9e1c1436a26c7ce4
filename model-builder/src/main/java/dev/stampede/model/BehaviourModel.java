package dev.stampede.model;

import dev.stampede.model.arrival.Arrivals;
import java.util.List;

/**
 * What {@code stampede model} learns from a record store: the endpoints and their parameters, the
 * arrival curve and its peaks, and how sessions move between endpoints. Written as {@code model.json}
 * ({@link ModelFiles}); the schema is documented in {@code docs/model.md} and versioned by {@link
 * #VERSION}. Identity-bearing values never appear in clear: they are tokens of the data pool's keyed
 * hash.
 */
public record BehaviourModel(
        String schema,
        int version,
        ModelSource source,
        ModelSettings settings,
        List<EndpointModel> endpoints,
        Arrivals arrivals,
        SessionModel sessions) {

    /** The {@code schema} value of every model file. */
    public static final String SCHEMA = "stampede-model";

    /** The model format version this code writes and reads. */
    public static final int VERSION = 1;
}
