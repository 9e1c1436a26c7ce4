package dev.stampede.logparser.format.apache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.common.time.NanoClock;
import dev.stampede.logparser.Datasets;
import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.RequestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Prints how many apache_logs lines one thread parses per second. Informative only: speed is not
 * asserted (JMH in the benchmarks module is the place for that); what each pass parsed is.
 */
@Tag("slow")
class ApacheParseRateTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void parseRateOfTheCombinedFormat() throws IOException {
        List<String> lines =
                Files.readAllLines(Datasets.file("elastic-apache-combined/apache_logs"), StandardCharsets.ISO_8859_1);
        LineParser parser = ApacheLogFormat.preset("combined").newParser();
        RequestRecord record = new RequestRecord();
        NanoClock clock = NanoClock.system();
        double best = 0;
        for (int pass = 0; pass < 30; pass++) {
            long started = clock.nanoTime();
            int parsed = 0;
            for (String line : lines) {
                if (parser.parse(line, record.reset()) == null) {
                    parsed++;
                }
            }
            long elapsed = Math.max(1, clock.nanoTime() - started);
            assertThat(parsed).isEqualTo(9_999);
            best = Math.max(best, lines.size() * 1e9 / elapsed);
        }
        System.out.println(String.format(
                Locale.ROOT,
                "apache combined: %,.0f lines/s on one thread (best of 30 passes" + " over %d lines)",
                best,
                lines.size()));
    }
}
