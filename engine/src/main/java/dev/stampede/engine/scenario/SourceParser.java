package dev.stampede.engine.scenario;

import dev.stampede.model.session.SessionKey;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code source}: exactly one of {@code replay}, {@code model}, {@code url}. Every section written
 * is read (so its problems are found too), but a source is only built from a lone, complete one.
 */
final class SourceParser {

    private static final String TIME = "an ISO-8601 time with offset, e.g. 2026-11-20T09:30:00+08:00";

    private final Path baseDir;
    private final Problems problems;

    private SourceParser(Path baseDir, Problems problems) {
        this.baseDir = baseDir;
        this.problems = problems;
    }

    /**
     * The first source written, or null when there is none. Where a required value is missing or broken
     * (reported), a placeholder stands in for it so that the rest is still checked; see {@link Problems}.
     */
    static SourceSpec read(Section source, Path baseDir) {
        List<String> written = source.writtenKeys().stream()
                .filter(ScenarioKeys.SOURCE::contains)
                .toList();
        for (String extra : written.subList(Math.min(1, written.size()), written.size())) {
            source.problems()
                    .addAtKey(
                            source.path(extra),
                            "only one of replay, model, url may be given (" + written.get(0) + " is given too)");
        }
        SourceParser parser = new SourceParser(baseDir, source.problems());
        Section replay = source.section("replay", ScenarioKeys.REPLAY);
        Section model = source.section("model", ScenarioKeys.MODEL);
        Section url = source.section("url", ScenarioKeys.URL);
        source.rejectUnknown();
        SourceSpec replaySource = replay == null ? null : parser.replay(replay);
        SourceSpec modelSource = model == null ? null : parser.model(model);
        SourceSpec urlSource = url == null ? null : parser.url(url);
        if (written.isEmpty()) {
            return null;
        }
        return switch (written.get(0)) {
            case "replay" -> replaySource;
            case "model" -> modelSource;
            default -> urlSource;
        };
    }

    /** Stands in for a required path that is missing or broken (and reported). */
    private Path placeholder(Path path) {
        return path != null ? path : baseDir;
    }

    private ReplaySource replay(Section s) {
        Path store = FileValues.path(s, "store", baseDir);
        if (store == null && !s.has("store")) {
            problems.add(s.path("store"), "required: the record store directory (stampede parse -o writes it)");
        }
        Double speed = s.number("speed", "a number above 0");
        ReplayWindow window = window(s);
        List<Pattern> include = FileValues.regexes(s, "include");
        List<Pattern> exclude = FileValues.regexes(s, "exclude");
        List<Multiplier> multipliers = multipliers(s);
        Integer loops = loops(s);
        Integer amplify =
                FileValues.toInt(s.integer("amplify", "a whole number, 1 or more"), s.path("amplify"), problems);
        SessionKey sessionKey = sessionKey(s);
        Path accounts = FileValues.path(s, "testAccounts", baseDir);
        s.rejectUnknown();
        return new ReplaySource(
                placeholder(store),
                speed == null ? 1.0 : speed,
                window == null ? ReplayWindow.WHOLE : window,
                include,
                exclude,
                multipliers,
                loops == null ? 1 : loops,
                amplify == null ? 1 : amplify,
                sessionKey == null ? SessionKey.ipAndUserAgent() : sessionKey,
                accounts);
    }

    /** The window, {@link ReplayWindow#WHOLE} without one, or null when it is broken (reported). */
    private ReplayWindow window(Section s) {
        Path peakModel = FileValues.path(s, "peakModel", baseDir);
        YamlNode node = s.node("window");
        String path = s.path("window");
        if (node instanceof YamlNode.Scalar scalar && "peak".equals(scalar.text())) {
            if (peakModel == null) {
                if (!s.has("peakModel")) {
                    problems.add(path, "peak needs peakModel: the model directory whose peak window to replay");
                }
                return null;
            }
            return new ReplayWindow.Peak(peakModel);
        }
        if (peakModel != null) {
            problems.add(s.path("peakModel"), "only with window: peak");
        }
        if (node == null) {
            return ReplayWindow.WHOLE;
        }
        if (!(node instanceof YamlNode.Mapping)) {
            problems.add(path, "must be peak or {from: TIME, to: TIME}, got " + node.describe());
            return null;
        }
        Section w = Section.of(node, path, ScenarioKeys.WINDOW, problems);
        Instant from = time(w, "from");
        Instant to = time(w, "to");
        w.rejectUnknown();
        return from == null || to == null ? null : new ReplayWindow.Between(from, to);
    }

    private Instant time(Section w, String key) {
        String text = w.string(key);
        if (text == null) {
            if (!w.has(key)) {
                problems.add(w.path(key), "required (expected " + TIME + ")");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.addAt(w.path(key), e.getErrorIndex(), "not a time, got '" + text + "' (expected " + TIME + ")");
            return null;
        }
    }

    private List<Multiplier> multipliers(Section s) {
        YamlNode.Mapping map = s.mapping("multipliers", "a map of regex to factor, e.g. {\"^POST /api/order\": 2.0}");
        List<Multiplier> multipliers = new ArrayList<>();
        if (map == null) {
            return multipliers;
        }
        for (Map.Entry<String, YamlNode.Entry> e : map.entries().entrySet()) {
            String path = FieldPath.child(s.path("multipliers"), e.getKey());
            Pattern pattern = FileValues.regex(e.getKey(), path, true, problems);
            Double factor = Scalars.number(e.getValue().value(), path, "a factor, 0 or more", problems);
            if (pattern != null && factor != null) {
                multipliers.add(new Multiplier(pattern, factor));
            }
        }
        return multipliers;
    }

    private Integer loops(Section s) {
        YamlNode node = s.node("loop");
        if (node instanceof YamlNode.Scalar scalar && "forever".equals(scalar.text())) {
            return ReplaySource.FOREVER;
        }
        Long loops = s.integer("loop", "a whole number, 1 or more, or forever");
        if (loops != null && loops >= ReplaySource.FOREVER) {
            problems.add(s.path("loop"), "is too large, got " + loops + " (expected a whole number or forever)");
            return null;
        }
        return FileValues.toInt(loops, s.path("loop"), problems);
    }

    private SessionKey sessionKey(Section s) {
        String text = s.string("sessionKey");
        if (text == null) {
            return null;
        }
        try {
            return SessionKey.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(s.path("sessionKey"), e.getMessage());
            return null;
        }
    }

    private ModelSource model(Section s) {
        Path dir = FileValues.path(s, "dir", baseDir);
        if (dir == null && !s.has("dir")) {
            problems.add(s.path("dir"), "required: the model directory (stampede model -o writes it)");
        }
        Double rate = s.number("rate", "requests per second, above 0");
        if (rate == null && !s.has("rate")) {
            problems.add(s.path("rate"), "required: requests per second, e.g. rate: 5000");
        }
        String arrivals = s.word("arrivals", List.of("poisson", "uniform"));
        Long seed = s.integer("seed", "a whole number");
        Path accounts = FileValues.path(s, "testAccounts", baseDir);
        s.rejectUnknown();
        return new ModelSource(
                placeholder(dir),
                rate == null ? 1 : rate,
                arrivals == null ? Arrivals.POISSON : arrivals(arrivals),
                seed == null ? 1 : seed,
                accounts);
    }

    private UrlSource url(Section s) {
        String method = s.string("method");
        String path = s.string("path");
        if (path == null && !s.has("path")) {
            problems.add(s.path("path"), "required: the request path, e.g. path: /api/quote/600519");
        }
        Map<String, String> headers = FileValues.stringMap(
                s.mapping("headers", "a map of header name to value"), s.path("headers"), problems);
        String body = s.string("body");
        Double rate = s.number("rate", "requests per second, above 0");
        if (rate != null && rate == UrlSource.FLAT_OUT) {
            problems.add(
                    s.path("rate"),
                    "must be above 0, got 0 (leave rate out to send as fast as the connections" + " allow)");
            rate = null;
        }
        String arrivals = s.word("arrivals", List.of("constant", "poisson"));
        Long seed = s.integer("seed", "a whole number");
        s.rejectUnknown();
        return new UrlSource(
                method == null ? "GET" : method,
                path == null ? "/" : path,
                headers,
                body,
                rate == null ? UrlSource.FLAT_OUT : rate,
                arrivals == null ? Arrivals.CONSTANT : arrivals(arrivals),
                seed == null ? 1 : seed);
    }

    private static Arrivals arrivals(String word) {
        return Arrivals.valueOf(word.toUpperCase(Locale.ROOT));
    }
}
