package dev.stampede.model.arrival;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * When requests arrived: the per-second curve, its peak windows and its burstiness. Times are epoch
 * seconds (UTC); the curve's index {@code i} is second {@code firstSecond + i}. Serialises with Jackson
 * as a plain object with these field names, and reads back equal.
 *
 * <p>Arrays are copied in and out: call an array accessor once and keep the result.
 *
 * @param firstSecond the epoch second of the first record
 * @param perSecond requests that started in each second from {@code firstSecond} to the last record's
 *     second, zeros included
 * @param sessionStartsPerSecond sessions that started in each of the same seconds; empty if no session
 *     start was added
 * @param meanPerSecond {@code records} over the curve's length in seconds
 * @param maxPerSecond the busiest second
 * @param peak the N-minute window with the most requests (ties: the earliest); the whole curve when it is
 *     shorter than N minutes
 * @param topPeaks the top-k non-overlapping N-minute windows, most requests first, {@code peak} first; fewer
 *     than k when no more windows with requests fit
 * @param dispersionIndex variance over mean of {@code perSecond} (sample variance, divisor n-1): 1 for
 *     Poisson arrivals, 0 for a constant rate, well above 1 for bursts. NaN for a one-second curve
 * @param peakDispersionIndex the same inside {@code peak}; NaN for a one-second peak
 * @param subSecondShare the share of requests in each equal part of a second (bucket {@code b} holds the
 *     starts whose microsecond-of-second is in {@code [b, b+1) * 1e6 / buckets}); sums to 1
 * @param records the requests counted: the sum of {@code perSecond}
 * @param droppedRecords the requests not counted anywhere because they started at or past {@code
 *     firstSecond + maxSeconds} (the cap on the curve); 0 unless the log is longer than the cap
 */
public record Arrivals(
        long firstSecond,
        long[] perSecond,
        long[] sessionStartsPerSecond,
        double meanPerSecond,
        long maxPerSecond,
        Peak peak,
        List<Peak> topPeaks,
        double dispersionIndex,
        double peakDispersionIndex,
        double[] subSecondShare,
        long records,
        long droppedRecords) {

    public Arrivals {
        perSecond = perSecond.clone();
        sessionStartsPerSecond = sessionStartsPerSecond.clone();
        Objects.requireNonNull(peak, "peak");
        topPeaks = List.copyOf(topPeaks);
        subSecondShare = subSecondShare.clone();
    }

    /** A copy of the per-second request curve. */
    @Override
    public long[] perSecond() {
        return perSecond.clone();
    }

    /** A copy of the per-second session start curve. */
    @Override
    public long[] sessionStartsPerSecond() {
        return sessionStartsPerSecond.clone();
    }

    /** A copy of the sub-second shares. */
    @Override
    public double[] subSecondShare() {
        return subSecondShare.clone();
    }

    /** The curve's length in seconds, without copying it. */
    public int seconds() {
        return perSecond.length;
    }

    /**
     * The request curve times {@code factor}, in whole requests whose total is exactly {@code
     * Math.round(records * factor)}: the curve to replay at k times the original load. See {@link
     * LargestRemainder#scale}.
     */
    public long[] scaled(double factor) {
        return LargestRemainder.scale(perSecond, factor);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Arrivals that
                && firstSecond == that.firstSecond
                && Arrays.equals(perSecond, that.perSecond)
                && Arrays.equals(sessionStartsPerSecond, that.sessionStartsPerSecond)
                && Double.compare(meanPerSecond, that.meanPerSecond) == 0
                && maxPerSecond == that.maxPerSecond
                && peak.equals(that.peak)
                && topPeaks.equals(that.topPeaks)
                && Double.compare(dispersionIndex, that.dispersionIndex) == 0
                && Double.compare(peakDispersionIndex, that.peakDispersionIndex) == 0
                && Arrays.equals(subSecondShare, that.subSecondShare)
                && records == that.records
                && droppedRecords == that.droppedRecords;
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(
                firstSecond,
                meanPerSecond,
                maxPerSecond,
                peak,
                topPeaks,
                dispersionIndex,
                peakDispersionIndex,
                records,
                droppedRecords);
        hash = 31 * hash + Arrays.hashCode(perSecond);
        hash = 31 * hash + Arrays.hashCode(sessionStartsPerSecond);
        return 31 * hash + Arrays.hashCode(subSecondShare);
    }

    @Override
    public String toString() {
        return "Arrivals[firstSecond=" + firstSecond + ", seconds=" + perSecond.length + ", records=" + records
                + ", droppedRecords=" + droppedRecords + ", meanPerSecond=" + meanPerSecond + ", maxPerSecond="
                + maxPerSecond + ", peak=" + peak + ", topPeaks=" + topPeaks + ", dispersionIndex="
                + dispersionIndex + ", peakDispersionIndex=" + peakDispersionIndex + ", subSecondShare="
                + Arrays.toString(subSecondShare) + "]";
    }
}
