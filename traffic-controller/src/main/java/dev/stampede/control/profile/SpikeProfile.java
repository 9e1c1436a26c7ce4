package dev.stampede.control.profile;

/**
 * A baseline with one burst: {@code spike: {base: 1000, factor: 10, at: 20s, lasting: 2m, for: 5m}}
 * sends 1000 for 20 s, 10,000 for the next 2 min, then 1000 again until 5 min (or for ever without
 * {@code for}). A factor below 1 makes a dip instead; 0 an outage.
 */
public final class SpikeProfile implements RateProfile {

    private final double base;
    private final double factor;
    private final double at;
    private final double lasting;
    private final double end;
    private final double seconds;

    /**
     * @param base the rate outside the spike, 0 or more
     * @param factor the spike's rate over {@code base}, 0 or more
     * @param atSeconds when the spike starts, 0 or more
     * @param lastingSeconds how long the spike lasts, above 0
     * @param seconds how long the whole phase lasts, at least {@code at + lasting}; {@code
     *     Double.POSITIVE_INFINITY} for ever
     */
    public SpikeProfile(double base, double factor, double atSeconds, double lastingSeconds, double seconds) {
        this.base = Args.nonNegative("base", base);
        this.factor = Args.nonNegative("factor", factor);
        this.at = Args.nonNegative("at", atSeconds);
        this.lasting = Args.length("lasting", lastingSeconds, false);
        this.end = atSeconds + lastingSeconds;
        this.seconds = Args.length("for", seconds, true);
        if (end > seconds) {
            throw new IllegalArgumentException("the spike ends at " + Rates.duration(end) + ", after the phase (for "
                    + Rates.duration(seconds) + ")");
        }
    }

    @Override
    public double rateAt(double seconds) {
        double t = Args.clampTime(seconds);
        if (!(t < this.seconds)) {
            return 0;
        }
        return t >= at && t < end ? base * factor : base;
    }

    @Override
    public double seconds() {
        return seconds;
    }

    @Override
    public double peak() {
        return Math.max(base, base * factor);
    }

    @Override
    public String describe() {
        return "spike " + Rates.format(base) + ", x" + Rates.format(factor) + " = " + Rates.format(base * factor)
                + " from " + Rates.duration(at) + " for " + Rates.duration(lasting)
                + (Double.isInfinite(seconds) ? "" : ", until " + Rates.duration(seconds));
    }
}
