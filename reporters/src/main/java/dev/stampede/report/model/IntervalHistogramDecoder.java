package dev.stampede.report.model;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes an interval histogram of a log line (HdrHistogram's compressed V2 encoding, what every
 * HdrHistogram 2.x writes) into its non-zero counts, without making a histogram.
 *
 * <p>Why not {@link org.HdrHistogram.Histogram#decodeFromCompressedByteBuffer}: it allocates and zeroes
 * a full counts array per line (256 KB for 1 ns to 1 hour at 3 digits), which made reading the log of a
 * one-hour run at 10,000 requests per second over 30 endpoints (335,000 lines, 250 MB) take 12 s for the
 * decoding alone (19 s with the sums), where the whole read with this decoder takes 3.7 s. The encoding (HdrHistogram's {@code encodeIntoCompressedByteBuffer}): a cookie
 * and the compressed length (ints), then zlib-deflated: cookie, payload length, normalizing index offset,
 * significant digits (ints), lowest discernible and highest trackable values (longs), the integer to
 * double ratio (a double), then the counts from index 0 as ZigZag LEB128 longs, where a negative number
 * {@code -n} stands for {@code n} zero counts. Which value an index stands for comes from HdrHistogram
 * ({@link BucketValues}). Not thread-safe: one decoder per reading thread.
 */
final class IntervalHistogramDecoder {

    private static final int COOKIE_BASE_MASK = ~0xf0;
    private static final int V2_COOKIE_BASE = 0x1c849303;
    private static final int V2_COMPRESSED_COOKIE_BASE = 0x1c849304;
    private static final int HEADER_BYTES = 40;

    private final Inflater inflater = new Inflater();
    private byte[] inflated = new byte[1 << 14];
    /** Layouts met so far (one in the engine's logs), so that a layout is always the same instance. */
    private final Map<String, BucketValues> layouts = new HashMap<>();

    private BucketValues buckets;

    /**
     * Decodes {@code length} bytes of {@code encoded} into {@code into} (cleared first).
     *
     * @return the layout of the decoded histogram (where its values come from)
     * @throws DataFormatException when the bytes are not a compressed V2 histogram, or are cut short
     */
    BucketValues decode(byte[] encoded, int length, SparseCounts into) throws DataFormatException {
        into.clear(buckets);
        if (length < 8) {
            throw new DataFormatException("too short for an encoded histogram (" + length + " bytes)");
        }
        ByteBuffer head = ByteBuffer.wrap(encoded, 0, length);
        int cookie = head.getInt();
        if ((cookie & COOKIE_BASE_MASK) != V2_COMPRESSED_COOKIE_BASE) {
            throw new DataFormatException(String.format(
                    Locale.ROOT,
                    "not a compressed V2 HdrHistogram (cookie 0x%08x): written by HdrHistogram 1.x, or a"
                            + " DoubleHistogram",
                    cookie));
        }
        int compressedLength = head.getInt();
        if (compressedLength < 0 || compressedLength > length - 8) {
            throw new DataFormatException("compressed length " + compressedLength + " exceeds the line's bytes");
        }
        int inflatedLength = inflate(encoded, compressedLength);
        ByteBuffer in = ByteBuffer.wrap(inflated, 0, inflatedLength);
        if (inflatedLength < HEADER_BYTES || (in.getInt() & COOKIE_BASE_MASK) != V2_COOKIE_BASE) {
            throw new DataFormatException("the inflated histogram has no V2 header");
        }
        int payloadLength = in.getInt();
        int normalizingIndexOffset = in.getInt();
        int digits = in.getInt();
        long lowest = in.getLong();
        long highest = in.getLong();
        in.getDouble(); // integer to double ratio: 1 for a Histogram
        if (normalizingIndexOffset != 0) {
            throw new DataFormatException(
                    "shifted histograms (normalizing index offset " + normalizingIndexOffset + ") are not supported");
        }
        if (payloadLength < 0 || payloadLength > inflatedLength - HEADER_BYTES) {
            throw new DataFormatException("payload length " + payloadLength + " exceeds the inflated bytes");
        }
        if (buckets == null || !buckets.matches(lowest, highest, digits)) {
            buckets = layout(lowest, highest, digits);
        }
        into.clear(buckets);
        readCounts(in, HEADER_BYTES + payloadLength, into);
        return buckets;
    }

    private BucketValues layout(long lowest, long highest, int digits) throws DataFormatException {
        String key = lowest + "/" + highest + "/" + digits;
        BucketValues layout = layouts.get(key);
        if (layout == null) {
            if (layouts.size() >= 16) {
                throw new DataFormatException("more than 16 histogram layouts in one log");
            }
            try {
                layout = new BucketValues(lowest, highest, digits);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException("impossible histogram layout: " + e.getMessage());
            }
            layouts.put(key, layout);
        }
        return layout;
    }

    private int inflate(byte[] encoded, int compressedLength) throws DataFormatException {
        inflater.reset();
        inflater.setInput(encoded, 8, compressedLength);
        int total = 0;
        while (!inflater.finished()) {
            if (total == inflated.length) {
                inflated = Arrays.copyOf(inflated, total * 2);
            }
            int got = inflater.inflate(inflated, total, inflated.length - total);
            if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new DataFormatException("the compressed histogram is cut short");
            }
            total += got;
        }
        return total;
    }

    private void readCounts(ByteBuffer in, int end, SparseCounts into) throws DataFormatException {
        int index = 0;
        while (in.position() < end) {
            long count = zigZagLong(in);
            if (count < 0) {
                index += (int) Math.min(-count, buckets.limit());
            } else {
                if (index >= buckets.limit()) {
                    throw new DataFormatException("a count at index " + index + ", above the highest trackable value");
                }
                if (count > 0) {
                    into.add(index, count);
                }
                index++;
            }
        }
        if (in.position() != end) {
            throw new DataFormatException("the counts run past the payload");
        }
    }

    /** HdrHistogram's {@code ZigZagEncoding.getLong}: up to 8 bytes of 7 bits, a 9th of 8. */
    private static long zigZagLong(ByteBuffer in) {
        long value = 0;
        int shift = 0;
        long b;
        do {
            b = in.get();
            value |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0 && shift < 56);
        if ((b & 0x80) != 0) {
            b = in.get();
            value |= b << 56;
        }
        return (value >>> 1) ^ -(value & 1);
    }
}
