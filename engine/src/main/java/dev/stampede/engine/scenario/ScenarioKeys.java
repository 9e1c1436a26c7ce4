package dev.stampede.engine.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every key a scenario file may hold, by section: the schema that {@code docs/scenario.md} describes. */
final class ScenarioKeys {

    static final List<String> TOP = List.of(
            "name",
            "target",
            "protocol",
            "insecure",
            "sni",
            "duration",
            "connections",
            "timeout",
            "connectTimeout",
            "interval",
            "sendLagThreshold",
            "source",
            "rewrite",
            "marks",
            "journal",
            "load",
            "guards",
            "capacity",
            "mode",
            "allowlist");
    static final List<String> SOURCE = List.of("replay", "model", "url");
    static final List<String> REPLAY = List.of(
            "store",
            "speed",
            "window",
            "peakModel",
            "include",
            "exclude",
            "multipliers",
            "loop",
            "amplify",
            "sessionKey",
            "testAccounts");
    static final List<String> WINDOW = List.of("from", "to");
    static final List<String> MODEL = List.of("dir", "rate", "arrivals", "seed", "testAccounts");
    static final List<String> URL = List.of("method", "path", "headers", "body", "rate", "arrivals", "seed");
    static final List<String> REWRITE = List.of("host", "headers", "pathPrefix");
    static final List<String> REWRITE_HEADERS = List.of("set", "remove");
    static final List<String> PATH_PREFIX = List.of("from", "to");
    static final List<String> MARKS = List.of("test", "traceparent", "baggage");
    static final List<String> TEST_MARK = List.of("header", "value");
    static final List<String> LOAD = List.of("maxRate", "profile", "endpoints");
    /** The kinds of {@code load.profile} phase, each with its keys. */
    static final Map<String, List<String>> PHASES = phases();

    static final List<String> GUARD =
            List.of("name", "metric", "percentile", "endpoint", "count4xx", "above", "window", "action", "minRequests");
    static final List<String> CAPACITY =
            List.of("from", "step", "stepFor", "upTo", "resolution", "confirmFor", "settle", "minAchieved", "slo");

    private ScenarioKeys() {}

    /** Every key as a path ({@code source.replay.window.from}; list items as {@code pathPrefix[].from}). */
    static List<String> all() {
        List<String> all = new ArrayList<>();
        add(all, "", TOP);
        add(all, "source.", SOURCE);
        add(all, "source.replay.", REPLAY);
        add(all, "source.replay.window.", WINDOW);
        add(all, "source.model.", MODEL);
        add(all, "source.url.", URL);
        add(all, "rewrite.", REWRITE);
        add(all, "rewrite.headers.", REWRITE_HEADERS);
        add(all, "rewrite.pathPrefix[].", PATH_PREFIX);
        add(all, "marks.", MARKS);
        add(all, "marks.test.", TEST_MARK);
        add(all, "load.", LOAD);
        add(all, "load.profile[].", List.copyOf(PHASES.keySet()));
        PHASES.forEach((kind, keys) -> add(all, "load.profile[]." + kind + ".", keys));
        add(all, "guards[].", GUARD);
        add(all, "capacity.", CAPACITY);
        return all;
    }

    /** The sections where {@code key} is known, e.g. {@code [source.replay]} for speed; empty when none. */
    static List<String> sectionsOf(String key) {
        List<String> sections = new ArrayList<>();
        for (String path : all()) {
            int dot = path.lastIndexOf('.');
            if (dot > 0 && path.substring(dot + 1).equals(key)) {
                sections.add(path.substring(0, dot));
            }
        }
        return sections;
    }

    private static Map<String, List<String>> phases() {
        Map<String, List<String>> phases = new LinkedHashMap<>();
        phases.put("constant", List.of("rate", "for"));
        phases.put("ramp", List.of("from", "to", "for"));
        phases.put("steps", List.of("from", "to", "by", "rates", "every"));
        phases.put("spike", List.of("base", "factor", "at", "lasting", "for"));
        phases.put("sine", List.of("mean", "amplitude", "period", "phase", "for"));
        phases.put("curve", List.of("model", "factor", "compress", "window"));
        return Collections.unmodifiableMap(phases);
    }

    private static void add(List<String> all, String prefix, List<String> keys) {
        keys.forEach(key -> all.add(prefix + key));
    }
}
