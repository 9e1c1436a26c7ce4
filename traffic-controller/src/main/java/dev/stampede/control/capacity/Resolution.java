package dev.stampede.control.capacity;

import dev.stampede.control.profile.Rates;

/**
 * How close the bisection narrows the knee, and how far a failed confirmation steps down: a share of the
 * last good rate ({@code 5%}) or a rate in the run's unit ({@code 50}).
 *
 * @param amount the share (above 0, below 1) when {@code relative}, else the rate (above 0)
 * @param relative true for a share of the last good rate
 */
public record Resolution(double amount, boolean relative) {

    /** Checks the amount. */
    public Resolution {
        if (!(amount > 0) || Double.isInfinite(amount) || (relative && amount >= 1)) {
            throw new IllegalArgumentException(
                    "a resolution is above 0" + (relative ? " and below 100%" : "") + ", got " + amount);
        }
    }

    /** {@code percent} percent of the last good rate. */
    public static Resolution percent(double percent) {
        return new Resolution(percent / 100, true);
    }

    /** A fixed rate. */
    public static Resolution rate(double rate) {
        return new Resolution(rate, false);
    }

    /** True when the knee between {@code good} and {@code bad} is known closely enough. */
    public boolean reached(double good, double bad) {
        double allowed = relative ? amount * good : amount;
        return bad - good <= allowed * (1 + 1e-9);
    }

    /** The rate one resolution below {@code rate}. */
    public double below(double rate) {
        return relative ? rate * (1 - amount) : rate - amount;
    }

    /** For people: {@code 5%}, or {@code 50 req/s} in {@code unit}. */
    public String describe(String unit) {
        return relative ? Rates.format(amount * 100) + "%" : Rates.format(amount) + " " + unit;
    }
}
