package dev.stampede.logparser.format.json;

/** The unit of a numeric time or duration in a field map ({@code duration_ms:ms}). */
enum Unit {
    S("s", 6),
    MS("ms", 3),
    US("us", 0),
    NS("ns", -3);

    private final String suffix;
    private final int microsScale;

    Unit(String suffix, int microsScale) {
        this.suffix = suffix;
        this.microsScale = microsScale;
    }

    /** The power of ten that turns a number in this unit into microseconds. */
    int microsScale() {
        return microsScale;
    }

    String suffix() {
        return suffix;
    }

    /** The unit written {@code suffix}, or {@code null}. */
    static Unit of(String suffix) {
        for (Unit unit : values()) {
            if (unit.suffix.equals(suffix)) {
                return unit;
            }
        }
        return null;
    }
}
