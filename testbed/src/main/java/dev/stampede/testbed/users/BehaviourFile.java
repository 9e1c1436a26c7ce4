package dev.stampede.testbed.users;

import java.util.Map;

/**
 * A behaviour file as written (JSON, version 1). {@link Behaviour#load} reads and checks it; the
 * built-in {@code default-behaviour.json} is the reference example of every field.
 *
 * @param version file format version; only 1 is known
 * @param description what these users are like
 * @param transitions per action, the probability of each next action ({@code exit} ends the session);
 *     each row sums to 1
 * @param ipoBurstTransitions rows that replace those of {@code transitions} during the IPO burst
 * @param thinkTime the pause after each action before the next one, by action, with a {@code default}
 * @param awayTime how long a user who exited stays away before logging in again
 * @param parameters what users ask for
 * @param timeline when the market opens and the IPO burst happens, as fractions of the run
 */
public record BehaviourFile(
        Integer version,
        String description,
        Map<String, Map<String, Double>> transitions,
        Map<String, Map<String, Double>> ipoBurstTransitions,
        Map<String, ThinkTime> thinkTime,
        ThinkTime awayTime,
        Parameters parameters,
        Timeline timeline) {

    /**
     * What users ask for.
     *
     * @param codeZipfExponent stock popularity: the k-th most popular code is chosen with weight 1/k^s
     * @param klinePeriods weights of the kline periods (1m, 5m, 1d)
     * @param orderSides weights of buy and sell
     * @param orderLots order size in lots, uniform between min and max
     * @param ipoLots IPO subscription size in lots, uniform between min and max
     * @param priceSpread limit prices are within this fraction of the reference price
     */
    public record Parameters(
            double codeZipfExponent,
            Map<String, Double> klinePeriods,
            Map<String, Double> orderSides,
            Range orderLots,
            Range ipoLots,
            double priceSpread) {}

    /** An inclusive range of whole numbers. */
    public record Range(int min, int max) {}

    /**
     * The shape of the run, each value a fraction of the simulated duration.
     *
     * @param preOpenUsers fraction of users already active before the market opens
     * @param marketOpenAt when the market opens
     * @param marketOpenRamp over how long the remaining users log in after the open (the spike)
     * @param ipoBurstAt when the IPO burst starts
     * @param ipoBurstLength how long it lasts
     */
    public record Timeline(
            double preOpenUsers,
            double marketOpenAt,
            double marketOpenRamp,
            double ipoBurstAt,
            double ipoBurstLength) {}
}
