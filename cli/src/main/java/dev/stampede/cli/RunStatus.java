package dev.stampede.cli;

import dev.stampede.control.guard.GuardStatus;
import dev.stampede.engine.measure.EndpointSnapshot;
import dev.stampede.engine.measure.LiveSnapshot;
import dev.stampede.engine.measure.Outcome;
import dev.stampede.engine.measure.OutcomeCounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's live statistics for the control API's {@code /status}: the latest interval and the totals. */
final class RunStatus {

    private RunStatus() {}

    /**
     * The latest interval of {@code snapshot} (null before the first) and the run's totals so far, and
     * each guard's state, as JSON-ready maps.
     */
    static Map<String, Object> of(LiveSnapshot snapshot, List<GuardStatus> guards) {
        Map<String, Object> status = new LinkedHashMap<>();
        if (!guards.isEmpty()) {
            List<Map<String, Object>> states = new ArrayList<>();
            for (GuardStatus guard : guards) {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("name", guard.name());
                state.put("state", guard.state().name().toLowerCase(java.util.Locale.ROOT));
                state.put("text", guard.text());
                states.add(state);
            }
            status.put("guards", states);
        }
        if (snapshot == null) {
            return status;
        }
        EndpointSnapshot overall = snapshot.overall();
        status.put("elapsedSeconds", snapshot.elapsedNanos() / 1e9);
        status.put("intervals", snapshot.sequence());
        status.put("achievedRate", overall.ratePerSec());
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50Ms", overall.intervalLatency().p50Nanos() / 1e6);
        latency.put("p99Ms", overall.intervalLatency().p99Nanos() / 1e6);
        latency.put("maxMs", overall.intervalLatency().maxNanos() / 1e6);
        status.put("intervalLatency", latency);
        status.put("intervalSendLagP99Ms", overall.intervalSendLagP99Nanos() / 1e6);
        status.put("intervalOutcomes", counts(overall.intervalCounts()));
        status.put("totalOutcomes", counts(overall.totalCounts()));
        return status;
    }

    private static Map<String, Long> counts(OutcomeCounts counts) {
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.ALL) {
            if (counts.get(outcome) > 0) {
                byOutcome.put(outcome.code(), counts.get(outcome));
            }
        }
        return byOutcome;
    }
}
