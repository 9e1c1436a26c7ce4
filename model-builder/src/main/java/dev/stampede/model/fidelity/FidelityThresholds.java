package dev.stampede.model.fidelity;

/**
 * Where the fidelity check fails: coverage below {@code minCoverage}, endpoint-mix distance above {@code
 * maxMixDistance}, and (when set, i.e. below 1) think-time or session-length KS distances above theirs.
 */
public record FidelityThresholds(
        double minCoverage, double maxMixDistance, double maxThinkTimeKs, double maxSessionLengthKs) {

    /** Coverage at least 99 %, mix distance at most 1 %; the distribution distances reported only. */
    public static FidelityThresholds defaults() {
        return new FidelityThresholds(0.99, 0.01, 1, 1);
    }
}
