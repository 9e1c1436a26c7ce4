package dev.stampede.report.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;

/** The fast decoder against HdrHistogram's own decoding, on random histograms of several layouts. */
class IntervalHistogramDecoderTest {

    private static final double[] PERCENTILES = {0, 0.1, 25, 50, 90, 99, 99.9, 99.99, 99.999, 100};

    private final IntervalHistogramDecoder decoder = new IntervalHistogramDecoder();
    private final SparseCounts counts = new SparseCounts();

    @Test
    void decodesWhatHdrHistogramDecodesForEveryLayout() throws Exception {
        long[][] layouts = {
            {1, 3_600_000_000_000L, 3},
            {1, 3_600_000_000_000L, 2},
            {1, 60_000_000_000L, 5},
            {1000, 3_600_000_000_000L, 3},
            {1, 2, 0},
            {7, 1_000_000, 1}
        };
        SplittableRandom random = new SplittableRandom(42);
        for (long[] layout : layouts) {
            for (int round = 0; round < 25; round++) {
                Histogram histogram = new Histogram(layout[0], layout[1], (int) layout[2]);
                int values = round == 0 ? 0 : random.nextInt(1, 5_000);
                for (int i = 0; i < values; i++) {
                    double spread = Math.exp(random.nextDouble() * Math.log(layout[1]));
                    histogram.recordValueWithCount(
                            Math.min(layout[1], (long) spread), round % 3 == 0 ? random.nextLong(1, 1L << 40) : 1);
                }
                assertDecodesAlike(histogram, Arrays.toString(layout) + " round " + round);
            }
        }
    }

    @Test
    void aSingleZeroAndRunsOfZerosKeepTheirIndexes() throws Exception {
        Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        histogram.recordValue(0);
        histogram.recordValue(2); // index 1 is a single zero, written as 0, not as a run
        histogram.recordValue(5);
        histogram.recordValue(1_000_000);
        histogram.recordValue(3_600_000_000_000L);
        assertDecodesAlike(histogram, "sparse");
        assertThat(counts.size()).isEqualTo(5);
        assertThat(counts.lowAt(1)).isEqualTo(2);
    }

    @Test
    void refusesWhatIsNotACompressedV2Histogram() {
        DoubleHistogram doubles = new DoubleHistogram(3);
        doubles.recordValue(1.5);
        ByteBuffer buffer = ByteBuffer.allocate(doubles.getNeededByteBufferCapacity());
        int length = doubles.encodeIntoCompressedByteBuffer(buffer);
        assertThatThrownBy(() -> decoder.decode(buffer.array(), length, counts))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("not a compressed V2 HdrHistogram");

        Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        histogram.recordValue(1234);
        byte[] encoded = compressed(histogram);
        assertThatThrownBy(() -> decoder.decode(encoded, encoded.length - 3, counts))
                .isInstanceOf(DataFormatException.class);
    }

    private void assertDecodesAlike(Histogram histogram, String what) throws DataFormatException {
        byte[] encoded = compressed(histogram);
        Histogram reference = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), 0);
        decoder.decode(encoded, encoded.length, counts);
        assertThat(counts.totalCount()).as(what).isEqualTo(reference.getTotalCount());
        int i = 0;
        for (HistogramIterationValue value : reference.recordedValues()) {
            assertThat(counts.lowAt(i)).as(what).isEqualTo(reference.lowestEquivalentValue(value.getValueIteratedTo()));
            assertThat(counts.countAt(i)).as(what).isEqualTo(value.getCountAtValueIteratedTo());
            i++;
        }
        assertThat(counts.size()).as(what).isEqualTo(i);
        for (double percentile : PERCENTILES) {
            assertThat(counts.valueAtPercentile(percentile))
                    .as(what + " p" + percentile)
                    .isEqualTo(reference.getValueAtPercentile(percentile));
        }
        assertThat(counts.max()).as(what).isEqualTo(reference.getTotalCount() == 0 ? 0 : reference.getMaxValue());

        BucketValues layout = decoder.decode(encoded, encoded.length, counts);
        long[] dense = new long[layout.limit()];
        counts.addTo(dense);
        Histogram rebuilt = layout.toHistogram(dense);
        if (reference.getTotalCount() > 0) { // an empty decoded one has HdrHistogram's quirky maximum
            assertThat(rebuilt).as(what).isEqualTo(reference);
        }
        assertThat(rebuilt.getTotalCount()).as(what).isEqualTo(reference.getTotalCount());
    }

    private static byte[] compressed(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Arrays.copyOf(buffer.array(), length);
    }
}
