package dev.stampede.testbed.lb;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code $time_local} and {@code $time_iso8601}: the request's end time, to the second, in a fixed
 * zone. Formatting a date is the most expensive part of a line, and consecutive requests nearly
 * always end in the same second, so the last second's text is cached (as nginx itself does).
 */
final class TimeSegment implements LogSegment {

    /** nginx's {@code %02d/%s/%d:%02d:%02d:%02d %c%02i%02i}, e.g. {@code 21/Nov/2026:14:42:01 +0000}. */
    private static final String LOCAL_PATTERN = "dd/MMM/uuuu:HH:mm:ss Z";

    /** nginx's {@code %4d-%02d-%02dT%02d:%02d:%02d%c%02i:%02i}, e.g. {@code 2026-11-21T14:42:01+00:00}. */
    private static final String ISO8601_PATTERN = "uuuu-MM-dd'T'HH:mm:ssxxx";

    /** One second's text. Immutable, so it can be published through a plain volatile field. */
    private record Cached(long epochSecond, String text) {}

    private final DateTimeFormatter formatter;
    private volatile Cached cached = new Cached(Long.MIN_VALUE, "");

    private TimeSegment(String pattern, ZoneId zone) {
        // English month names whatever the default locale: nginx always writes Jan..Dec.
        this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withZone(zone);
    }

    static TimeSegment timeLocal(ZoneId zone) {
        return new TimeSegment(LOCAL_PATTERN, zone);
    }

    static TimeSegment iso8601(ZoneId zone) {
        return new TimeSegment(ISO8601_PATTERN, zone);
    }

    @Override
    public void render(AccessLogEntry entry, StringBuilder out) {
        long epochSecond = Math.floorDiv(entry.endEpochMillis(), 1000L);
        Cached last = cached;
        if (last.epochSecond() != epochSecond) {
            // Racing event loops may both format the same second; either result is correct.
            last = new Cached(epochSecond, formatter.format(Instant.ofEpochSecond(epochSecond)));
            cached = last;
        }
        out.append(last.text());
    }
}
