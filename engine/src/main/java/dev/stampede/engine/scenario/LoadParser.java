package dev.stampede.engine.scenario;

import dev.stampede.control.profile.ConstantProfile;
import dev.stampede.control.profile.CurveProfile;
import dev.stampede.control.profile.RampProfile;
import dev.stampede.control.profile.RateProfile;
import dev.stampede.control.profile.SequenceProfile;
import dev.stampede.control.profile.SineProfile;
import dev.stampede.control.profile.SpikeProfile;
import dev.stampede.control.profile.StepsProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code load}: the ceiling {@code maxRate} and the {@code profile}, a list of phases each written
 * as {@code - KIND: {KEY: VALUE, ...}}. Every phase's values are checked here, where their places are
 * known, because a profile is built from them; how the profile fits the source is {@link
 * LoadValidator}'s. A broken phase is reported and stands in as a one-second pause, so the rest is still
 * read (the builder that carries the problem never builds).
 */
final class LoadParser {

    private static final String RATE = "a rate, 0 or more";
    private static final RateProfile PLACEHOLDER = new ConstantProfile(0, 1);

    private final Path baseDir;
    private final Problems problems;

    private LoadParser(Path baseDir, Problems problems) {
        this.baseDir = baseDir;
        this.problems = problems;
    }

    static LoadSpec read(Section load, Path baseDir) {
        Double maxRate = load.number("maxRate", "a rate above 0, e.g. maxRate: 8000");
        YamlNode.Sequence list = load.list("profile", "a list of phases, e.g. [{constant: {rate: 1000, for: 30s}}]");
        YamlNode.Mapping endpoints = load.mapping(
                "endpoints", "a map of endpoint regex to a factor, e.g. {\"^POST /api/ipo/subscribe\": 10}");
        load.rejectUnknown();
        LoadParser parser = new LoadParser(baseDir, load.problems());
        RateProfile profile = list == null ? null : parser.profile(load.path("profile"), list);
        List<LoadSpec.EndpointFactor> factors =
                endpoints == null ? List.of() : parser.endpoints(load.path("endpoints"), endpoints);
        return new LoadSpec(profile, maxRate == null ? LoadSpec.NO_CEILING : maxRate, factors);
    }

    /**
     * Each {@code load.endpoints} entry: a regex on {@code "METHOD /path"}, and a factor (a number, 0 or
     * more) or a factor profile (a list of phases, the same kinds as {@code load.profile}).
     */
    private List<LoadSpec.EndpointFactor> endpoints(String at, YamlNode.Mapping map) {
        List<LoadSpec.EndpointFactor> factors = new ArrayList<>();
        for (var entry : map.entries().entrySet()) {
            String path = at + "." + entry.getKey();
            java.util.regex.Pattern pattern;
            try {
                pattern = java.util.regex.Pattern.compile(entry.getKey());
            } catch (java.util.regex.PatternSyntaxException e) {
                problems.addAtKey(
                        path, "bad regex: " + e.getDescription() + " (expected a Java regex on \"METHOD /path\")");
                continue;
            }
            YamlNode value = entry.getValue().value();
            RateProfile factor = null;
            if (value instanceof YamlNode.Sequence phases) {
                factor = profile(path, phases);
            } else if (value instanceof YamlNode.Scalar scalar
                    && scalar.value() instanceof Number number
                    && number.doubleValue() >= 0
                    && Double.isFinite(number.doubleValue())) {
                factor = new ConstantProfile(number.doubleValue(), Double.POSITIVE_INFINITY);
            } else {
                problems.add(
                        path, "expected a factor, 0 or more (e.g. 10), or a list of phases, got " + value.describe());
            }
            if (factor != null) {
                factors.add(new LoadSpec.EndpointFactor(pattern, factor));
            }
        }
        return factors;
    }

    private RateProfile profile(String at, YamlNode.Sequence list) {
        if (list.items().isEmpty()) {
            problems.add(at, "is empty (expected at least one phase, e.g. - constant: {rate: 1000, for: 30s})");
            return PLACEHOLDER;
        }
        List<RateProfile> phases = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Phase phase = phase(list.items().get(i), FieldPath.item(at, i));
            boolean last = i == list.items().size() - 1;
            if (phase != null && Double.isInfinite(phase.profile().seconds()) && !last) {
                problems.add(
                        phase.path(),
                        "never ends (it has no for), so it must be the last phase (expected e.g. for: 30s)");
                phase = null;
            }
            phases.add(phase == null ? PLACEHOLDER : phase.profile());
        }
        return new SequenceProfile(phases);
    }

    /** A phase read, and the path of its kind: {@code load.profile[2].ramp}. */
    private record Phase(RateProfile profile, String path) {}

    /** The phase of one item; null when it is broken (reported). */
    private Phase phase(YamlNode node, String path) {
        Section item = Section.of(node, path, List.copyOf(ScenarioKeys.PHASES.keySet()), problems);
        if (item == null) {
            return null;
        }
        List<String> kinds = item.writtenKeys().stream()
                .filter(ScenarioKeys.PHASES::containsKey)
                .toList();
        for (String extra : kinds.subList(Math.min(1, kinds.size()), kinds.size())) {
            problems.addAtKey(
                    item.path(extra),
                    "one phase per item (" + kinds.get(0) + " is given too; start another item with -)");
        }
        if (kinds.isEmpty() && item.writtenKeys().isEmpty()) {
            problems.add(
                    path,
                    "names no phase (expected one of " + Section.oneOf(List.copyOf(ScenarioKeys.PHASES.keySet()))
                            + ")");
        }
        List<RateProfile> read = new ArrayList<>();
        for (String kind : kinds) {
            Section s = item.section(kind, ScenarioKeys.PHASES.get(kind));
            read.add(s == null ? null : build(s, kind));
        }
        item.rejectUnknown();
        if (kinds.isEmpty() || read.get(0) == null) {
            return null;
        }
        return new Phase(read.get(0), item.path(kinds.get(0)));
    }

    private RateProfile build(Section s, String kind) {
        RateProfile phase;
        try {
            phase = switch (kind) {
                case "constant" -> constant(s);
                case "ramp" -> ramp(s);
                case "steps" -> steps(s);
                case "spike" -> spike(s);
                case "sine" -> sine(s);
                default -> curve(s);
            };
        } catch (IllegalArgumentException e) {
            // Values that are fine alone but not together (a spike past its phase, too many steps).
            problems.add(s.path(), e.getMessage());
            return null;
        }
        s.rejectUnknown();
        return problems.has(s.path()) ? null : phase;
    }

    private RateProfile constant(Section s) {
        Double rate = rate(s, "rate", true);
        double seconds = length(s, "for", false);
        return rate == null || Double.isNaN(seconds) ? null : new ConstantProfile(rate, seconds);
    }

    private RateProfile ramp(Section s) {
        Double from = rate(s, "from", true);
        Double to = rate(s, "to", true);
        double seconds = length(s, "for", true);
        return from == null || to == null || Double.isNaN(seconds) ? null : new RampProfile(from, to, seconds);
    }

    private RateProfile steps(Section s) {
        double every = length(s, "every", true);
        YamlNode.Sequence list = s.list("rates", "a list of rates, e.g. [1000, 2000, 4000]");
        if (list != null) {
            for (String key : List.of("from", "to", "by")) {
                if (s.has(key)) {
                    problems.addAtKey(s.path(key), "either rates or from, to and by (rates is given too)");
                }
            }
            double[] rates = new double[list.items().size()];
            for (int i = 0; i < rates.length; i++) {
                String at = FieldPath.item(s.path("rates"), i);
                Double rate = Scalars.number(list.items().get(i), at, RATE, problems);
                rates[i] = rate == null ? 0 : nonNegative(at, rate);
            }
            if (rates.length == 0) {
                problems.add(s.path("rates"), "is empty (expected at least one rate)");
            }
            return Double.isNaN(every) || rates.length == 0 ? null : StepsProfile.of(rates, every);
        }
        if (s.has("rates")) {
            return null; // not a list (reported)
        }
        if (!s.has("from") && !s.has("to") && !s.has("by")) {
            problems.add(s.path(), "needs rates: [R1, R2, ...] or from, to and by (and every)");
            return null;
        }
        Double from = rate(s, "from", true);
        Double to = rate(s, "to", true);
        Double by = positive(s, "by", "a step above 0, e.g. by: 1000");
        return from == null || to == null || by == null || Double.isNaN(every)
                ? null
                : StepsProfile.range(from, to, by, every);
    }

    private RateProfile spike(Section s) {
        Double base = rate(s, "base", true);
        Double factor = number(s, "factor", "a factor, 0 or more, e.g. factor: 10", true, 0);
        double at = time(s, "at");
        double lasting = length(s, "lasting", true);
        double seconds = length(s, "for", false);
        return base == null || factor == null || Double.isNaN(at) || Double.isNaN(lasting) || Double.isNaN(seconds)
                ? null
                : new SpikeProfile(base, factor, at, lasting, seconds);
    }

    private RateProfile sine(Section s) {
        Double mean = rate(s, "mean", true);
        Double amplitude = rate(s, "amplitude", true);
        double period = length(s, "period", true);
        double phase = s.has("phase") ? time(s, "phase") : 0;
        double seconds = length(s, "for", false);
        if (mean != null && amplitude != null && amplitude > mean) {
            problems.add(
                    s.path("amplitude"),
                    "must be at most mean (" + Checks.number(mean) + ") so that the rate never goes below 0, got "
                            + Checks.number(amplitude));
            return null;
        }
        return mean == null || amplitude == null || Double.isNaN(period) || Double.isNaN(phase) || Double.isNaN(seconds)
                ? null
                : new SineProfile(mean, amplitude, period, phase, seconds);
    }

    private RateProfile curve(Section s) {
        Path model = FileValues.path(s, "model", baseDir);
        if (model == null && !s.has("model")) {
            problems.add(s.path("model"), "required: the model directory whose arrival curve to play");
        }
        Double factor = positive(s, "factor", "a factor above 0, e.g. factor: 1.5");
        Double compress = positive(s, "compress", "a factor above 0: 60 plays a recorded minute in a second");
        String window = s.word("window", List.of("whole", "peak"));
        if (model == null) {
            return null;
        }
        Checks.modelDirectory(problems, s.path("model"), model);
        if (problems.has(s.path("model"))) {
            return null;
        }
        try {
            return CurveProfile.fromModel(
                    model, factor == null ? 1 : factor, compress == null ? 1 : compress, "peak".equals(window));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(s.path("model"), "cannot read its arrival curve: " + e.getMessage());
            return null;
        }
    }

    /** A rate 0 or more; null when absent (reported when required) or broken (reported). */
    private Double rate(Section s, String key, boolean required) {
        return number(s, key, RATE, required, 0);
    }

    /** A number above 0; absent: null, not required. */
    private Double positive(Section s, String key, String expected) {
        Double value = s.number(key, expected);
        if (value != null && !(value > 0)) {
            problems.add(s.path(key), "must be above 0, got " + Checks.number(value));
            return null;
        }
        return value;
    }

    private Double number(Section s, String key, String expected, boolean required, double min) {
        Double value = s.number(key, expected);
        if (value == null) {
            if (required && !s.has(key)) {
                problems.add(s.path(key), "required (expected " + expected + ")");
            }
            return null;
        }
        if (value < min) {
            problems.add(s.path(key), "must be " + Checks.number(min) + " or more, got " + Checks.number(value));
            return null;
        }
        return value;
    }

    private double nonNegative(String at, double rate) {
        if (rate < 0) {
            problems.add(at, "must be 0 or more, got " + Checks.number(rate));
        }
        return Math.max(0, rate);
    }

    /**
     * A length in seconds, above 0: NaN when broken or missing (reported when required), {@code
     * Double.POSITIVE_INFINITY} when absent and not required (the phase never ends).
     */
    private double length(Section s, String key, boolean required) {
        Duration d = s.duration(key);
        if (d == null) {
            if (!s.has(key) && required) {
                problems.add(s.path(key), "required (expected " + DurationFormat.EXPECTED + ")");
            }
            return s.has(key) || required ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        if (d.isZero()) {
            problems.add(s.path(key), "must be above 0, got 0s");
            return Double.NaN;
        }
        return seconds(d);
    }

    /** A time from the phase's start, 0 or more and required: NaN when broken or missing (reported). */
    private double time(Section s, String key) {
        Duration d = s.duration(key);
        if (d == null) {
            if (!s.has(key)) {
                problems.add(s.path(key), "required (expected " + DurationFormat.EXPECTED + ")");
            }
            return Double.NaN;
        }
        return seconds(d);
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
