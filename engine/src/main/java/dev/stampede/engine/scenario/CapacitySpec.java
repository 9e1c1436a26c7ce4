package dev.stampede.engine.scenario;

import dev.stampede.control.capacity.CapacitySettings;
import dev.stampede.control.capacity.Resolution;
import dev.stampede.control.guard.GuardRule;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A capacity search as a scenario writes it ({@code capacity}); {@link #toSettings} makes the traffic
 * controller's settings. Rates are requests per second, or for a replay source its speed factor.
 *
 * @param from the first step's rate
 * @param step how much each ramp step adds
 * @param stepFor how long each step lasts (default 20 s)
 * @param upTo the highest rate tried
 * @param resolution how closely the knee is narrowed: a share of the last good rate when {@code
 *     resolutionIsShare} (default 5%), else a rate
 * @param resolutionIsShare true for a share ({@code 5%}), false for a rate ({@code 50})
 * @param confirmFor how long the rate below the knee is held to confirm it (default twice {@code stepFor})
 * @param settle how much of each step is not judged (default a quarter of {@code stepFor})
 * @param minAchieved the share of the target a step must achieve (default 95%)
 * @param slo the names of the guards steps are judged by; empty: every guard
 */
public record CapacitySpec(
        double from,
        double step,
        Duration stepFor,
        double upTo,
        double resolution,
        boolean resolutionIsShare,
        Duration confirmFor,
        Duration settle,
        double minAchieved,
        List<String> slo) {

    /** The step length unless told otherwise. */
    public static final Duration DEFAULT_STEP_FOR = Duration.ofSeconds(20);

    /** The resolution unless told otherwise: 5% of the last good rate. */
    public static final double DEFAULT_RESOLUTION_SHARE = 0.05;

    /** Checks for nulls and copies the SLO names. */
    public CapacitySpec {
        Objects.requireNonNull(stepFor, "stepFor");
        Objects.requireNonNull(confirmFor, "confirmFor");
        Objects.requireNonNull(settle, "settle");
        slo = List.copyOf(slo);
    }

    /** True when {@code guard} judges the steps: it is named in {@code slo}, or {@code slo} is empty. */
    public boolean judgesBy(String guard) {
        return slo.isEmpty() || slo.contains(guard);
    }

    /** The traffic controller's settings, judging steps by the SLO guards among {@code guards}. */
    public CapacitySettings toSettings(List<GuardSpec> guards) {
        List<GuardRule> rules = guards.stream()
                .filter(g -> judgesBy(g.name()))
                .map(GuardSpec::toRule)
                .toList();
        Resolution res = resolutionIsShare ? new Resolution(resolution, true) : Resolution.rate(resolution);
        return new CapacitySettings(from, step, stepFor, upTo, res, confirmFor, settle, minAchieved, rules);
    }
}
