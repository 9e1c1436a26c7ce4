package dev.stampede.logparser.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClfTimeTest {

    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    @Test
    void parsesTheCommonLogFormatTime() {
        assertThat(ClfTime.parseMicros("10/Oct/2000:13:55:36 -0700", 0)).isEqualTo(971_211_336_000_000L);
        assertThat(ClfTime.parseMicros("x[17/May/2015:08:05:32 +0000]", 2)).isEqualTo(1_431_849_932_000_000L);
    }

    @Test
    void agreesWithJavaTimeOnRandomInstantsAndOffsets() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long epochSecond = random.nextLong(-2_000_000_000L, 4_000_000_000L);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(-18 * 4, 18 * 4 + 1)) * 15 * 60);
            String text = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), offset)
                    .format(CLF);
            assertThat(ClfTime.parseMicros(text, 0)).as(text).isEqualTo(epochSecond * 1_000_000L);
            assertThat(ClfTime.parseMicros(text.getBytes(StandardCharsets.ISO_8859_1), 0))
                    .as(text)
                    .isEqualTo(epochSecond * 1_000_000L);
        }
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] {
            "",
            "10/Oct/2000:13:55:36",
            "10/Okt/2000:13:55:36 -0700",
            "32/Oct/2000:13:55:36 -0700",
            "29/Feb/2001:13:55:36 -0700",
            "10/Oct/2000 13:55:36 -0700",
            "10/Oct/2000:24:55:36 -0700",
            "10/Oct/2000:13:55:36 *0700",
            "1O/Oct/2000:13:55:36 -0700",
            "10/oct/2000:13:55:36 -0700"
        }) {
            assertThat(ClfTime.parseMicros(bad, 0)).as(bad).isEqualTo(ClfTime.INVALID);
            assertThat(ClfTime.parseMicros(bad.getBytes(StandardCharsets.ISO_8859_1), 0))
                    .as(bad)
                    .isEqualTo(ClfTime.INVALID);
        }
        assertThat(ClfTime.parseMicros("29/Feb/2000:00:00:00 +0000", 0)).isEqualTo(951_782_400_000_000L);
    }

    @Test
    void epochDayMatchesJavaTime() {
        for (int day = -800_000; day < 800_000; day += 37) {
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay(day);
            assertThat(ClfTime.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                    .isEqualTo(day);
        }
    }
}
