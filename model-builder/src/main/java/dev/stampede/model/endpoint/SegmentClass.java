package dev.stampede.model.endpoint;

/**
 * What a path segment looks like, decided from its (percent-decoded) text alone. Strong classes are
 * values wherever they appear; a ticker is a value only with evidence from its position (see the
 * package rules); a literal is a value only where the cardinality cap says so.
 */
enum SegmentClass {
    /** Plain text: a word, a file name, a version such as {@code v1}. */
    LITERAL("var", false),
    /** All digits: {@code 42}, {@code 1432456789}. */
    NUMBER("id", true),
    /** A stock code: A-share {@code 600519}, suffixed {@code 00700.HK}, prefixed {@code sh600519}. */
    CODE("code", true),
    /** Upper-case letters that may be a US ticker ({@code AAPL}, {@code BRK.B}) or just a word ({@code API}). */
    TICKER("code", false),
    /** {@code 123e4567-e89b-12d3-a456-426614174000}. */
    UUID("uuid", true),
    /** {@code 2026-11-21}, {@code 20261121}, {@code 2026-11-21T09:30:00Z}. */
    DATE("date", true),
    /** Eight or more hex digits of one case with both digits and letters: object ids, hashes. */
    HEX("hex", true),
    /** A random-looking base64/base64url string of 16 or more characters, or a JWT. */
    TOKEN("token", true);

    private static final SegmentClass[] VALUES = values();

    private final String slotName;
    private final boolean strong;

    SegmentClass(String slotName, boolean strong) {
        this.slotName = slotName;
        this.strong = strong;
    }

    /** The base name of a slot holding values of this class. */
    String slotName() {
        return slotName;
    }

    /** Whether a segment of this class is a value wherever it appears. */
    boolean strong() {
        return strong;
    }

    static SegmentClass of(int ordinal) {
        return VALUES[ordinal];
    }

    static int count() {
        return VALUES.length;
    }
}
