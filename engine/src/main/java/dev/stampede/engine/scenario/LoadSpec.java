package dev.stampede.engine.scenario;

import dev.stampede.control.profile.RateProfile;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How hard to push over time: the scenario's {@code load} section. Rates are requests per second for a
 * {@code url} or {@code model} source, and speed factors (1 = the recorded pace) for a {@code replay}.
 *
 * @param profile the rate over time (a {@link dev.stampede.control.profile.SequenceProfile} of the
 *     file's phases); null: the source's own rate or speed, for as long as the run lasts
 * @param maxRate the ceiling no profile value and no live change may exceed, in the same unit; {@link
 *     #NO_CEILING} for none
 */
public record LoadSpec(RateProfile profile, double maxRate, List<EndpointFactor> endpoints) {

    /**
     * One endpoint's factor over time, on top of the profile: requests whose {@code "METHOD /path"}
     * matches {@code pattern} ({@code find()}; the first matching entry applies) are sent {@code factor}
     * times as often (copies of the request, or some left out below 1). After a finite factor profile
     * ends the factor is 1 again.
     *
     * @param pattern matched against the endpoint's name
     * @param factor the factor over the seconds since the start
     */
    public record EndpointFactor(Pattern pattern, RateProfile factor) {

        /** Checks for nulls. */
        public EndpointFactor {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(factor, "factor");
        }

        /** The factor at {@code seconds} since the start (1 after a finite profile ends). */
        public double at(double seconds) {
            return seconds < factor.seconds() ? factor.rateAt(seconds) : 1;
        }
    }

    /** Copies the endpoint factors. */
    public LoadSpec {
        endpoints = List.copyOf(endpoints);
    }

    /** A profile and a ceiling, no endpoint factors. */
    public LoadSpec(RateProfile profile, double maxRate) {
        this(profile, maxRate, List.of());
    }

    /** {@link #maxRate()} without a ceiling. */
    public static final double NO_CEILING = Double.POSITIVE_INFINITY;

    /** No profile, no ceiling: what a scenario without {@code load} gets. */
    public static final LoadSpec NONE = new LoadSpec(null, NO_CEILING);

    /** True with a ceiling. */
    public boolean hasCeiling() {
        return maxRate != NO_CEILING;
    }

    /** True when the profile ends: a run without a duration ends there. */
    public boolean ends() {
        return profile != null && Double.isFinite(profile.seconds());
    }
}
