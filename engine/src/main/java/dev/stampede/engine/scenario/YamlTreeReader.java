package dev.stampede.engine.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into {@link YamlNode}s that remember where each value starts, from Jackson's YAML
 * token stream. Reports, into {@link Problems}: a syntax error (at the parser's line and column; the
 * tree is then null), an empty file, a second document, duplicate keys and aliases ({@code *name},
 * which Jackson does not resolve).
 */
final class YamlTreeReader {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private final Problems problems;

    private YamlTreeReader(Problems problems) {
        this.problems = problems;
    }

    /** The tree of {@code text}, or null when there is none to check further. */
    static YamlNode read(String text, Problems problems) {
        return new YamlTreeReader(problems).read(text);
    }

    private YamlNode read(String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            if (parser.nextToken() == null) {
                problems.addAt(Location.START, null, "the file is empty (expected a map with target and source)");
                return null;
            }
            YamlNode root = value(parser, "");
            if (parser.nextToken() != null) {
                problems.addSyntax(location(parser), "a second document (a scenario file holds one; remove the ---)");
                return null;
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Location at = mark == null ? Location.START : new Location(mark.getLine() + 1, mark.getColumn() + 1);
            problems.addSyntax(at, syntaxMessage(e));
            return null;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location location = at == null ? Location.START : new Location(at.getLineNr(), at.getColumnNr());
            problems.addSyntax(location, e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            // The text is in memory: Jackson's reader cannot fail to read it.
            throw new IllegalStateException(e);
        }
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "not valid YAML" : e.getProblem();
        Mark context = e.getContextMark();
        if (e.getContext() == null || context == null) {
            return problem;
        }
        return problem + " (" + e.getContext() + " at " + (context.getLine() + 1) + ":" + (context.getColumn() + 1)
                + ")";
    }

    private YamlNode value(JsonParser parser, String path) throws IOException {
        Location at = location(parser);
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            problems.addAt(
                    at, path, "YAML aliases (*" + parser.getText() + ") are not supported (write the value out)");
            return new YamlNode.Scalar(at, YamlNode.Kind.NULL, parser.getText(), null);
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return mapping(parser, path, at);
            case START_ARRAY:
                return sequence(parser, path, at);
            case VALUE_STRING:
                return new YamlNode.Scalar(at, YamlNode.Kind.STRING, parser.getText(), parser.getText());
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(at, YamlNode.Kind.INTEGER, parser.getText(), integer(parser));
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(at, YamlNode.Kind.FLOAT, parser.getText(), parser.getDoubleValue());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(at, YamlNode.Kind.BOOLEAN, parser.getText(), token == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                return new YamlNode.Scalar(at, YamlNode.Kind.NULL, parser.getText(), null);
            default:
                // !!binary and other tags Jackson turns into embedded objects.
                problems.addAt(at, path, "a YAML value of an unsupported kind (" + token + ")");
                return new YamlNode.Scalar(at, YamlNode.Kind.NULL, "", null);
        }
    }

    private static Object integer(JsonParser parser) throws IOException {
        Number number = parser.getNumberValue();
        return number instanceof Integer small ? Long.valueOf(small.longValue()) : number;
    }

    private YamlNode mapping(JsonParser parser, String path, Location at) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyAt = location(parser);
            parser.nextToken();
            String childPath = FieldPath.child(path, key);
            YamlNode value = value(parser, childPath);
            YamlNode.Entry first = entries.get(key);
            if (first != null) {
                // No field to deduplicate on: the first value's own problems are still worth reporting.
                problems.addAt(
                        keyAt,
                        null,
                        FieldPath.label(childPath) + ": duplicate key (first at line "
                                + first.keyLocation().line() + "; give each key once)");
            } else {
                entries.put(key, new YamlNode.Entry(keyAt, value));
            }
        }
        return new YamlNode.Mapping(at, Collections.unmodifiableMap(entries));
    }

    private YamlNode sequence(JsonParser parser, String path, Location at) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(parser, FieldPath.item(path, items.size())));
        }
        return new YamlNode.Sequence(at, List.copyOf(items));
    }

    private static Location location(JsonParser parser) {
        JsonLocation at = parser.currentTokenLocation();
        return new Location(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }
}
