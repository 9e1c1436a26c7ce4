package dev.stampede.engine.scenario;

import dev.stampede.control.capacity.CapacitySettings;
import java.time.Duration;
import java.util.List;

/**
 * Reads {@code capacity}: a capacity search. Types and syntax here, defaults applied; ranges and how the
 * search fits the source and the guards are checked by {@link CapacityValidator}.
 */
final class CapacityParser {

    private static final String RATE = "a rate: requests per second, or a replay's speed factor";

    private CapacityParser() {}

    static CapacitySpec read(Section s) {
        Problems problems = s.problems();
        Double from = required(s, "from", "the first step's rate, e.g. from: 500");
        Double step = required(s, "step", "how much each step adds, e.g. step: 500");
        Double upTo = required(s, "upTo", "the highest rate to try, e.g. upTo: 20000");
        Duration stepFor = s.duration("stepFor");
        YamlNode resolutionNode = s.node("resolution");
        Double resolution = resolutionNode == null
                ? null
                : Shares.read(
                        resolutionNode,
                        s.path("resolution"),
                        "a share of the last good rate (e.g. 5%) or a rate (e.g. 50)",
                        problems);
        Duration confirmFor = s.duration("confirmFor");
        Duration settle = s.duration("settle");
        YamlNode minAchievedNode = s.node("minAchieved");
        Double minAchieved = minAchievedNode == null
                ? null
                : Shares.read(minAchievedNode, s.path("minAchieved"), "a share such as 95% or 0.95", problems);
        List<String> slo = FileValues.stringList(
                s.list("slo", "a list of guard names, e.g. [p99, errors]"), s.path("slo"), problems);
        s.rejectUnknown();
        Duration stepLength = stepFor == null ? CapacitySpec.DEFAULT_STEP_FOR : stepFor;
        return new CapacitySpec(
                from == null ? 1 : from,
                step == null ? 1 : step,
                stepLength,
                upTo == null ? Math.max(1, from == null ? 1 : from) : upTo,
                resolution == null ? CapacitySpec.DEFAULT_RESOLUTION_SHARE : resolution,
                resolution == null || Shares.isPercent(resolutionNode),
                confirmFor == null ? stepLength.multipliedBy(2) : confirmFor,
                settle == null ? CapacitySettings.defaultSettle(stepLength) : settle,
                minAchieved == null ? CapacitySettings.DEFAULT_MIN_ACHIEVED : minAchieved,
                slo);
    }

    private static Double required(Section s, String key, String what) {
        Double value = s.number(key, RATE);
        if (value == null && !s.has(key)) {
            s.problems().add(s.path(key), "required: " + what);
        }
        return value;
    }
}
