package dev.stampede.logparser.format.har;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * {@code startedDateTime}: ISO 8601 with an offset ({@code Z}, {@code -07:00}), any fraction of a second
 * (producers write milli- or microseconds). {@code +0000} without a colon is read too; a time without
 * an offset is not, because it names no instant.
 */
final class HarTime {

    /** Returned for text that is not such a time. */
    static final long INVALID = Long.MIN_VALUE;

    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHMM", "Z")
            .toFormatter(Locale.ROOT)
            // As the ISO formatters: February 30 is an error, not March 2 or February 28.
            .withResolverStyle(ResolverStyle.STRICT);

    private HarTime() {}

    /** Epoch microseconds of {@code text} (fractions below a microsecond dropped), or {@link #INVALID}. */
    static long parseMicros(String text) {
        OffsetDateTime time = parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        if (time == null) {
            time = parse(text.strip(), OFFSET_WITHOUT_COLON);
        }
        if (time == null) {
            return INVALID;
        }
        Instant instant = time.toInstant();
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        } catch (ArithmeticException outOfRange) {
            return INVALID;
        }
    }

    private static OffsetDateTime parse(String text, DateTimeFormatter format) {
        try {
            return OffsetDateTime.parse(text, format);
        } catch (DateTimeException notThisForm) {
            return null;
        }
    }
}
