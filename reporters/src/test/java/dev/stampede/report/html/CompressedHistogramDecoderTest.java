package dev.stampede.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompressedHistogramDecoderTest {

    @ParameterizedTest(name = "lowest {0}, highest {1}, {2} digits")
    @CsvSource({"1, 3600000000000, 3", "1, 3600000000000, 2", "1000, 60000000000, 3", "1, 1000000, 5", "7, 10000000, 1"
    })
    void decodesWhatHdrHistogramEncodesBucketForBucket(long lowest, long highest, int digits) {
        Random random = new Random(lowest * 31 + digits);
        try (CompressedHistogramDecoder decoder = new CompressedHistogramDecoder()) {
            for (int round = 0; round < 50; round++) {
                Histogram original = new Histogram(lowest, highest, digits);
                int values = round == 0 ? 0 : 1 + random.nextInt(2_000);
                for (int i = 0; i < values; i++) {
                    long value = (long) Math.min(highest, lowest + Math.exp(random.nextDouble() * Math.log(highest)));
                    original.recordValueWithCount(value, 1 + random.nextInt(round % 5 == 0 ? 100_000 : 3));
                }
                decoder.decode(encode(original));

                Histogram decoded = decoder.newHistogram();
                decoder.addTo(decoded);
                assertThat(decoder.totalCount()).isEqualTo(original.getTotalCount());
                assertThat(decoded).isEqualTo(original);
                assertThat(decoded.getMaxValue()).isEqualTo(original.getMaxValue());
                assertThat(decoded.getValueAtPercentile(99.9)).isEqualTo(original.getValueAtPercentile(99.9));
            }
        }
    }

    @Test
    void fallsBackToHdrHistogramForAShiftedHistogram() {
        Histogram original = new Histogram(1, 3_600_000_000_000L, 3);
        for (long v = 1_000; v < 5_000_000; v = v * 3 / 2) {
            original.recordValueWithCount(v, v % 7 + 1);
        }
        original.shiftValuesLeft(2); // values x4, through a non-zero normalizing index offset
        try (CompressedHistogramDecoder decoder = new CompressedHistogramDecoder()) {
            decoder.decode(encode(original));
            Histogram decoded = decoder.newHistogram();
            decoder.addTo(decoded);
            assertThat(decoded).isEqualTo(original);
        }
    }

    @Test
    void refusesCorruptBytes() {
        Histogram original = new Histogram(1, 3_600_000_000_000L, 3);
        original.recordValue(12_345);
        byte[] bytes = encode(original);
        Arrays.fill(bytes, 8, bytes.length, (byte) 0x55);
        try (CompressedHistogramDecoder decoder = new CompressedHistogramDecoder()) {
            assertThatThrownBy(() -> decoder.decode(bytes)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesATruncatedHistogramRatherThanReadingPartOfIt() {
        Histogram original = new Histogram(1, 3_600_000_000_000L, 3);
        for (long v = 1_000; v < 50_000_000; v += 7_919) {
            original.recordValue(v);
        }
        byte[] bytes = encode(original);
        byte[] torn = Arrays.copyOf(bytes, bytes.length / 2);
        try (CompressedHistogramDecoder decoder = new CompressedHistogramDecoder()) {
            assertThatThrownBy(() -> decoder.decode(torn)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    static byte[] encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Arrays.copyOf(buffer.array(), length);
    }
}
