package dev.stampede.logparser.format.apache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.Datasets;
import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.apache.ApacheLineWriter.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded random lines: what httpd writes comes back exactly; whatever else comes in, nothing throws. */
class ApachePropertyTest {

    private static final String STRUCTURE = "\"[] \\-:.0123456789x";

    @Test
    void whatHttpdWritesParsesBackExactlyInTheCombinedFormat() {
        SplittableRandom random = new SplittableRandom(20_151_025L);
        LineParser parser = ApacheLogFormat.compile(ApacheLineWriter.COMBINED).newParser();
        RequestRecord record = new RequestRecord();
        for (int i = 0; i < 20_000; i++) {
            Request request = ApacheLineWriter.request(random);
            String line = request.combined();
            assertThat(parser.parse(line, record.reset())).as(line).isNull();
            assertThat(record.startMicros())
                    .as(line)
                    .isEqualTo(Math.floorDiv(request.startMicros(), 1_000_000L) * 1_000_000L);
            assertCommon(request, record, line);
            assertThat(record.host()).as(line).isNull();
            assertThat(record.requestTimeMicros()).as(line).isEqualTo(RequestRecord.UNKNOWN);
            assertThat(record.cookies()).as(line).isEmpty();
        }
    }

    @Test
    void whatHttpdWritesParsesBackExactlyInAComplexFormat() {
        SplittableRandom random = new SplittableRandom(20_150_517L);
        LineParser parser = ApacheLogFormat.compile(ApacheLineWriter.COMPLEX).newParser();
        RequestRecord record = new RequestRecord();
        for (int i = 0; i < 20_000; i++) {
            Request request = ApacheLineWriter.request(random);
            String line = request.complex(random);
            assertThat(parser.parse(line, record.reset())).as(line).isNull();
            assertThat(record.startMicros()).as(line).isEqualTo(request.startMicros());
            assertCommon(request, record, line);
            assertThat(record.host()).as(line).isEqualTo(request.vhost());
            assertThat(record.requestTimeMicros()).as(line).isEqualTo(request.durationMicros());
            assertThat(record.cookies())
                    .as(line)
                    .isEqualTo(request.session() == null ? Map.of() : Map.of("SESSION", request.session()));
        }
    }

    private static void assertCommon(Request request, RequestRecord record, String line) {
        assertThat(record.clientAddress()).as(line).isEqualTo(request.client());
        assertThat(record.method()).as(line).isEqualTo(request.method());
        assertThat(record.uri()).as(line).isEqualTo(request.uri());
        assertThat(record.protocol()).as(line).isEqualTo(request.protocol());
        assertThat(record.status()).as(line).isEqualTo(request.status());
        assertThat(record.bytesSent()).as(line).isEqualTo(request.bytes());
        Map<String, String> headers = new HashMap<>();
        if (request.referer() != null) {
            headers.put("referer", request.referer());
        }
        if (request.userAgent() != null) {
            headers.put("user-agent", request.userAgent());
        }
        assertThat(record.headers()).as(line).isEqualTo(headers);
    }

    @Test
    void randomAndMutatedLinesAreParsedOrRejectedNeverThrown() throws IOException {
        List<String> real =
                Files.readAllLines(Datasets.file("elastic-apache-combined/apache_logs"), StandardCharsets.ISO_8859_1);
        SplittableRandom random = new SplittableRandom(8899L);
        String[] formats = {ApacheLineWriter.COMBINED, ApacheLineWriter.COMPLEX};
        LineParser[] parsers = {
            ApacheLogFormat.compile(formats[0]).newParser(),
            ApacheLogFormat.compile(formats[1]).newParser()
        };
        Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
        int parsed = 0;
        RequestRecord record = new RequestRecord();
        for (int i = 0; i < 100_000; i++) {
            int format = i % 2;
            String line = line(random, format, real);
            Rejection why = parsers[format].parse(line, record.reset());
            if (why == null) {
                parsed++;
                assertThat(record.status()).as(line).isBetween(100, 999);
                assertThat(record.startMicros()).as(line).isNotEqualTo(RequestRecord.UNKNOWN);
                assertThat(format == 1 || record.method() != null).as(line).isTrue();
            } else {
                reasons.merge(why.reason(), 1, Integer::sum);
                assertThat(why.column()).as(line).isBetween(0, line.length() + 1);
                assertThat(why.field() == null || formats[format].contains(why.field()))
                        .as("%s: %s", line, why)
                        .isTrue();
                assertThat(why.describe()).startsWith(why.reason().code());
            }
        }
        int rejected = reasons.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(parsed + rejected).isEqualTo(100_000);
        assertThat(parsed).isGreaterThan(10_000);
        assertThat(reasons)
                .containsKeys(
                        Reason.EMPTY,
                        Reason.TRUNCATED,
                        Reason.FORMAT_MISMATCH,
                        Reason.BAD_TIME,
                        Reason.BAD_STATUS,
                        Reason.BAD_NUMBER,
                        Reason.BAD_REQUEST_LINE);
    }

    /** A quarter random Latin-1 text, the rest valid lines (real ones for combined) with 0 to 3 mutations. */
    private static String line(SplittableRandom random, int format, List<String> real) {
        if (random.nextInt(4) == 0) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(0, 200);
            for (int i = 0; i < length; i++) {
                text.append(
                        random.nextBoolean()
                                ? STRUCTURE.charAt(random.nextInt(STRUCTURE.length()))
                                : (char) random.nextInt(256));
            }
            return text.toString();
        }
        String valid;
        if (format == 0 && random.nextBoolean()) {
            valid = real.get(random.nextInt(real.size()));
        } else {
            Request request = ApacheLineWriter.request(random);
            valid = format == 0 ? request.combined() : request.complex(random);
        }
        StringBuilder line = new StringBuilder(valid);
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations && !line.isEmpty(); m++) {
            mutate(random, line);
        }
        return line.toString();
    }

    private static void mutate(SplittableRandom random, StringBuilder line) {
        int at = random.nextInt(line.length());
        switch (random.nextInt(5)) {
            case 0 -> line.setLength(at);
            case 1 -> line.insert(at, STRUCTURE.charAt(random.nextInt(STRUCTURE.length())));
            case 2 -> line.deleteCharAt(at);
            case 3 -> line.setCharAt(at, (char) random.nextInt(256));
            default -> {
                int end = Math.min(line.length(), at + random.nextInt(1, 30));
                line.insert(random.nextInt(line.length() + 1), line.substring(at, end));
            }
        }
    }
}
