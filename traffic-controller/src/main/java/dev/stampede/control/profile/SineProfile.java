package dev.stampede.control.profile;

/**
 * A wave around a mean, e.g. a day's cycle: {@code sine: {mean: 2000, amplitude: 1000, period: 60s,
 * phase: 15s, for: 5m}}. The rate at {@code t} is {@code mean + amplitude * sin(2 pi (t + phase) /
 * period)}: without a phase it starts at the mean, rising; {@code phase} starts it that far into its
 * period (a quarter period: at the crest; three quarters: at the trough). The amplitude is at most the
 * mean, so the rate is never negative; it lasts {@code for}, or for ever without it.
 *
 * <p>The sine is taken of the angle folded into {@code [-pi/2, pi/2]}, so the mean, crest and trough
 * come out exact at the quarter periods.
 */
public final class SineProfile implements RateProfile {

    private static final double TWO_PI = 2 * Math.PI;

    private final double mean;
    private final double amplitude;
    private final double period;
    private final double phase;
    private final double seconds;
    private final double peak;

    /**
     * @param mean the middle rate, 0 or more
     * @param amplitude how far above and below the mean it swings, 0 to {@code mean}
     * @param periodSeconds the length of one wave, above 0
     * @param phaseSeconds how far into its period it starts, 0 or more
     * @param seconds how long, above 0; {@code Double.POSITIVE_INFINITY} for ever
     */
    public SineProfile(double mean, double amplitude, double periodSeconds, double phaseSeconds, double seconds) {
        this.mean = Args.nonNegative("mean", mean);
        this.amplitude = Args.nonNegative("amplitude", amplitude);
        if (amplitude > mean) {
            throw new IllegalArgumentException("amplitude must be at most the mean " + Rates.format(mean)
                    + " (the rate cannot go below 0), got " + Rates.format(amplitude));
        }
        this.period = Args.length("period", periodSeconds, false);
        this.phase = Args.nonNegative("phase", phaseSeconds);
        this.seconds = Args.length("for", seconds, true);
        this.peak = highest();
    }

    @Override
    public double rateAt(double seconds) {
        double t = Args.clampTime(seconds);
        return t < this.seconds ? wave(t) : 0;
    }

    private double wave(double t) {
        double turns = (t + phase) / period;
        double f = turns - Math.floor(turns);
        double sine;
        if (f <= 0.25) {
            sine = Math.sin(TWO_PI * f);
        } else if (f <= 0.75) {
            sine = Math.sin(TWO_PI * (0.5 - f));
        } else {
            sine = -Math.sin(TWO_PI * (1 - f));
        }
        return Math.max(0, mean + amplitude * sine);
    }

    /** The crest when one falls within the phase; else the higher end (a sine has no other maximum). */
    private double highest() {
        double toCrest = 0.25 - phase / period;
        double firstCrest = (toCrest - Math.floor(toCrest)) * period;
        if (firstCrest < seconds) {
            return mean + amplitude;
        }
        return Math.max(wave(0), wave(seconds));
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
        return "sine " + Rates.format(mean) + " +/- " + Rates.format(amplitude) + " every " + Rates.duration(period)
                + (phase == 0 ? "" : ", phase " + Rates.duration(phase))
                + (Double.isInfinite(seconds) ? "" : " for " + Rates.duration(seconds));
    }
}
