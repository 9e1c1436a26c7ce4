package dev.stampede.engine.scenario;

import java.time.Duration;
import java.util.List;

/**
 * Checks a capacity search: rates in the source's unit (requests per second, or a replay's speed factor),
 * step lengths that leave intervals to judge, and SLO names that name guards.
 */
final class CapacityValidator {

    private CapacityValidator() {}

    static void check(Scenario.Builder b, Problems problems) {
        CapacitySpec c = b.capacity();
        if (c == null) {
            return;
        }
        boolean speed = b.source() instanceof ReplaySource;
        rate(problems, "capacity.from", c.from(), speed);
        rate(problems, "capacity.step", c.step(), speed);
        rate(problems, "capacity.upTo", c.upTo(), speed);
        if (c.upTo() < c.from()) {
            problems.add(
                    "capacity.upTo",
                    "must be at least from (" + Checks.number(c.from()) + "), got " + Checks.number(c.upTo()));
        }
        if (c.resolutionIsShare() && !(c.resolution() > 0 && c.resolution() < 1)) {
            problems.add(
                    "capacity.resolution",
                    "must be above 0% and below 100%, got " + Checks.number(c.resolution() * 100) + "%");
        } else if (!c.resolutionIsShare() && !(c.resolution() > 0)) {
            problems.add("capacity.resolution", "must be above 0, got " + Checks.number(c.resolution()));
        }
        judged(problems, "capacity.stepFor", c.stepFor(), c.settle(), b.interval());
        judged(problems, "capacity.confirmFor", c.confirmFor(), c.settle(), b.interval());
        if (!(c.minAchieved() > 0 && c.minAchieved() <= 1)) {
            problems.add(
                    "capacity.minAchieved",
                    "must be above 0% and at most 100%, got " + Checks.number(c.minAchieved() * 100) + "%");
        }
        slo(b, c, problems);
    }

    private static void rate(Problems problems, String field, double value, boolean speed) {
        if (!speed) {
            Checks.rate(problems, field, value);
        } else if (!(value > 0) || Double.isInfinite(value)) {
            problems.add(field, "must be above 0 (a replay's speed factor), got " + Checks.number(value));
        }
    }

    /** A step must leave at least one interval after its settle time to judge. */
    private static void judged(Problems problems, String field, Duration length, Duration settle, Duration interval) {
        if (length.minus(settle).compareTo(interval) < 0) {
            problems.add(
                    field,
                    "must be longer than settle (" + DurationFormat.format(settle) + ") by at least one interval ("
                            + DurationFormat.format(interval) + "), got " + DurationFormat.format(length));
        }
    }

    private static void slo(Scenario.Builder b, CapacitySpec c, Problems problems) {
        List<String> names = b.guards().stream().map(GuardSpec::name).toList();
        for (int i = 0; i < names.size(); i++) {
            if (problems.has(FieldPath.item("guards", i) + ".name")) {
                return; // a guard whose name is missing or broken may be the one named
            }
        }
        for (int i = 0; i < c.slo().size(); i++) {
            String name = c.slo().get(i);
            if (!names.contains(name)) {
                String close = Suggestions.closest(name, names);
                problems.add(
                        FieldPath.item("capacity.slo", i),
                        "no guard is named " + name
                                + (close != null
                                        ? " (did you mean " + close + "?)"
                                        : names.isEmpty()
                                                ? " (there are no guards)"
                                                : " (expected " + Section.oneOf(names) + ")"));
            }
        }
    }
}
