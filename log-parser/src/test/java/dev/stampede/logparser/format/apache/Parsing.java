package dev.stampede.logparser.format.apache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One-line parsing for golden tests. */
final class Parsing {

    private Parsing() {}

    /** {@code line} parsed with {@code logFormat}; fails the test when it is rejected. */
    static RequestRecord parsed(String logFormat, String line) {
        RequestRecord record = new RequestRecord();
        Rejection why = ApacheLogFormat.compile(logFormat).newParser().parse(line, record);
        assertThat(why).as("rejection of %s", line).isNull();
        return record;
    }

    /** Why {@code line} is rejected with {@code logFormat}; fails the test when it parses. */
    static Rejection rejected(String logFormat, String line) {
        RequestRecord record = new RequestRecord();
        Rejection why = ApacheLogFormat.compile(logFormat).newParser().parse(line, record);
        assertThat(why).as("rejection of %s (parsed as %s)", line, record).isNotNull();
        return why;
    }

    /** Epoch microseconds of an ISO-8601 instant, by java.time (an oracle independent of the parser). */
    static long micros(String instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
    }
}
