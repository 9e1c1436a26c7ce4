package dev.stampede.model.arrival;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds peak windows on a per-second curve with prefix sums: each window's count is one subtraction, so
 * the peak costs O(seconds) and the top k O(k * seconds). Stateless.
 */
final class PeakFinder {

    private PeakFinder() {}

    /**
     * The top {@code k} non-overlapping windows of {@code windowSeconds}, most requests first: the best
     * window, then greedily the best window overlapping none already chosen, and so on (ties: the
     * earliest start). Windows lie wholly inside the curve; windows without requests are never chosen,
     * so fewer than {@code k} come back when no more fit. A curve shorter than the window is one window,
     * the whole curve.
     *
     * @param perSecond a curve of at least one second with at least one request
     */
    static List<Peak> topPeaks(long firstSecond, long[] perSecond, int windowSeconds, int k) {
        int window = Math.min(windowSeconds, perSecond.length);
        long[] prefix = prefixSums(perSecond);
        int starts = perSecond.length - window + 1;
        boolean[] blocked = new boolean[starts];
        List<Peak> peaks = new ArrayList<>(Math.min(k, starts));
        while (peaks.size() < k) {
            int best = bestStart(prefix, window, blocked);
            if (best < 0) {
                break;
            }
            peaks.add(peak(firstSecond, perSecond, prefix, best, window));
            // A start s overlaps the chosen window iff |s - best| < window.
            int from = Math.max(0, best - window + 1);
            int to = Math.min(starts, best + window);
            for (int s = from; s < to; s++) {
                blocked[s] = true;
            }
        }
        return peaks;
    }

    /** The unblocked start with the most requests (ties: the earliest), or -1 if none has any. */
    private static int bestStart(long[] prefix, int window, boolean[] blocked) {
        int best = -1;
        long bestCount = 0;
        for (int s = 0; s < blocked.length; s++) {
            long count = prefix[s + window] - prefix[s];
            if (!blocked[s] && count > bestCount) {
                best = s;
                bestCount = count;
            }
        }
        return best;
    }

    private static Peak peak(long firstSecond, long[] perSecond, long[] prefix, int start, int window) {
        long requests = prefix[start + window] - prefix[start];
        long max = 0;
        for (int i = start; i < start + window; i++) {
            max = Math.max(max, perSecond[i]);
        }
        return new Peak(firstSecond + start, firstSecond + start + window, requests, (double) requests / window, max);
    }

    private static long[] prefixSums(long[] perSecond) {
        long[] prefix = new long[perSecond.length + 1];
        for (int i = 0; i < perSecond.length; i++) {
            prefix[i + 1] = prefix[i] + perSecond[i];
        }
        return prefix;
    }
}
