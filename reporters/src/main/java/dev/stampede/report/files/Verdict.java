package dev.stampede.report.files;

/** How a check of the run came out, as {@code summary.json} and {@code junit.xml} say it. */
public enum Verdict {
    /** It held. */
    PASSED("passed"),
    /** It did not hold. */
    FAILED("failed"),
    /** It could not be judged (an SLO with too few requests, counts that are unknown). */
    SKIPPED("skipped");

    private final String word;

    Verdict(String word) {
        this.word = word;
    }

    /** The word in result files. */
    public String word() {
        return word;
    }
}
