package dev.stampede.engine.scenario;

import dev.stampede.control.IntervalStats;
import dev.stampede.control.guard.GuardAction;
import dev.stampede.control.guard.GuardMetric;
import dev.stampede.control.guard.GuardRule;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One SLO guard as a scenario writes it (an item of {@code guards}); {@link #toRule()} makes the traffic
 * controller's rule.
 *
 * @param name unique among the scenario's guards; run events name it as {@code guard NAME}
 * @param metric what is measured
 * @param percentile the latency percentile, above 0 and at most 100 (latency only; 0 for the others)
 * @param endpoint the endpoint measured, as {@code "METHOD /path"}, or {@link IntervalStats#OVERALL} (default:
 *     all endpoints)
 * @param count4xx whether 4xx responses count as errors (errorRatio only; default false)
 * @param threshold the value above which the guard trips ({@code above}): nanoseconds for latency and send
 *     lag, a ratio from 0 to below 1 for the error and unsent ratios
 * @param window how much of the recent past is judged (default 10 s), at least the measurement interval
 * @param action what the guard does when it trips (default abort)
 * @param minRequests the fewest requests a window must hold to be judged (default 100)
 */
public record GuardSpec(
        String name,
        Metric metric,
        double percentile,
        String endpoint,
        boolean count4xx,
        double threshold,
        Duration window,
        GuardAction action,
        long minRequests) {

    /** Checks for nulls. */
    public GuardSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(action, "action");
    }

    /** What a guard measures, as a scenario names it. */
    public enum Metric {
        /** A latency percentile from the intended send time. */
        LATENCY("latency", true),
        /** 5xx, transport errors and timeouts (and 4xx with count4xx) over attempted requests. */
        ERROR_RATIO("errorRatio", false),
        /** Unsent over scheduled requests. */
        UNSENT_RATIO("unsentRatio", false),
        /** The send-lag p99. */
        SEND_LAG("sendLag", true);

        private final String word;
        private final boolean timeBased;

        Metric(String word, boolean timeBased) {
            this.word = word;
            this.timeBased = timeBased;
        }

        /** The word a scenario writes. */
        public String word() {
            return word;
        }

        /** True when the threshold is a duration; false for a ratio. */
        public boolean timeBased() {
            return timeBased;
        }

        static List<String> words() {
            return Arrays.stream(values()).map(Metric::word).toList();
        }

        static Metric of(String word) {
            return Arrays.stream(values())
                    .filter(m -> m.word.equals(word))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** The traffic controller's rule for this guard. */
    public GuardRule toRule() {
        GuardMetric measured = switch (metric) {
            case LATENCY -> new GuardMetric.Latency(percentile, endpoint);
            case ERROR_RATIO -> new GuardMetric.ErrorRatio(endpoint, count4xx);
            case UNSENT_RATIO -> new GuardMetric.UnsentRatio(endpoint);
            case SEND_LAG -> new GuardMetric.SendLag(endpoint);
        };
        return new GuardRule(name, measured, threshold, window, action, minRequests);
    }
}
