package dev.stampede.report.compare;

import java.util.Collection;

/**
 * What the comparison concludes about one metric, one endpoint or the whole comparison. Combining
 * verdicts takes the most severe: regression, then improvement, then inconclusive, then no change (an
 * endpoint with one metric better and another worse is a regression; one proven improvement outweighs
 * a change that could not be judged, which its own line still shows).
 */
public enum Verdict {
    /** Nothing changed beyond the thresholds, or a change past them was not consistent across the run. */
    NO_CHANGE("no-change", "no change"),
    /** A change past the thresholds, but too few windows (or no data) to tell it from noise. */
    INCONCLUSIVE("inconclusive", "inconclusive"),
    /** Better beyond the thresholds, consistently across the run. */
    IMPROVEMENT("improvement", "improvement"),
    /** Worse beyond the thresholds, consistently across the run. */
    REGRESSION("regression", "REGRESSION");

    private final String jsonName;
    private final String text;

    Verdict(String jsonName, String text) {
        this.jsonName = jsonName;
        this.text = text;
    }

    /** The name in {@code compare.json}: {@code regression}, {@code no-change}, ... */
    public String jsonName() {
        return jsonName;
    }

    /** The word in the table (a regression in capitals, so it stands out in a CI log). */
    public String text() {
        return text;
    }

    /** The most severe of {@code verdicts}; {@link #NO_CHANGE} when there is none. */
    public static Verdict worst(Collection<Verdict> verdicts) {
        Verdict worst = NO_CHANGE;
        for (Verdict verdict : verdicts) {
            if (verdict.ordinal() > worst.ordinal()) {
                worst = verdict;
            }
        }
        return worst;
    }
}
