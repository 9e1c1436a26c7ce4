package dev.stampede.report.model;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * The lowest value of each counts index of one HdrHistogram layout (lowest discernible value, highest
 * trackable value, significant digits), taken from HdrHistogram itself: index 0 holds 0, and index
 * {@code i + 1} holds {@code nextNonEquivalentValue} of index {@code i}'s value, which is how the counts
 * array is laid out (one index per range of equivalent values, in increasing order). Made once per
 * layout: 32,768 entries for 1 ns to 1 hour at 3 digits.
 */
final class BucketValues {

    private final long lowest;
    private final long highest;
    private final int digits;
    /** lows[i] for every index that can hold a count, then one more: the first value above them. */
    private final long[] lows;

    BucketValues(long lowestDiscernibleValue, long highestTrackableValue, int significantDigits) {
        this.lowest = lowestDiscernibleValue;
        this.highest = highestTrackableValue;
        this.digits = significantDigits;
        Histogram layout = new Histogram(lowestDiscernibleValue, highestTrackableValue, significantDigits);
        // HdrHistogram counts up to the end of the bucket holding the highest trackable value (below twice it).
        long bound = highestTrackableValue > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : 2 * highestTrackableValue;
        long[] values = new long[4096];
        int n = 1; // values[0] = 0
        while (values[n - 1] >= 0 && values[n - 1] <= bound) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n] = layout.nextNonEquivalentValue(values[n - 1]);
            n++;
        }
        this.lows = Arrays.copyOf(values, n);
    }

    /** Whether this is the layout of an encoded histogram with these parameters. */
    boolean matches(long lowestDiscernibleValue, long highestTrackableValue, int significantDigits) {
        return lowest == lowestDiscernibleValue && highest == highestTrackableValue && digits == significantDigits;
    }

    /** The number of indexes that can hold a count: every one above is corrupt input. */
    int limit() {
        return lows.length - 1;
    }

    /** The index counting {@code value} (the highest index for a value above them all). */
    int indexOf(long value) {
        int found = Arrays.binarySearch(lows, 0, limit(), value);
        return found >= 0 ? found : Math.max(0, -found - 2);
    }

    /** The lowest value counted at {@code index}. */
    long lowAt(int index) {
        return lows[index];
    }

    /** The highest value counted at {@code index}: one below the next index's lowest. */
    long highAt(int index) {
        return lows[index + 1] - 1;
    }

    /**
     * A histogram with this layout holding {@code dense}'s counts (indexed like this layout); a value
     * above the highest trackable one (possible only near the top of the last bucket) counts as that.
     */
    Histogram toHistogram(long[] dense) {
        Histogram histogram = new Histogram(lowest, highest, digits);
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] > 0) {
                histogram.recordValueWithCount(Math.min(lows[i], highest), dense[i]);
            }
        }
        return histogram;
    }
}
