package dev.stampede.engine.scenario;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a parsed scenario file into a {@link Scenario.Builder}: types, words, syntax of durations, URLs,
 * regexes and times, unknown keys. Ranges, required values and how values go together are checked
 * later, by {@link ScenarioValidator}, for files and flags alike.
 */
final class ScenarioParser {

    private ScenarioParser() {}

    /** Fills {@code builder} from the top-level section {@code top}. */
    static void read(Section top, Path baseDir, Scenario.Builder builder) {
        Problems problems = top.problems();
        builder.name(top.string("name"));
        builder.target(target(top));
        String protocol = top.word("protocol", List.of("http1", "h2", "h2c"));
        if (protocol != null) {
            builder.protocol(Protocol.valueOf(protocol.toUpperCase(Locale.ROOT)));
        }
        Boolean insecure = top.bool("insecure");
        builder.insecure(insecure != null && insecure);
        builder.sni(top.string("sni"));
        builder.duration(top.duration("duration"));
        Integer connections = FileValues.toInt(
                top.integer("connections", "a whole number from 1 to 65536"), top.path("connections"), problems);
        if (connections != null) {
            builder.connections(connections);
        }
        setIfPresent(top.duration("timeout"), builder::timeout);
        setIfPresent(top.duration("connectTimeout"), builder::connectTimeout);
        setIfPresent(top.duration("interval"), builder::interval);
        setIfPresent(top.duration("sendLagThreshold"), builder::sendLagThreshold);
        Section source = top.section("source", ScenarioKeys.SOURCE);
        if (source != null) {
            builder.source(SourceParser.read(source, baseDir));
        }
        Section rewrite = top.section("rewrite", ScenarioKeys.REWRITE);
        if (rewrite != null) {
            builder.rewrite(rewrite(rewrite));
        }
        Section marks = top.section("marks", ScenarioKeys.MARKS);
        if (marks != null) {
            builder.marks(marks(marks));
        }
        Boolean journal = top.bool("journal");
        builder.journal(journal != null && journal);
        Section load = top.section("load", ScenarioKeys.LOAD);
        if (load != null) {
            builder.load(LoadParser.read(load, baseDir));
        }
        guardsAndCapacity(top, builder);
        String mode = top.word("mode", List.of("test", "production"));
        builder.production("production".equals(mode));
        builder.allowlist(FileValues.stringList(
                top.list("allowlist", "a list of URLs or host[:port]"), top.path("allowlist"), problems));
        top.rejectUnknown();
    }

    private static void guardsAndCapacity(Section top, Scenario.Builder builder) {
        builder.guards(GuardsParser.read(top));
        Section capacity = top.section("capacity", ScenarioKeys.CAPACITY);
        if (capacity != null) {
            builder.capacity(CapacityParser.read(capacity));
        }
    }

    private static void setIfPresent(Duration value, Consumer<Duration> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static URI target(Section top) {
        String text = top.string("target");
        if (text == null) {
            return null;
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            top.problems()
                    .addAt(
                            top.path("target"),
                            Math.max(0, e.getIndex()),
                            "not a URL: " + e.getReason() + " (expected e.g. http://127.0.0.1:8080)");
            return null;
        }
    }

    private static Rewrite rewrite(Section s) {
        Problems problems = s.problems();
        String host = s.string("host");
        Map<String, String> set = Map.of();
        List<String> remove = List.of();
        Section headers = s.section("headers", ScenarioKeys.REWRITE_HEADERS);
        if (headers != null) {
            set = FileValues.stringMap(
                    headers.mapping("set", "a map of header name to value"), headers.path("set"), problems);
            remove = FileValues.stringList(
                    headers.list("remove", "a list of header names"), headers.path("remove"), problems);
            headers.rejectUnknown();
        }
        List<Rewrite.PathPrefix> prefixes = new ArrayList<>();
        YamlNode.Sequence list = s.list("pathPrefix", "a list of {from: /a, to: /b}");
        if (list != null) {
            for (int i = 0; i < list.items().size(); i++) {
                String path = FieldPath.item(s.path("pathPrefix"), i);
                Section item = Section.of(list.items().get(i), path, ScenarioKeys.PATH_PREFIX, problems);
                if (item != null) {
                    String from = requiredString(item, "from", "a path prefix such as /api");
                    String to = requiredString(item, "to", "a path prefix such as /v2/api");
                    item.rejectUnknown();
                    if (from != null && to != null) {
                        prefixes.add(new Rewrite.PathPrefix(from, to));
                    }
                }
            }
        }
        s.rejectUnknown();
        return new Rewrite(host, set, remove, prefixes);
    }

    private static Marks marks(Section s) {
        Problems problems = s.problems();
        Marks.TestMark test = Marks.TestMark.DEFAULT;
        YamlNode node = s.node("test");
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.BOOLEAN) {
            test = Boolean.TRUE.equals(scalar.value()) ? Marks.TestMark.DEFAULT : null;
        } else if (node instanceof YamlNode.Mapping) {
            Section mark = s.section("test", ScenarioKeys.TEST_MARK);
            String header = mark.string("header");
            String value = mark.string("value");
            mark.rejectUnknown();
            test = new Marks.TestMark(
                    header == null ? Marks.TestMark.DEFAULT.header() : header,
                    value == null ? Marks.TestMark.DEFAULT.value() : value);
        } else if (node != null) {
            problems.add(
                    s.path("test"),
                    "must be false (no test mark), true, or {header: NAME, value: VALUE}, got " + node.describe());
        }
        Boolean traceparent = s.bool("traceparent");
        Map<String, String> baggage = FileValues.stringMap(
                s.mapping("baggage", "a map of baggage key to value"), s.path("baggage"), problems);
        s.rejectUnknown();
        return new Marks(test, traceparent == null || traceparent, baggage);
    }

    private static String requiredString(Section s, String key, String expected) {
        String value = s.string(key);
        if (value == null && !s.has(key)) {
            s.problems().add(s.path(key), "required (expected " + expected + ")");
        }
        return value;
    }
}
