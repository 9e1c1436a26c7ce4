package dev.stampede.model.build;

import dev.stampede.model.stats.BoundedSample;
import java.util.Map;

/**
 * What the fidelity check compares a model against, measured on the source records while the model was
 * built: requests per endpoint, think times and session lengths (reservoirs), and the dispersion
 * index of the per-second request counts.
 */
public record SourceObservations(
        Map<String, Long> endpointCounts,
        BoundedSample thinkTimes,
        BoundedSample sessionLengths,
        double dispersionIndex) {}
