package dev.stampede.logparser.format.alb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.Mutations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 50,000 seeded lines (the sample lines mutated, fields shuffled or swapped for odd values, noise): every
 * line is parsed or rejected, none throws, and a parsed record has what a record must have.
 */
class AlbLogFuzzTest {

    private static final String[] ODD = {
        "-",
        "-1",
        "0",
        "0.000",
        "1e3",
        "+1",
        "\"\"",
        "\"-\"",
        "\"- - -\"",
        "\"GET\"",
        "\"GET / HTTP/1.1\"",
        "\"GET http://h:80 HTTP/1.1\"",
        "\"GET https://[::1 HTTP/1.1\"",
        "2024-03-04T09:15:02Z",
        "2024-02-30T00:00:00Z",
        "[::1]:",
        ":",
        "h2",
        "999",
        "\\x",
        "\"\\x22\""
    };

    @Test
    void everyLineIsParsedOrRejectedAndNoneThrows() throws IOException {
        List<String> good;
        try (InputStream in = getClass().getResourceAsStream("sample.log")) {
            good = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    .lines()
                    .toList();
        }
        LineParser parser = AlbLogFormat.create().newParser();
        SplittableRandom random = new SplittableRandom(460);
        RequestRecord record = new RequestRecord();
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 50_000; i++) {
            String line = random.nextBoolean()
                    ? Mutations.next(good, random)
                    : oddFields(good.get(random.nextInt(good.size())), random);
            Rejection why = parser.parse(line, record.reset());
            if (why == null) {
                parsed++;
                assertThat(record.startMicros()).as(line).isNotEqualTo(RequestRecord.UNKNOWN);
                assertThat(record.method()).as(line).isNotEmpty();
                assertThat(record.uri()).as(line).isNotEmpty();
            } else {
                rejected++;
                assertThat(why.column()).as(line).isNotNegative();
                assertThat(why.describe()).as(line).isNotEmpty();
            }
        }
        assertThat(parsed).isGreaterThan(5_000);
        assertThat(rejected).isGreaterThan(5_000);
    }

    /** The line with a few space-separated fields replaced by odd values, dropped or doubled. */
    private static String oddFields(String line, SplittableRandom random) {
        String[] fields = line.split(" ", -1);
        int edits = random.nextInt(1, 4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(fields.length);
            fields[at] = switch (random.nextInt(3)) {
                case 0 -> ODD[random.nextInt(ODD.length)];
                case 1 -> "";
                default -> fields[at] + " " + fields[at];
            };
        }
        return String.join(" ", fields);
    }
}
