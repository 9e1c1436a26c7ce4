package dev.stampede.control.capacity;

import java.util.List;
import java.util.Objects;

/**
 * What a capacity search found: {@code capacity.json}.
 *
 * @param outcome how it ended
 * @param maxSustainableRate the confirmed rate below the knee ({@link CapacityOutcome#KNEE_FOUND}), the
 *     upper bound ({@link CapacityOutcome#UPPER_BOUND_REACHED}), else NaN
 * @param lastGoodRate the rate of the latest good step (NaN when none was good)
 * @param firstBadRate the lowest rate a step was bad at (NaN when none was bad)
 * @param unit {@code req/s}, or {@code x} for a replay's speed factor
 * @param settings how the search went
 * @param steps every step, in order
 * @param summary one line for people
 */
public record CapacityResult(
        CapacityOutcome outcome,
        double maxSustainableRate,
        double lastGoodRate,
        double firstBadRate,
        String unit,
        CapacitySettings settings,
        List<CapacityStep> steps,
        String summary) {

    /** Checks for nulls and copies the steps. */
    public CapacityResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(summary, "summary");
        steps = List.copyOf(steps);
    }
}
