package dev.stampede.control.profile;

/** Argument checks the profiles share; each names the argument as the scenario file does. */
final class Args {

    private Args() {}

    /** A finite rate (or factor), 0 or more. */
    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be 0 or more, got " + value);
        }
        return value;
    }

    /** A finite number above 0. */
    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be above 0, got " + value);
        }
        return value;
    }

    /** A length in seconds above 0; {@code Double.POSITIVE_INFINITY} (never ends) only when allowed. */
    static double length(String name, double seconds, boolean mayBeEndless) {
        if (!(seconds > 0) || (Double.isInfinite(seconds) && !mayBeEndless)) {
            throw new IllegalArgumentException(
                    name + " must be above 0 seconds" + (mayBeEndless ? "" : " and end") + ", got " + seconds);
        }
        return seconds;
    }

    /** A time 0 or more: the start of a profile for negative or NaN times. */
    static double clampTime(double seconds) {
        return seconds > 0 ? seconds : 0;
    }
}
