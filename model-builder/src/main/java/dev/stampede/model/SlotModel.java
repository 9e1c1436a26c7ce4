package dev.stampede.model;

import dev.stampede.model.stats.FittedDistribution;
import dev.stampede.model.stats.ZipfFit;
import java.util.List;

/**
 * One variable part of an endpoint: where it is ({@code kind}: path, query, query-string or body), the
 * parameter's name, whether it carries identity (then every value shown is a token), the data-pool
 * file with all its kept values, the top values with their counts and the rest's count ({@code tail}),
 * a Zipf fit of the value frequencies when there are enough distinct values, and for numeric slots
 * (price, quantity) a fitted distribution.
 */
public record SlotModel(
        String name,
        String kind,
        String parameter,
        String identity,
        String poolFile,
        long count,
        List<WeightedValue> top,
        long tail,
        ZipfFit zipf,
        FittedDistribution numeric) {

    /** A value and how many requests carried it (a guaranteed lower bound from the sketch). */
    public record WeightedValue(String value, long weight) {}
}
