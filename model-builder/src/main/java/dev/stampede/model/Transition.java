package dev.stampede.model;

import dev.stampede.model.stats.FitQuality;
import dev.stampede.model.stats.FittedDistribution;

/**
 * One edge of the session walk: from an endpoint to the next ({@link #EXIT} for the end of a session),
 * how often it was taken and its probability among the edges leaving {@code from}, and the think time
 * before the next request in seconds (none for an exit). {@code thinkFrom} says which sample the think
 * time was fitted on: {@code "transition"} (this edge had enough of its own) or {@code "endpoint"} (all
 * think times after {@code from}).
 */
public record Transition(
        String from,
        String to,
        long count,
        double probability,
        FittedDistribution thinkSeconds,
        FitQuality fit,
        String thinkFrom) {

    /** The target of the edge that ends a session. */
    public static final String EXIT = "$exit";
}
