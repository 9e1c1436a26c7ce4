package dev.stampede.model.arrival;

import dev.stampede.model.stats.Distances;
import java.util.Arrays;
import java.util.List;

/**
 * Streams request start times into {@link Arrivals}: the per-second curve, the peak windows and the
 * burstiness. Memory grows with the time span seen (8 bytes a second, 16 with session starts), up to
 * {@link ArrivalOptions#maxSeconds()}, never with the number of records.
 *
 * <p>The first time added (request or session start) fixes {@code firstSecond}. Later times may come in
 * any order as long as they are not before that second: the store is time-ordered, so this only
 * forgives small disorder, and lets session starts be reported late, when a session is found. A time
 * before {@code firstSecond} is refused with an {@link IllegalArgumentException}: the curve cannot grow
 * backwards, and such a time means the caller broke the time order. A time at or past {@code
 * firstSecond + maxSeconds} is dropped and counted in {@link Arrivals#droppedRecords()} (a session start
 * there is dropped with its request).
 *
 * <p>Single-threaded. {@link #add} and {@link #addSessionStart} do not allocate except when the curve
 * doubles.
 */
public final class ArrivalAnalyzer {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final ArrivalOptions options;
    private final SecondCounts requests;
    private final long[] subSecondCounts;
    private SecondCounts sessionStarts;
    private boolean started;
    private long firstSecond;
    private long records;
    private long droppedRecords;

    public ArrivalAnalyzer(ArrivalOptions options) {
        this.options = options;
        this.requests = new SecondCounts(options.maxSeconds());
        this.subSecondCounts = new long[options.subSecondBuckets()];
    }

    /**
     * Counts one request starting at {@code startMicros} (epoch microseconds). Called for every record in
     * start-time order.
     *
     * @throws IllegalArgumentException if the time is before the first time added's second
     */
    public void add(long startMicros) {
        int index = index(startMicros);
        if (index < 0) {
            droppedRecords++;
            return;
        }
        requests.increment(index);
        long microOfSecond = Math.floorMod(startMicros, MICROS_PER_SECOND);
        subSecondCounts[(int) (microOfSecond * subSecondCounts.length / MICROS_PER_SECOND)]++;
        records++;
    }

    /**
     * Counts one session starting at {@code startMicros} (epoch microseconds), for the session arrival
     * curve. May be called late (when the session is found), in any order, as long as the time is not
     * before the first time added's second.
     *
     * @throws IllegalArgumentException if the time is before the first time added's second
     */
    public void addSessionStart(long startMicros) {
        if (sessionStarts == null) {
            sessionStarts = new SecondCounts(options.maxSeconds());
        }
        int index = index(startMicros);
        if (index >= 0) {
            sessionStarts.increment(index);
        }
    }

    /**
     * The arrivals so far. May be called again after more records are added.
     *
     * @throws IllegalStateException if no request was added: an empty log has no curve and no peak
     */
    public Arrivals finish() {
        if (records == 0) {
            throw new IllegalStateException(
                    droppedRecords == 0
                            ? "no requests were added: arrivals need at least one"
                            : "all " + droppedRecords + " requests were dropped past the cap of " + options.maxSeconds()
                                    + " seconds");
        }
        int seconds = Math.max(requests.length(), sessionStarts == null ? 0 : sessionStarts.length());
        long[] perSecond = requests.toArray(seconds);
        long[] sessions = sessionStarts == null ? new long[0] : sessionStarts.toArray(seconds);
        List<Peak> top = PeakFinder.topPeaks(firstSecond, perSecond, options.peakWindowSeconds(), options.topPeaks());
        Peak peak = top.get(0);
        int peakFrom = (int) (peak.startSecond() - firstSecond);
        long[] inPeak = Arrays.copyOfRange(perSecond, peakFrom, peakFrom + (int) peak.seconds());
        return new Arrivals(
                firstSecond,
                perSecond,
                sessions,
                (double) records / seconds,
                Arrays.stream(perSecond).max().orElse(0),
                peak,
                top,
                Distances.dispersionIndex(perSecond),
                Distances.dispersionIndex(inPeak),
                shares(subSecondCounts, records),
                records,
                droppedRecords);
    }

    /** The backing array sizes, in longs: what the curves cost (for tests of bounded memory). */
    int capacity() {
        return requests.capacity() + (sessionStarts == null ? 0 : sessionStarts.capacity());
    }

    /** The curve index of a time, fixing the first second on the first call; -1 past the cap. */
    private int index(long startMicros) {
        long second = Math.floorDiv(startMicros, MICROS_PER_SECOND);
        if (!started) {
            started = true;
            firstSecond = second;
        }
        long index = second - firstSecond;
        if (index < 0) {
            throw new IllegalArgumentException("start " + startMicros + " us is in second " + second
                    + ", before the first second " + firstSecond + ": times must not go back past the first");
        }
        return index < options.maxSeconds() ? (int) index : -1;
    }

    private static double[] shares(long[] counts, long total) {
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            shares[i] = (double) counts[i] / total;
        }
        return shares;
    }
}
