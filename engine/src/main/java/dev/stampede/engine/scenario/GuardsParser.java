package dev.stampede.engine.scenario;

import dev.stampede.control.IntervalStats;
import dev.stampede.control.guard.GuardAction;
import dev.stampede.control.guard.GuardRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code guards}: a list of SLO guards. Which keys go with which metric is checked here (percentile
 * only for latency, count4xx only for errorRatio, {@code above} a duration or a share as the metric says);
 * ranges, names and how guards fit the rest of the scenario by {@link GuardsValidator}. Every item
 * becomes a guard, a broken one with placeholders (see {@link Problems}), so list indices stay true.
 */
final class GuardsParser {

    private static final String EXAMPLE = "e.g. [{name: p99, metric: latency, percentile: 99, above: 500ms}]";

    private GuardsParser() {}

    /** The guards under {@code guards}, in file order; empty when there are none. */
    static List<GuardSpec> read(Section top) {
        YamlNode.Sequence list = top.list("guards", "a list of guards, " + EXAMPLE);
        List<GuardSpec> guards = new ArrayList<>();
        if (list == null) {
            return guards;
        }
        for (int i = 0; i < list.items().size(); i++) {
            String path = FieldPath.item(top.path("guards"), i);
            Section item = Section.of(list.items().get(i), path, ScenarioKeys.GUARD, top.problems());
            guards.add(item == null ? placeholder(path) : guard(item));
        }
        return guards;
    }

    private static GuardSpec placeholder(String path) {
        return new GuardSpec(
                path,
                GuardSpec.Metric.ERROR_RATIO,
                0,
                IntervalStats.OVERALL,
                false,
                0,
                GuardRule.DEFAULT_WINDOW,
                GuardAction.ABORT,
                GuardRule.DEFAULT_MIN_REQUESTS);
    }

    private static GuardSpec guard(Section s) {
        Problems problems = s.problems();
        String name = s.string("name");
        if (name == null && !s.has("name")) {
            problems.add(s.path("name"), "required: the guard's name, e.g. name: p99");
        }
        String word = s.word("metric", GuardSpec.Metric.words());
        if (word == null && !s.has("metric")) {
            problems.add(s.path("metric"), "required: what to measure: " + Section.oneOf(GuardSpec.Metric.words()));
        }
        GuardSpec.Metric metric = word == null ? null : GuardSpec.Metric.of(word);
        Double percentile = s.number("percentile", "a percentile such as 99 or 99.9");
        onlyWith(s, "percentile", metric, GuardSpec.Metric.LATENCY);
        if (metric == GuardSpec.Metric.LATENCY && percentile == null && !s.has("percentile")) {
            problems.add(s.path("percentile"), "required for metric latency, e.g. percentile: 99");
        }
        String endpoint = s.string("endpoint");
        Boolean count4xx = s.bool("count4xx");
        onlyWith(s, "count4xx", metric, GuardSpec.Metric.ERROR_RATIO);
        Double threshold = metric == null ? null : above(s, metric);
        if (threshold == null && !s.has("above")) {
            problems.add(s.path("above"), "required: the threshold, e.g. above: 500ms or above: 1%");
        }
        Duration window = s.duration("window");
        String action = s.word("action", GuardAction.words());
        Long minRequests = s.integer("minRequests", "a whole number, 1 or more");
        s.rejectUnknown();
        return new GuardSpec(
                name == null ? s.path() : name,
                metric == null ? GuardSpec.Metric.ERROR_RATIO : metric,
                percentile == null ? 99 : percentile,
                endpoint == null ? IntervalStats.OVERALL : endpoint,
                count4xx != null && count4xx,
                threshold == null ? 0 : threshold,
                window == null ? GuardRule.DEFAULT_WINDOW : window,
                action == null ? GuardAction.ABORT : GuardAction.of(action),
                minRequests == null ? GuardRule.DEFAULT_MIN_REQUESTS : minRequests);
    }

    private static void onlyWith(Section s, String key, GuardSpec.Metric metric, GuardSpec.Metric only) {
        if (metric != null && metric != only && s.has(key)) {
            s.problems()
                    .addAtKey(
                            s.path(key),
                            "only with metric: " + only.word() + " (this guard's is " + metric.word() + ")");
        }
    }

    /** {@code above} in the metric's unit: nanoseconds from a duration, or a share; null when missing or broken. */
    private static Double above(Section s, GuardSpec.Metric metric) {
        YamlNode node = s.node("above");
        if (node == null) {
            return null;
        }
        String path = s.path("above");
        if (!metric.timeBased()) {
            return Shares.read(
                    node,
                    path,
                    "a share for metric " + metric.word() + ": a number from 0 to 1 or a percentage (e.g. 0.01 or"
                            + " 1%)",
                    s.problems());
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.STRING) {
            try {
                return (double) DurationFormat.parse(scalar.text()).toNanos();
            } catch (IllegalArgumentException | ArithmeticException e) {
                s.problems().add(path, e.getMessage());
                return null;
            }
        }
        s.problems()
                .add(
                        path,
                        "must be a duration for metric " + metric.word() + " (e.g. above: 500ms), got "
                                + node.describe());
        return null;
    }
}
