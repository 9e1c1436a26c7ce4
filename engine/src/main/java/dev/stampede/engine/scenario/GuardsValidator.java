package dev.stampede.engine.scenario;

import dev.stampede.control.guard.GuardAction;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks the guards: names, ranges in each metric's unit, windows against the interval, actions against a capacity search. */
final class GuardsValidator {

    private GuardsValidator() {}

    static void check(Scenario.Builder b, Problems problems) {
        List<GuardSpec> guards = b.guards();
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < guards.size(); i++) {
            GuardSpec g = guards.get(i);
            String at = FieldPath.item("guards", i) + ".";
            Integer before = names.putIfAbsent(g.name(), i);
            if (g.name().isBlank()) {
                problems.add(at + "name", "is empty (expected a name, e.g. p99)");
            } else if (before != null) {
                problems.add(at + "name", "another guard is named " + g.name() + " (guards[" + before + "])");
            }
            if (g.metric() == GuardSpec.Metric.LATENCY && !(g.percentile() > 0 && g.percentile() <= 100)) {
                problems.add(
                        at + "percentile", "must be above 0 and at most 100, got " + Checks.number(g.percentile()));
            }
            if (g.endpoint().isBlank()) {
                problems.add(
                        at + "endpoint",
                        "is empty (expected \"METHOD /path\", e.g. \"POST /api/order\"; leave it out for all"
                                + " endpoints)");
            }
            threshold(g, at + "above", problems);
            window(g, b.interval(), at + "window", problems);
            if (g.minRequests() < 1) {
                problems.add(at + "minRequests", "must be 1 or more, got " + g.minRequests());
            }
            CapacitySpec capacity = b.capacity();
            if (capacity == null
                    && b.source() instanceof UrlSource url
                    && url.flatOut()
                    && (g.action() == GuardAction.HOLD || g.action() == GuardAction.BACK_OFF)) {
                problems.add(
                        at + "action",
                        g.action().word() + " changes the rate, and a flat-out url has none (give source.url.rate,"
                                + " or use abort)");
            }
            if (capacity != null
                    && !capacity.judgesBy(g.name())
                    && (g.action() == GuardAction.HOLD || g.action() == GuardAction.BACK_OFF)) {
                problems.add(
                        at + "action",
                        g.action().word() + " does not go with capacity: the search sets the rate (use abort, or"
                                + " name the guard in capacity.slo to judge steps by it)");
            }
        }
    }

    private static void threshold(GuardSpec g, String field, Problems problems) {
        if (g.metric().timeBased()) {
            if (!(g.threshold() > 0)) {
                problems.add(
                        field, "must be above 0, got " + DurationFormat.format(Duration.ofNanos((long) g.threshold())));
            }
        } else if (!(g.threshold() >= 0 && g.threshold() < 1)) {
            problems.add(field, "must be from 0 to below 1 (0% to below 100%), got " + Checks.number(g.threshold()));
        }
    }

    private static void window(GuardSpec g, Duration interval, String field, Problems problems) {
        if (g.window().compareTo(interval) < 0) {
            problems.add(
                    field,
                    "must be at least the interval (" + DurationFormat.format(interval) + "), got "
                            + DurationFormat.format(g.window()));
        }
    }
}
