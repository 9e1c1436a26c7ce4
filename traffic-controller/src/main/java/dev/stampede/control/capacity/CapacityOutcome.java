package dev.stampede.control.capacity;

/** How a capacity search ended. */
public enum CapacityOutcome {
    /** Not ended yet. */
    SEARCHING("searching"),
    /** The knee was narrowed to the resolution and the rate just below it held for the confirm time. */
    KNEE_FOUND("kneeFound"),
    /** Every step up to the upper bound was good: the capacity is at least the bound. */
    UPPER_BOUND_REACHED("upperBoundReached"),
    /** The first step already broke the SLO: the knee is below the start rate. */
    KNEE_BELOW_START("kneeBelowStart"),
    /** Every confirmation (at most {@link CapacitySearch#MAX_CONFIRMATIONS}) broke the SLO. */
    NOT_CONFIRMED("notConfirmed"),
    /** The run ended first, or a rate was refused (e.g. above the ceiling). */
    STOPPED("stopped");

    private final String word;

    CapacityOutcome(String word) {
        this.word = word;
    }

    /** The word in {@code capacity.json}. */
    public String word() {
        return word;
    }
}
