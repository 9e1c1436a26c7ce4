package dev.stampede.control.profile;

/** One rate, for a while or forever: {@code constant: {rate: 1000, for: 30s}}. */
public final class ConstantProfile implements RateProfile {

    private final double rate;
    private final double seconds;

    /**
     * @param rate the rate, 0 or more
     * @param seconds how long, above 0; {@code Double.POSITIVE_INFINITY} for ever
     */
    public ConstantProfile(double rate, double seconds) {
        this.rate = Args.nonNegative("rate", rate);
        this.seconds = Args.length("for", seconds, true);
    }

    @Override
    public double rateAt(double seconds) {
        return Args.clampTime(seconds) < this.seconds ? rate : 0;
    }

    @Override
    public double seconds() {
        return seconds;
    }

    @Override
    public double peak() {
        return rate;
    }

    @Override
    public String describe() {
        return "constant " + Rates.format(rate) + (Double.isInfinite(seconds) ? "" : " for " + Rates.duration(seconds));
    }
}
