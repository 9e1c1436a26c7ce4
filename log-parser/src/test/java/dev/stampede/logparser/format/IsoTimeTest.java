package dev.stampede.logparser.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimeTest {

    @Test
    void parsesTheShapesLogsWrite() {
        assertThat(IsoTime.parseMicros("2018-07-02T22:23:00.186641Z"))
                .isEqualTo(RecordText.micros("2018-07-02T22:23:00.186641Z"));
        assertThat(IsoTime.parseMicros("2024-03-01T12:00:00+08:00"))
                .isEqualTo(RecordText.micros("2024-03-01T04:00:00Z"));
        assertThat(IsoTime.parseMicros("2024-03-01T12:00:00-0130"))
                .isEqualTo(RecordText.micros("2024-03-01T13:30:00Z"));
        assertThat(IsoTime.parseMicros("2024-03-01T12:00:00+05")).isEqualTo(RecordText.micros("2024-03-01T07:00:00Z"));
        assertThat(IsoTime.parseMicros("2024-03-01 12:00:00")).isEqualTo(RecordText.micros("2024-03-01T12:00:00Z"));
        assertThat(IsoTime.parseMicros("2024-03-01T12:00")).isEqualTo(RecordText.micros("2024-03-01T12:00:00Z"));
        assertThat(IsoTime.parseMicros("2024-03-01T12:00:00.123456789Z"))
                .isEqualTo(RecordText.micros("2024-03-01T12:00:00.123456Z"));
        assertThat(IsoTime.parseMicros("2024-03-01T12:00:00,5Z"))
                .isEqualTo(RecordText.micros("2024-03-01T12:00:00.5Z"));
        assertThat(IsoTime.parseMicros("2000-02-29T00:00:00Z")).isEqualTo(951_782_400_000_000L);
    }

    @Test
    void agreesWithJavaTimeOnRandomInstantsOffsetsAndFractions() {
        SplittableRandom random = new SplittableRandom(5);
        String[] patterns = {
            "yyyy-MM-dd'T'HH:mm:ssXXX",
            "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
            "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXX",
            "yyyy-MM-dd HH:mm:ss.SSSSSSSSSX"
        };
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(0, 4_000_000_000L);
            long nanos = random.nextLong(0, 1_000_000_000L);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 4, 18 * 4 + 1) * 15 * 60);
            String pattern = patterns[random.nextInt(patterns.length)];
            if (pattern.endsWith("X") && !pattern.endsWith("XX")) {
                offset = ZoneOffset.ofHours(offset.getTotalSeconds() / 3600); // X prints hours only
            }
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String text =
                    OffsetDateTime.ofInstant(instant, offset).format(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
            Instant printed = OffsetDateTime.parse(text, DateTimeFormatter.ofPattern(pattern, Locale.ROOT))
                    .toInstant();
            long expected = ChronoUnit.MICROS.between(Instant.EPOCH, printed);
            assertThat(IsoTime.parseMicros(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] {
            "",
            "2024-03-01",
            "2024-03-01X12:00:00Z",
            "2024-13-01T12:00:00Z",
            "2023-02-29T12:00:00Z",
            "2024-03-01T24:00:00Z",
            "2024-03-01T12:60:00Z",
            "2024-03-01T12:00:00.Z",
            "2024-03-01T12:00:00ZZ",
            "2024-03-01T12:00:00+1900",
            "2024-03-01T12:00:00+08:0",
            "2024-03-01T12:00:0",
            "24-03-01T12:00:00Z",
            "2024/03/01T12:00:00Z"
        }) {
            assertThat(IsoTime.parseMicros(bad)).as(bad).isEqualTo(IsoTime.INVALID);
        }
    }

    @Test
    void readsDateAndTimeOfDayApartForW3c() {
        assertThat(IsoTime.dateMicros("2024-03-04", 0, 10)).isEqualTo(RecordText.micros("2024-03-04T00:00:00Z"));
        assertThat(IsoTime.timeOfDayMicros("09:15:02", 0, 8)).isEqualTo(33_302_000_000L);
        assertThat(IsoTime.timeOfDayMicros("09:15:02.25", 0, 11)).isEqualTo(33_302_250_000L);
        assertThat(IsoTime.dateMicros("2024-3-04", 0, 9)).isEqualTo(IsoTime.INVALID);
        assertThat(IsoTime.timeOfDayMicros("9:15:02", 0, 7)).isEqualTo(IsoTime.INVALID);
    }
}
