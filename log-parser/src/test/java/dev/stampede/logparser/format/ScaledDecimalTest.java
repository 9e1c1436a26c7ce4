package dev.stampede.logparser.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScaledDecimalTest {

    @Test
    void scalesExactlyAndTruncatesTowardZero() {
        assertThat(ScaledDecimal.parse("0.1", 6)).isEqualTo(100_000);
        assertThat(ScaledDecimal.parse("0.0054", 6)).isEqualTo(5_400);
        assertThat(ScaledDecimal.parse("1700000000.123456789", 6)).isEqualTo(1_700_000_000_123_456L);
        assertThat(ScaledDecimal.parse("-1", 6)).isEqualTo(-1_000_000);
        assertThat(ScaledDecimal.parse("-0.0000019", 6)).isEqualTo(-1);
        assertThat(ScaledDecimal.parse("1.5E3", 0)).isEqualTo(1_500);
        assertThat(ScaledDecimal.parse("25e-1", 0)).isEqualTo(2);
        assertThat(ScaledDecimal.parse("1234567", -3)).isEqualTo(1_234);
        assertThat(ScaledDecimal.parse(".5", 1)).isEqualTo(5);
        assertThat(ScaledDecimal.parse("7.", 0)).isEqualTo(7);
        assertThat(ScaledDecimal.parse("x0.25y", 1, 5, 2)).isEqualTo(25);
        // More digits than a long holds: dropped fraction digits only truncate.
        assertThat(ScaledDecimal.parse("0." + "0".repeat(20) + "12345", 25)).isEqualTo(12_345);
        assertThat(ScaledDecimal.parse("1." + "9".repeat(30), 6)).isEqualTo(1_999_999);
        assertThat(ScaledDecimal.parse("123456789012345678901234", -10)).isEqualTo(12_345_678_901_234L);
    }

    @Test
    void refusesWhatIsNotADecimalOrDoesNotFit() {
        for (String bad :
                new String[] {"", "-", "+", ".", "1.2.3", "1,5", "0x10", "1e", "1e+", "1e12345", " 1", "1 ", "--1"}) {
            assertThat(ScaledDecimal.parse(bad, 6)).as(bad).isEqualTo(ScaledDecimal.INVALID);
        }
        assertThat(ScaledDecimal.parse("9223372036854775807", 1)).isEqualTo(ScaledDecimal.INVALID);
        assertThat(ScaledDecimal.parse("10000000000000", 6)).isEqualTo(ScaledDecimal.INVALID);
    }

    @Test
    void agreesWithBigDecimalOnRandomNumbers() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "" : "-");
            int whole = random.nextInt(0, 13);
            for (int d = 0; d < whole; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            int fraction = whole == 0 ? random.nextInt(1, 12) : random.nextInt(0, 12);
            if (fraction > 0 || random.nextBoolean()) {
                text.append('.');
            }
            for (int d = 0; d < fraction; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            int scale = random.nextInt(-3, 7);
            long expected = new BigDecimal(text.toString().endsWith(".") ? text + "0" : text.toString())
                    .scaleByPowerOfTen(scale)
                    .setScale(0, RoundingMode.DOWN)
                    .longValueExact();
            assertThat(ScaledDecimal.parse(text, scale)).as(text + " e" + scale).isEqualTo(expected);
        }
    }

    @Test
    void bytesParseAsCharsDo() {
        SplittableRandom random = new SplittableRandom(12);
        String alphabet = "0123456789.-+eEx ";
        for (int i = 0; i < 200_000; i++) {
            char[] chars = new char[random.nextInt(0, 25)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = alphabet.charAt(random.nextInt(random.nextBoolean() ? 11 : alphabet.length()));
            }
            String text = "<" + new String(chars) + ">";
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            int scale = random.nextInt(-3, 10);
            assertThat(ScaledDecimal.parse(bytes, 1, bytes.length - 1, scale))
                    .as(text)
                    .isEqualTo(ScaledDecimal.parse(text, 1, text.length() - 1, scale));
        }
    }
}
