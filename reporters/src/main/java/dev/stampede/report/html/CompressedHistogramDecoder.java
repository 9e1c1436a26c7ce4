package dev.stampede.report.html;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Decodes one histogram of {@code latency.hlog} (HdrHistogram's compressed V2 encoding, Base64 in the log)
 * into its non-zero buckets: {@link #value(int)} and {@link #count(int)} for {@code i < }{@link #size()}, in
 * ascending order of value, each value the lowest of its bucket.
 *
 * <p>Why not {@code Histogram.decodeFromCompressedByteBuffer}: it allocates and zeroes a full counts array per
 * line (270 KB for the engine's 1 ns to 1 hour at 3 digits) and {@code add} then walks all of it; measured at
 * about 50 µs a line, that is 6 s for the 115,000 lines a one-hour, 30-endpoint run needs, against a report
 * budget of 10 s. This decoder inflates into a reused buffer and reads only the non-zero counts (a few
 * hundred): a few µs a line. It reads the layout HdrHistogram documents (a 40-byte header: cookie, payload
 * length, normalizing index offset, significant digits, lowest discernible and highest trackable value,
 * conversion ratio; then ZigZag LEB128 counts, a negative number being a run of empty buckets) and maps
 * bucket indexes to values as {@code AbstractHistogram.valueFromIndex} does. Anything else (another cookie,
 * a shifted histogram) goes through HdrHistogram's own decoder, so every log HdrHistogram reads is read.
 *
 * <p>Not thread-safe: one decoder per reading thread; call {@link #close()} to free the inflater.
 */
final class CompressedHistogramDecoder implements AutoCloseable {

    private static final int COOKIE_MASK = ~0xf0;
    private static final int V2_ENCODING_COOKIE_BASE = 0x1c849303;
    private static final int V2_COMPRESSED_ENCODING_COOKIE_BASE = 0x1c849304;
    private static final int V2_HEADER_BYTES = 40;

    private final Inflater inflater = new Inflater();
    private byte[] inflated = new byte[1 << 14];
    private long[] values = new long[256];
    private long[] counts = new long[256];
    private int size;
    private long totalCount;
    private long lowestDiscernibleValue;
    private long highestTrackableValue;
    private int significantDigits;

    /** Decodes {@code compressed} (the Base64-decoded bytes of one log line's histogram). */
    void decode(byte[] compressed) {
        size = 0;
        totalCount = 0;
        ByteBuffer in = ByteBuffer.wrap(compressed);
        if (compressed.length < 8 || (in.getInt(0) & COOKIE_MASK) != V2_COMPRESSED_ENCODING_COOKIE_BASE) {
            decodeWithHdrHistogram(compressed);
            return;
        }
        int inflatedLength = inflate(compressed, in.getInt(4));
        ByteBuffer header = ByteBuffer.wrap(inflated, 0, inflatedLength);
        if (inflatedLength < V2_HEADER_BYTES
                || (header.getInt(0) & COOKIE_MASK) != V2_ENCODING_COOKIE_BASE
                || header.getInt(8) != 0) {
            decodeWithHdrHistogram(compressed);
            return;
        }
        int payloadBytes = header.getInt(4);
        significantDigits = header.getInt(12);
        lowestDiscernibleValue = header.getLong(16);
        highestTrackableValue = header.getLong(24);
        readCounts(V2_HEADER_BYTES, Math.min(inflatedLength, V2_HEADER_BYTES + payloadBytes));
    }

    private int inflate(byte[] compressed, int compressedLength) {
        inflater.reset();
        inflater.setInput(compressed, 8, Math.min(compressedLength, compressed.length - 8));
        int length = 0;
        try {
            while (!inflater.finished()) {
                if (length == inflated.length) {
                    inflated = Arrays.copyOf(inflated, inflated.length * 2);
                }
                int n = inflater.inflate(inflated, length, inflated.length - length);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                length += n;
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt histogram: " + e.getMessage(), e);
        }
        if (!inflater.finished()) {
            throw new IllegalArgumentException("truncated histogram (" + compressed.length + " bytes)");
        }
        return length;
    }

    private void readCounts(int from, int to) {
        // The same arithmetic as AbstractHistogram.init, floating-point logarithms included.
        int unitMagnitude = (int) (Math.log(lowestDiscernibleValue) / Math.log(2));
        long largestSingleUnit = 2 * (long) Math.pow(10, significantDigits);
        int subBucketCountMagnitude = (int) Math.ceil(Math.log(largestSingleUnit) / Math.log(2));
        int subBucketHalfCountMagnitude = subBucketCountMagnitude - 1;
        int subBucketHalfCount = 1 << subBucketHalfCountMagnitude;
        int position = from;
        int index = 0;
        while (position < to) {
            long raw = 0;
            int shift = 0;
            byte b;
            do {
                b = inflated[position++];
                raw |= shift == 56 ? ((long) b) << 56 : ((long) (b & 0x7F)) << shift;
                shift += 7;
            } while (b < 0 && shift < 63 && position < to);
            long count = (raw >>> 1) ^ -(raw & 1);
            if (count < 0) {
                index += (int) -count;
                continue;
            }
            if (count > 0) {
                int bucketIndex = (index >> subBucketHalfCountMagnitude) - 1;
                int subBucketIndex = (index & (subBucketHalfCount - 1)) + subBucketHalfCount;
                if (bucketIndex < 0) {
                    subBucketIndex -= subBucketHalfCount;
                    bucketIndex = 0;
                }
                add(((long) subBucketIndex) << (bucketIndex + unitMagnitude), count);
            }
            index++;
        }
    }

    private void decodeWithHdrHistogram(byte[] compressed) {
        Histogram histogram;
        try {
            histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(compressed), 0);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt histogram: " + e.getMessage(), e);
        }
        lowestDiscernibleValue = histogram.getLowestDiscernibleValue();
        highestTrackableValue = histogram.getHighestTrackableValue();
        significantDigits = histogram.getNumberOfSignificantValueDigits();
        for (HistogramIterationValue bucket : histogram.recordedValues()) {
            add(histogram.lowestEquivalentValue(bucket.getValueIteratedTo()), bucket.getCountAtValueIteratedTo());
        }
    }

    private void add(long value, long count) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        values[size] = value;
        counts[size] = count;
        size++;
        totalCount += count;
    }

    /** Adds the decoded histogram's counts to {@code target}. */
    void addTo(Histogram target) {
        for (int i = 0; i < size; i++) {
            target.recordValueWithCount(values[i], counts[i]);
        }
    }

    /** A new, empty histogram with the decoded one's range and precision, growing when a value needs it. */
    Histogram newHistogram() {
        Histogram histogram = new Histogram(
                Math.max(1, lowestDiscernibleValue),
                Math.max(2 * lowestDiscernibleValue, highestTrackableValue),
                significantDigits);
        histogram.setAutoResize(true);
        return histogram;
    }

    int size() {
        return size;
    }

    long value(int i) {
        return values[i];
    }

    long count(int i) {
        return counts[i];
    }

    long totalCount() {
        return totalCount;
    }

    @Override
    public void close() {
        inflater.end();
    }
}
