package dev.stampede.logparser.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteSearchTest {

    @Test
    void findsTheFirstMatchAtEveryAlignmentAndLength() {
        SplittableRandom random = new SplittableRandom(3);
        byte[] common = {'"', ' ', '\\', '\n', (byte) 0xFF, (byte) 0x80, 0, 1, (byte) 0xFE};
        for (int n = 0; n < 50_000; n++) {
            byte[] data = new byte[random.nextInt(0, 48)];
            for (int i = 0; i < data.length; i++) {
                // Mostly a few values, so that matches and near misses (one bit off, 0x80 apart) are common.
                data[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : common[random.nextInt(common.length)];
            }
            int from = random.nextInt(data.length + 1);
            int to = random.nextInt(from, data.length + 1);
            byte a = common[random.nextInt(common.length)];
            byte b = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : common[random.nextInt(common.length)];
            assertThat(ByteSearch.indexOf(data, from, to, a)).isEqualTo(naive(data, from, to, a, a));
            assertThat(ByteSearch.indexOfEither(data, from, to, a, b)).isEqualTo(naive(data, from, to, a, b));
        }
    }

    @Test
    void comparesTheRestOfALiteral() {
        byte[] data = {'x', '"', ' ', '"', 'y'};
        assertThat(ByteSearch.matchesAt(data, 1, new byte[] {'"', ' ', '"'})).isTrue();
        assertThat(ByteSearch.matchesAt(data, 1, new byte[] {'"', ' ', 'y'})).isFalse();
        assertThat(ByteSearch.matchesAt(data, 3, new byte[] {'"'})).isTrue();
    }

    private static int naive(byte[] data, int from, int to, byte a, byte b) {
        for (int i = from; i < to; i++) {
            if (data[i] == a || data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
