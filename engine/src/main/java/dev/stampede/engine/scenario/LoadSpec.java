package dev.stampede.engine.scenario;

import dev.stampede.control.profile.RateProfile;

/**
 * How hard to push over time: the scenario's {@code load} section. Rates are requests per second for a
 * {@code url} or {@code model} source, and speed factors (1 = the recorded pace) for a {@code replay}.
 *
 * @param profile the rate over time (a {@link dev.stampede.control.profile.SequenceProfile} of the
 *     file's phases); null: the source's own rate or speed, for as long as the run lasts
 * @param maxRate the ceiling no profile value and no live change may exceed, in the same unit; {@link
 *     #NO_CEILING} for none
 */
public record LoadSpec(RateProfile profile, double maxRate) {

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
