package dev.stampede.control.profile;

/**
 * A straight line from one rate to another: {@code ramp: {from: 1000, to: 5000, for: 60s}}. The rate at
 * {@code t} is {@code from + (to - from) * t / seconds}; it never quite reaches {@code to} (a following
 * phase starts there), but {@link #peak()} is the larger end all the same, as a ceiling must hold it.
 */
public final class RampProfile implements RateProfile {

    private final double from;
    private final double to;
    private final double seconds;

    /**
     * @param from the rate at the start, 0 or more
     * @param to the rate it heads for, 0 or more (below {@code from}: a ramp down)
     * @param seconds how long, above 0 and finite
     */
    public RampProfile(double from, double to, double seconds) {
        this.from = Args.nonNegative("from", from);
        this.to = Args.nonNegative("to", to);
        this.seconds = Args.length("for", seconds, false);
    }

    @Override
    public double rateAt(double seconds) {
        double t = Args.clampTime(seconds);
        return t < this.seconds ? from + (to - from) * (t / this.seconds) : 0;
    }

    @Override
    public double seconds() {
        return seconds;
    }

    @Override
    public double peak() {
        return Math.max(from, to);
    }

    @Override
    public String describe() {
        return "ramp " + Rates.format(from) + " -> " + Rates.format(to) + " over " + Rates.duration(seconds);
    }
}
