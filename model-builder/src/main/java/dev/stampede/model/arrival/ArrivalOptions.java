package dev.stampede.model.arrival;

/**
 * How arrivals are summarised. {@link #defaults()} suits a peak-period log of minutes to days.
 *
 * @param peakWindowMinutes the length N of a peak window in minutes: the peak is the N-minute window
 *     with the most requests. Default 5.
 * @param topPeaks how many non-overlapping peak windows to report, the peak first. Default 3.
 * @param subSecondBuckets into how many equal parts a second is cut for the sub-second shape (10: tenths
 *     of a second, i.e. 100 ms buckets). Default 10, at most 1,000,000 (one per microsecond).
 * @param maxSeconds the cap on the kept per-second curve: seconds from the first record's second on.
 *     Records at or past {@code firstSecond + maxSeconds} are not counted anywhere but in {@code
 *     droppedRecords}. The curve costs 8 bytes a second (16 with session starts). Default 7 days
 *     (604,800 seconds, 4.8 MB).
 */
public record ArrivalOptions(int peakWindowMinutes, int topPeaks, int subSecondBuckets, int maxSeconds) {

    /** The largest array the JVM reliably allocates. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private static final int MICROS_PER_SECOND = 1_000_000;

    public ArrivalOptions {
        atLeastOne("peakWindowMinutes", peakWindowMinutes);
        atLeastOne("topPeaks", topPeaks);
        atLeastOne("subSecondBuckets", subSecondBuckets);
        atLeastOne("maxSeconds", maxSeconds);
        if (subSecondBuckets > MICROS_PER_SECOND) {
            throw new IllegalArgumentException("subSecondBuckets must be <= 1000000, not " + subSecondBuckets);
        }
        if (maxSeconds > MAX_ARRAY) {
            throw new IllegalArgumentException("maxSeconds must be <= " + MAX_ARRAY + ", not " + maxSeconds);
        }
        if (peakWindowMinutes > MAX_ARRAY / 60) {
            throw new IllegalArgumentException(
                    "peakWindowMinutes must be <= " + MAX_ARRAY / 60 + ", not " + peakWindowMinutes);
        }
    }

    /** The defaults described on each option. */
    public static ArrivalOptions defaults() {
        return new ArrivalOptions(5, 3, 10, 7 * 24 * 3600);
    }

    /** The peak window's length in seconds. */
    public int peakWindowSeconds() {
        return peakWindowMinutes * 60;
    }

    public ArrivalOptions withPeakWindowMinutes(int value) {
        return new ArrivalOptions(value, topPeaks, subSecondBuckets, maxSeconds);
    }

    public ArrivalOptions withTopPeaks(int value) {
        return new ArrivalOptions(peakWindowMinutes, value, subSecondBuckets, maxSeconds);
    }

    public ArrivalOptions withSubSecondBuckets(int value) {
        return new ArrivalOptions(peakWindowMinutes, topPeaks, value, maxSeconds);
    }

    public ArrivalOptions withMaxSeconds(int value) {
        return new ArrivalOptions(peakWindowMinutes, topPeaks, subSecondBuckets, value);
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, not " + value);
        }
    }
}
