package dev.stampede.logparser.format;

import dev.stampede.logparser.RequestRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Every field of a record as one line, so a golden test compares whole records and a failure shows each
 * difference. Also the test-side time conversions, done with java.time, independently of the parsers.
 */
public final class RecordText {

    private RecordText() {}

    /** All fields, including headers, cookies and body bytes. */
    public static String of(RequestRecord record) {
        return "start=" + record.startMicros()
                + " method=" + record.method()
                + " uri=" + record.uri()
                + " protocol=" + record.protocol()
                + " host=" + record.host()
                + " status=" + record.status()
                + " bytes=" + record.bytesSent()
                + " requestTime=" + record.requestTimeMicros()
                + " upstreamTime=" + record.upstreamTimeMicros()
                + " client=" + record.clientAddress()
                + " headers=" + record.headers()
                + " cookies=" + record.cookies()
                + " body=" + (record.body() == null ? null : Arrays.toString(record.body()))
                + " source=" + record.sourceFile() + ":" + record.sourceLine();
    }

    /** Epoch microseconds of an ISO-8601 instant ({@code 2024-03-04T09:15:02.482913Z}), by java.time. */
    public static long micros(String isoInstant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(isoInstant));
    }

    /** The UTF-8 bytes of a text, for expected bodies. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
