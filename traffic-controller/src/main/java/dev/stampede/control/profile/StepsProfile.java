package dev.stampede.control.profile;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * Rates held in turn, each for the same time: {@code steps: {from: 1000, to: 5000, by: 1000, every:
 * 30s}} (1000, 2000, 3000, 4000, 5000: 2m30s), or {@code steps: {rates: [1000, 2000, 4000], every:
 * 30s}}. It ends after the last step.
 *
 * <p>A range counts from {@code from} towards {@code to} (down when {@code to} is lower) by {@code by};
 * when {@code by} does not divide the distance, the last step is {@code to} itself, shorter than the
 * others: 1000 to 5000 by 1500 is 1000, 2500, 4000, 5000.
 */
public final class StepsProfile implements RateProfile {

    /** More steps than anyone holds in a run: a typo such as {@code by: 0.001}. */
    public static final int MAX_STEPS = 100_000;

    /** Tolerance for a step that divides the distance up to rounding (0.3 by 0.1 is 3 steps, not 4). */
    private static final double EVEN = 1e-9;

    private final double[] levels;
    private final double every;
    private final double seconds;
    private final double peak;
    private final String text;

    private StepsProfile(double[] levels, double every, String text) {
        this.levels = levels;
        this.every = Args.length("every", every, false);
        this.seconds = levels.length * every;
        this.peak = Arrays.stream(levels).max().orElse(0);
        this.text = text + " every " + Rates.duration(every) + " (" + levels.length + " steps, "
                + Rates.duration(seconds) + ")";
    }

    /**
     * From {@code from} to {@code to} by {@code by}, each held {@code every} seconds.
     *
     * @throws IllegalArgumentException for a negative rate, a step not above 0, or more than {@link
     *     #MAX_STEPS} steps
     */
    public static StepsProfile range(double from, double to, double by, double everySeconds) {
        Args.nonNegative("from", from);
        Args.nonNegative("to", to);
        Args.positive("by", by);
        double moves = Math.ceil(Math.abs(to - from) / by - EVEN);
        if (moves + 1 > MAX_STEPS) {
            throw new IllegalArgumentException("from " + Rates.format(from) + " to " + Rates.format(to) + " by "
                    + Rates.format(by) + " makes more than " + MAX_STEPS + " steps");
        }
        double[] levels = new double[(int) moves + 1];
        double sign = to >= from ? 1 : -1;
        for (int i = 0; i < levels.length - 1; i++) {
            levels[i] = from + sign * i * by;
        }
        levels[levels.length - 1] = to;
        return new StepsProfile(
                levels,
                everySeconds,
                "steps " + Rates.format(from) + " -> " + Rates.format(to) + " by " + Rates.format(by));
    }

    /**
     * The {@code rates} in order, each held {@code every} seconds.
     *
     * @throws IllegalArgumentException for no rates, a negative one, or more than {@link #MAX_STEPS}
     */
    public static StepsProfile of(double[] rates, double everySeconds) {
        if (rates.length == 0 || rates.length > MAX_STEPS) {
            throw new IllegalArgumentException("rates must hold 1 to " + MAX_STEPS + " rates, got " + rates.length);
        }
        StringJoiner text = new StringJoiner(", ", "steps ", "");
        for (int i = 0; i < rates.length; i++) {
            Args.nonNegative("rates[" + i + "]", rates[i]);
            text.add(Rates.format(rates[i]));
        }
        return new StepsProfile(rates.clone(), everySeconds, text.toString());
    }

    /** The rates in order (a copy). */
    public double[] levels() {
        return levels.clone();
    }

    @Override
    public double rateAt(double seconds) {
        double t = Args.clampTime(seconds);
        if (!(t < this.seconds)) {
            return 0;
        }
        // The last step also takes a time that rounds to exactly its end.
        return levels[Math.min(levels.length - 1, (int) (t / every))];
    }

    @Override
    public double seconds() {
        return seconds;
    }

    @Override
    public double peak() {
        return peak;
    }

    @Override
    public String describe() {
        return text;
    }
}
