package dev.stampede.control.capacity;

import dev.stampede.control.guard.GuardRule;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a capacity search goes. Rates are in the run's unit: requests per second, or a replay's speed
 * factor.
 *
 * @param fromRate the first step's rate, above 0
 * @param stepRate how much each ramp step adds, above 0
 * @param stepFor how long each ramp and bisection step lasts
 * @param upToRate the highest rate tried, at least {@code fromRate}; reaching it without a bad step ends
 *     the search ("no knee up to the bound")
 * @param resolution how closely bisection narrows the knee, and how far a failed confirmation steps down
 * @param confirmFor how long the rate just below the knee is held to confirm it
 * @param settle how much of each step is not judged (its first intervals still carry queues of the step
 *     before), 0 or more and shorter than {@code stepFor} and {@code confirmFor}
 * @param minAchieved the share of the target a step must achieve (above 0, at most 1; default {@value
 *     #DEFAULT_MIN_ACHIEVED}): below it the generator or the chain cannot keep up, which is what a knee
 *     looks like when timeouts bound the latency
 * @param slo the guards a step is judged by (their metric and threshold over the step's judged
 *     intervals, not their windows); empty: only the achieved rate judges
 */
public record CapacitySettings(
        double fromRate,
        double stepRate,
        Duration stepFor,
        double upToRate,
        Resolution resolution,
        Duration confirmFor,
        Duration settle,
        double minAchieved,
        List<GuardRule> slo) {

    /** The share of the target a step must achieve unless told otherwise. */
    public static final double DEFAULT_MIN_ACHIEVED = 0.95;

    /** Checks every value and copies the SLO. */
    public CapacitySettings {
        Objects.requireNonNull(stepFor, "stepFor");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(confirmFor, "confirmFor");
        Objects.requireNonNull(settle, "settle");
        slo = List.copyOf(slo);
        if (!(fromRate > 0) || !(stepRate > 0) || !(upToRate >= fromRate) || Double.isInfinite(upToRate)) {
            throw new IllegalArgumentException("rates are above 0 and upTo is at least from, got from " + fromRate
                    + ", step " + stepRate + ", upTo " + upToRate);
        }
        if (settle.isNegative() || settle.compareTo(stepFor) >= 0 || settle.compareTo(confirmFor) >= 0) {
            throw new IllegalArgumentException("settle is 0 or more and shorter than stepFor and confirmFor, got "
                    + settle + " of " + stepFor + " and " + confirmFor);
        }
        if (!(minAchieved > 0 && minAchieved <= 1)) {
            throw new IllegalArgumentException("minAchieved is above 0 and at most 1, got " + minAchieved);
        }
    }

    /** The settle time unless told otherwise: a quarter of each step. */
    public static Duration defaultSettle(Duration stepFor) {
        return stepFor.dividedBy(4);
    }
}
