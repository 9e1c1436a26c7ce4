package dev.stampede.testbed.metrics;

import java.math.BigDecimal;
import java.util.concurrent.atomic.LongAdder;

/**
 * A latency histogram with fixed Prometheus buckets, safe for concurrent recording without locks or
 * allocation. Counts are kept per bucket (not cumulative) so a recording touches one bucket; they are
 * accumulated when rendered.
 */
final class LatencyHistogram {
    /**
     * Upper bounds in seconds, written exactly as they appear in the {@code le} label. Kept as text so the
     * label is the conventional {@code 0.0005}, not {@code Double.toString}'s {@code 5.0E-4}, and a
     * dashboard query for {@code le="0.001"} matches.
     */
    static final String[] UPPER_BOUNDS = {
        "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10"
    };

    private static final long[] UPPER_BOUNDS_NANOS = toNanos(UPPER_BOUNDS);

    /** One slot per finite bound, then the {@code +Inf} slot. */
    private final LongAdder[] buckets = new LongAdder[UPPER_BOUNDS.length + 1];

    private final LongAdder sumNanos = new LongAdder();

    LatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** Records one duration; negative durations (a caller's clock glitch) count as zero rather than throw. */
    void record(long durationNanos) {
        long nanos = Math.max(0, durationNanos);
        buckets[bucketIndex(nanos)].increment();
        sumNanos.add(nanos);
    }

    /** Writes the {@code _bucket}, {@code _sum} and {@code _count} samples of one route. */
    void render(ExpositionWriter out, String family, String route) {
        // Read each bucket once and derive _count from the same reads, so that +Inf == _count holds even
        // while other threads keep recording.
        long cumulative = 0;
        for (int i = 0; i < buckets.length; i++) {
            cumulative += buckets[i].sum();
            String le = i < UPPER_BOUNDS.length ? UPPER_BOUNDS[i] : "+Inf";
            out.sample(family + "_bucket").label("route", route).label("le", le).value(cumulative);
        }
        out.sample(family + "_sum").label("route", route).seconds(sumNanos.sum());
        out.sample(family + "_count").label("route", route).value(cumulative);
    }

    // Bounds are inclusive (Prometheus' "less than or equal"): exactly 1 ms lands in le="0.001".
    private static int bucketIndex(long nanos) {
        for (int i = 0; i < UPPER_BOUNDS_NANOS.length; i++) {
            if (nanos <= UPPER_BOUNDS_NANOS[i]) {
                return i;
            }
        }
        return UPPER_BOUNDS_NANOS.length;
    }

    private static long[] toNanos(String[] seconds) {
        long[] nanos = new long[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            nanos[i] = new BigDecimal(seconds[i]).movePointRight(9).longValueExact();
        }
        return nanos;
    }
}
